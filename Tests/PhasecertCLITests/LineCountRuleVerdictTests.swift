import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// Line counts judged end to end against every common way of counting a file's lines (all lines,
/// non-blank, non-blank without whole-line comments, cloc's code lines), and paths written with
/// Windows separators.
struct LineCountRuleVerdictTests {
    /// A TypeScript-like source of 85 lines: 20 blank, 15 `//` lines, a 10-line doc block and 40
    /// lines of code, so each rule gives a count more than 10% from the others (85, 65, 50, 40).
    private static let source: String = {
        var lines = ["/**"] + (1...8).map { " * part \($0)" } + [" */"]
        for index in 1...40 {
            lines.append("export const value\(index) = \"a/*b\";")
            if index <= 15 { lines.append("// step \(index)") }
            if index <= 20 { lines.append("") }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    private func plan(_ repository: GitRepositoryBuilder) throws {
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n")
    }

    /// The claims of `NOTES.md`, which names `path` once per figure, in a repository holding the
    /// 85-line source at `app/src/core/parser.ts` (or with `fileExtension` in place of `ts`).
    private func judged(_ figures: [Int], path: String = "app/src/core/parser.ts", fileExtension: String = "ts") throws -> [Claim] {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("app/src/core/parser.\(fileExtension)", Self.source)
        let items = figures.map { "- `\(path)` (\($0) lines) parses\n" }.joined()
        try repository.write("NOTES.md", "# Notes\n\n" + items)
        try repository.commit("feat(TN-001): parser")
        return try AuditedClaims.of(repository).filter { $0.kind == .loc && $0.source.file == "NOTES.md" }
    }

    private func claim(_ claims: [Claim], _ figure: Double) throws -> Claim {
        try #require(claims.first { $0.claimed == figure })
    }

    @Test func aFigureOfEveryLineIsVerifiedAsBefore() throws {
        let claim = try claim(try judged([85]), 85)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 85)
        #expect(claim.note?.en.contains("of them") == false)
    }

    @Test func aFigureOfNonBlankLinesIsVerifiedAndSaysSo() throws {
        let claim = try claim(try judged([65]), 65)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 65)
        #expect(claim.note?.en.contains("65 not blank") == true)
        #expect(claim.note?.ru.contains("непустых 65") == true)
    }

    @Test func aFigureWithoutCommentLinesIsVerifiedAndSaysSo() throws {
        let claim = try claim(try judged([50]), 50)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 50)
        #expect(claim.note?.en.contains("50 neither blank nor whole-line comments") == true)
    }

    @Test func aFigureOfCodeLinesOutsideEveryCommentIsVerifiedAndSaysSo() throws {
        let claim = try claim(try judged([40]), 40)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 40)
        #expect(claim.note?.en.contains("40 holding code outside comments") == true)
        #expect(claim.note?.ru.contains("как считает cloc") == true)
    }

    @Test func aFigureThatFitsNoWayOfCountingIsContradicted() throws {
        let claims = try judged([120, 30, 75])
        for figure in [120.0, 30, 75] {
            let claim = try claim(claims, figure)
            #expect(claim.verdict == .contradicted, "\(figure)")
            #expect(claim.verified == 85)
            #expect(claim.note?.en.contains("matches none of these ways of counting") == true)
            #expect(claim.note?.ru.contains("не сходится ни с одним") == true)
        }
    }

    @Test func aRoundedFigureIsHeldToEveryLineOnly() throws {
        // `~50` would fit the 50 lines without comments, but an estimate near some count is no match.
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("app/src/core/parser.ts", Self.source)
        try repository.write("NOTES.md", "# Notes\n\n- `app/src/core/parser.ts` (~50 lines) parses\n")
        try repository.commit("feat(TN-001): parser")
        let claim = try #require(try AuditedClaims.of(repository).first { $0.kind == .loc && $0.source.file == "NOTES.md" })
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 85)
        // The note must not say the figure fits none of the other counts: it fits one, unasked.
        #expect(claim.note?.en.contains("50 neither blank nor whole-line comments") == true)
        #expect(claim.note?.en.contains("that a rounded or bounded figure is not held to") == true)
        #expect(claim.note?.en.contains("matches none") == false)
        #expect(claim.note?.ru.contains("не сверяется") == true)
    }

    @Test func aFigureNearButNotAtAnotherRulesCountIsContradicted() throws {
        // 45 is within 10% of the 50 lines without comments, but a tool's count is exact.
        let claim = try claim(try judged([45]), 45)
        #expect(claim.verdict == .contradicted)
    }

    @Test func aFileOfUnknownLanguageIsCountedOnlyByAllAndNonBlankLines() throws {
        let claims = try judged([65, 50, 40], path: "app/src/core/parser.unknownext", fileExtension: "unknownext")
        #expect(try claim(claims, 65).verdict == .verified)
        #expect(try claim(claims, 50).verdict == .contradicted)
        #expect(try claim(claims, 40).verdict == .contradicted)
        #expect(try claim(claims, 40).note?.en.contains("cloc") == false)
    }

    @Test func aPathWithBackslashesUnderASubProjectIsFound() throws {
        let repository = try GitRepositoryBuilder()
        try plan(repository)
        try repository.write("app/src/core/parser.ts", Self.source)
        try repository.write("docs/reports/CATALOG.md", """
            # Каталог компонентов

            #### Parser

            - **Файл:** `src\\core\\parser.ts`
            - **Строк кода:** 50

            """)
        try repository.commit("feat(TN-001): parser")
        let claim = try #require(try AuditedClaims.of(repository).first { $0.kind == .loc && $0.source.file == "docs/reports/CATALOG.md" })
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == "app/src/core/parser.ts")
        #expect(claim.note?.ru.contains("непустых и не целиком комментариев 50") == true)
    }

    @Test func aBackslashPathThatNamesNothingIsNoEvidence() throws {
        let claims = try judged([85], path: "src\\core\\missing.ts")
        let claim = try claim(claims, 85)
        #expect(claim.verdict == .unverifiable)
    }

    @Test func aBackslashPathInEnglishIsVerified() throws {
        let claim = try claim(try judged([85], path: "app\\src\\core\\parser.ts"), 85)
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == "app/src/core/parser.ts")
    }
}
