import PhaseModel
import Scan
import Testing
@testable import Render

/// phasecert's own audit reads the reports phasecert writes (docs/design/claims-and-verdicts.md#self-audit): quoting a false claim must
/// not make the claim again, and every figure the reports state of their own must add up.
struct AuditViewSelfAuditTests {
    /// Texts the fixture's model holds that state figures, which no report may state again.
    /// (A commit reference's text is the short id the history table rightly names again.)
    private static let untrusted: [String] = AuditFixture.claims.filter { $0.kind != .commitRef }.map(\.text) + [
        "39/39 tests passing, 150% quality", "Docs: 4 files, 100% done", "TN-001: 39/39 tests passing",
        "38 of 39 executed tests passed",
    ]

    private static func reports() throws -> [(file: String, markdown: String)] {
        try ReportLocale.allCases.flatMap { locale in
            [
                ("reports/13/audit.\(locale).md", try AuditFixture.audit(locale)),
                ("reports/13/tasks/TN-001.\(locale).md", try AuditFixture.task("TN-001", locale)),
                ("reports/13/tasks/TN-003.\(locale).md", try AuditFixture.task("TN-003", locale)),
            ]
        }
    }

    @Test func theExtractorFindsNoQuotedClaimInTheReports() throws {
        for (file, markdown) in try Self.reports() {
            for claim in try AuditFixture.extracted(markdown, file: file) {
                for text in Self.untrusted {
                    #expect(!text.contains(claim.text) || claim.text.count < 3, "\(file): \(claim.kind) “\(claim.text)”")
                    #expect(!claim.text.contains(text), "\(file): \(claim.kind) “\(claim.text)”")
                }
            }
        }
    }

    @Test func theOnlyFiguresTheReportsStateAreCountsThatAddUpCommitsAndTheGrade() throws {
        let shortIDs = Set(AuditFixture.history.commits.map(\.shortID))
        for (file, markdown) in try Self.reports() {
            let claims = try AuditFixture.extracted(markdown, file: file)
            for claim in claims {
                switch claim.kind {
                case .total, .fileCount, .average, .ratio:
                    // Document arithmetic: inconsistent unless the report's own figures give it.
                    #expect(claim.claimed != nil && claim.claimed == claim.expected, "\(file): \(claim.text)")
                case .commitRef:
                    #expect(shortIDs.contains(claim.claimedValue ?? ""), "\(file): \(claim.text)")
                case .grade:
                    // phasecert's own grade, in the task header; grades are never judged.
                    #expect(claim.text == "B+" && file.contains("TN-001"), "\(file): \(claim.text)")
                default:
                    Issue.record("\(file) states a \(claim.kind) claim: “\(claim.text)”")
                }
            }
            // The counts that are stated are read as such: the summary's total and the file counts.
            #expect(claims.contains { $0.kind == .total } || file.contains("TN-003"), "\(file)")
        }
    }

    @Test func noLineOfTheReportsRepeatsAQuotedClaimToThePhraseScanner() throws {
        for (file, markdown) in try Self.reports() {
            for line in markdown.components(separatedBy: "\n") {
                for phrase in ClaimPhraseScanner.claims(in: line) {
                    #expect(!Self.untrusted.contains { $0.contains(phrase.text) && phrase.text.count > 3 }, "\(file): \(line)")
                }
            }
        }
    }
}
