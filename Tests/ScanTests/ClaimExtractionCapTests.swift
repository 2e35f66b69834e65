import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// One item (a master-list line, a paragraph, a commit subject) gives at most
/// `ClaimExtractionCap.claimsPerItem` claims; past that it is read no further and one
/// `claim.extraction-capped` finding names it. Long items are scanned a piece at a time.
struct ClaimExtractionCapTests {
    private let cap = ClaimExtractionCap.claimsPerItem

    private func extractor() throws -> ClaimExtractor {
        let tasks = [TaskRecord(id: "TN-001", phase: "1", directories: ["tasks/TN-001-big"]), TaskRecord(id: "TN-002", phase: "1")]
        let phases = [Phase(id: "1", name: "One", source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-001", "TN-002"])]
        return ClaimExtractor(ids: try TaskIDPattern(), tasks: tasks, phases: phases)
    }

    /// `count` test-count claims, `k/k tests passing`, joined by `separator`.
    private func claimsText(_ count: Int, separator: String = ", ") -> String {
        (1...count).map { "\($0)/\($0) tests passing" }.joined(separator: separator)
    }

    @Test("The catalog has the rule, as a major finding")
    func ruleInCatalog() {
        #expect(FindingRule.named(ClaimExtractionCap.rule)?.severity == .major)
        #expect(ClaimExtractionCap.rule == .claimExtractionCapped)
    }

    @Test("A master-list item over the cap gives the first claims and one finding naming its line, task and phase")
    func masterListItemCapped() throws {
        let text = ClaimText(
            text: claimsText(cap + 500), source: .file("tasks/TASKS.md", line: 12), task: "TN-001", phase: "1")
        let small = ClaimText(text: "91% coverage", source: .file("tasks/TASKS.md", line: 13), task: "TN-002", phase: "1")
        let (claims, findings) = try extractor().extract(texts: [text, small])
        #expect(claims.count == cap + 1)
        #expect(claims.prefix(cap).allSatisfy { $0.kind == .testCount && $0.source == .file("tasks/TASKS.md", line: 12) })
        #expect(claims.prefix(cap).map(\.claimed) == (1...cap).map { Double($0) })
        #expect(claims.last?.kind == .coverage)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == .claimExtractionCapped)
        #expect(finding.severity == .major)
        #expect(finding.file == "tasks/TASKS.md" && finding.line == 12)
        #expect(finding.task == "TN-001")
        #expect(finding.phase == "1")
        #expect(finding.message.en.contains("tasks/TASKS.md:12"))
        #expect(finding.message.ru.contains("tasks/TASKS.md:12"))
    }

    @Test("An item with exactly the cap's number of claims is read whole, without a finding")
    func itemAtTheCap() throws {
        let text = ClaimText(text: claimsText(cap), source: .file("tasks/TASKS.md", line: 3), task: "TN-001", phase: "1")
        let (claims, findings) = try extractor().extract(texts: [text])
        #expect(claims.count == cap)
        #expect(findings.isEmpty)
        #expect(try extractor().claims(in: [text]).count == cap)
    }

    @Test("A paragraph over the cap is cut there; the document's other items are still read")
    func documentParagraphCapped() throws {
        let markdown = "# Report\n\n12/12 tests passing\n\n" + claimsText(cap + 20, separator: ",\n") + "\n\n91% coverage\n"
        let (claims, findings) = try extractor().extract(markdown: markdown, file: "tasks/TN-001-big/REPORT.md")
        #expect(claims.count == 1 + cap + 1)
        #expect(claims.first?.claimed == 12)
        #expect(claims.last?.kind == .coverage)
        #expect(claims.allSatisfy { $0.task == "TN-001" })
        #expect(findings.map(\.rule) == [.claimExtractionCapped])
        #expect(findings.first?.file == "tasks/TN-001-big/REPORT.md" && findings.first?.line == 5)
        #expect(findings.first?.task == "TN-001")
        // The claims kept stand on the lines they were written on.
        #expect(claims[1].source.line == 5)
        #expect(claims[cap].source.line == 5 + cap - 1)
        // `claims(inMarkdown:)` keeps its answer: the same claims, without the finding.
        #expect(try extractor().claims(inMarkdown: markdown, file: "tasks/TN-001-big/REPORT.md") == claims)
    }

    @Test("A commit subject over the cap gives one finding naming the commit")
    func commitSubjectCapped() throws {
        let signature = GitSignature(name: "A", email: "a@example.com", time: 1_764_000_000, offsetMinutes: 0)
        let commit = GitCommit(
            id: "0123456789abcdef0123456789abcdef01234567", parents: [], author: signature, committer: signature,
            subject: "TN-002: " + claimsText(cap + 1), body: "")
        let (claims, findings) = try extractor().extract(subjectsOf: [commit])
        #expect(claims.count == cap)
        #expect(findings.count == 1)
        #expect(findings.first?.commit == commit.id)
        #expect(findings.first?.task == "TN-002")
    }

    @Test("Lines of a span over the piece length give the claims a whole scan gives, at the same ranges")
    func longSpanCutAtLineBreaks() {
        let filler = String(repeating: "The exporter ships metrics to the collector and keeps them. ", count: 40)
        var lines: [String] = []
        for number in 1...120 { lines.append("\(filler)Run \(number): \(number)/\(number) tests passing.") }
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count > 2 * ClaimPhraseScanner.pieceLength)
        let whole = ClaimPhraseScanner.claims(in: text)
        let (pieces, isCapped) = ClaimPhraseScanner.claims(in: text, limit: cap)
        #expect(!isCapped)
        #expect(whole.count == 120)
        #expect(pieces == whole)
        #expect(pieces.allSatisfy { String(text[$0.range]) == $0.text })
    }

    @Test("One line over the piece length is cut at blanks; every claim is found, quoted from its own range")
    func longLineCutAtBlanks() {
        let count = cap - 1
        let text = "Привет ✅ " + claimsText(count, separator: ", and then the collector and exporter suites ran again: ")
            + " — все готово"
        #expect(text.utf8.count > ClaimPhraseScanner.pieceLength)
        let (claims, isCapped) = ClaimPhraseScanner.claims(in: text, limit: cap)
        #expect(!isCapped)
        #expect(claims.count == count)
        #expect(claims.map(\.claimed) == (1...count).map { Double($0) })
        #expect(claims.allSatisfy { String(text[$0.range]) == $0.text })
        // Ranges are in text order and do not overlap.
        #expect(zip(claims, claims.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
    }

    @Test("Text without a blank or line break over the piece length is still scanned to its end")
    func longUnbrokenText() {
        let text = String(repeating: "é", count: ClaimPhraseScanner.pieceLength) + " 91% coverage"
        let (claims, isCapped) = ClaimPhraseScanner.claims(in: text, limit: cap)
        #expect(!isCapped)
        #expect(claims.map(\.kind) == [.coverage])
        #expect(claims.allSatisfy { String(text[$0.range]) == $0.text })
    }

    @Test("A long item stops being read at the cap: a 2 MB line gives the cap's claims and is capped")
    func hugeItemStopsEarly() throws {
        let line = claimsText(80_000)
        #expect(line.utf8.count > 2_000_000)
        let text = ClaimText(text: line, source: .file("tasks/TASKS.md", line: 7), task: "TN-001", phase: "1")
        let (claims, findings) = try extractor().extract(texts: [text])
        #expect(claims.count == cap)
        #expect(findings.count == 1)
    }

    @Test("A scan of a master list with an item over the cap raises the finding once")
    func scanRaisesTheFinding() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", """
            # Tasks
            ## Phase 1: One
            - [x] **TN-001** Everything ✅ \(claimsText(cap + 3))
            - [ ] **TN-002** Nothing yet
            """)
        _ = try repository.commit("TN-001: plan")
        let workspace = try WorkspaceScanner(repository: repository.path).scan()
        let capped = workspace.findings.filter { $0.rule == .claimExtractionCapped }
        #expect(capped.count == 1)
        #expect(capped.first?.file == "tasks/TASKS.md" && capped.first?.line == 3)
        #expect(capped.first?.task == "TN-001")
        #expect(workspace.claims.filter { $0.source == .file("tasks/TASKS.md", line: 3) }.count == cap)
    }
}
