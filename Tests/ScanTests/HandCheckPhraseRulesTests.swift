import PhaseModel
import Testing
@testable import Scan

/// The reading rules behind "Verdicts that hold up to a hand check", phrase by phrase: which
/// documents are plans or vendored, which dates date their document, `5.1 Unit Tests`, and
/// `path:19-21`.
struct HandCheckPhraseRulesTests {
    @Test(arguments: [
        "docs/IMPLEMENTATION-PLAN.md", "docs/PLANNING-COMPLETE.md", "docs/2025-12-25_F004_checkout-prd.md",
        "docs/gap-analysis.md", "AGENTS.md", "CLAUDE.md", "plans/phase-2.md", "_plans/x.md", "prd/x.md",
        "research/x.md", "analysis/x.md", "templates/REPORT.md", "instructions/x.md", ".claude/commands/x.md",
        ".github/copilot-instructions.md", ".agents/x.md", "docs/план-работ.md", "docs/анализ-рисков.md",
        "docs/шаблон-отчёта.md", "docs/требования.md",
    ])
    func plansAreKnownByFolderAndByTheirNamesFirstOrLastWord(path: String) {
        #expect(WorkspaceClaimReader.isPlan(path))
    }

    @Test(arguments: [
        "docs/FINAL_STATUS.md", "docs/BLOCKERS_RESOLVED.md", "docs/validation-report.md", "docs/итоги-работы.md",
        "docs/отчёт-о-проверке.md", "tasks/TN-001-x/STATUS.md", "docs/the-plan-we-kept.md",
    ])
    func reportsAreNotPlans(path: String) {
        #expect(!WorkspaceClaimReader.isPlan(path))
    }

    @Test func vendoredFoldersAreLeftOutButNotFilesNamedLikeThem() {
        #expect(WorkspaceClaimReader.isVendored("node_modules/x/README.md"))
        #expect(WorkspaceClaimReader.isVendored("web/vendor/lib/CHANGES.md"))
        #expect(WorkspaceClaimReader.isVendored("third_party/y/NOTES.md"))
        #expect(!WorkspaceClaimReader.isVendored("docs/vendor.md"))
    }

    @Test func theDefaultGlobReadsEveryMarkdownFileButPlans() {
        let workTree = ["docs/FINAL_STATUS.md", "docs/IMPLEMENTATION-PLAN.md", "node_modules/x/README.md", "README.md", "src/a.py"]
        let documents = WorkspaceClaimReader.documents(masterList: nil, tasks: [], workTree: workTree, configuration: Configuration())
        #expect(documents.paths == ["README.md", "docs/FINAL_STATUS.md"])
    }

    // MARK: Dates

    @Test(arguments: [
        "Date: 2025-11-30", "Report date: 2025-11-30", "**Report Date**: November 30, 2025", "as of 2025-11-30",
        "Last updated: 30.11.2025", "Generated on 2025-11-30", "Report generated on Nov 30, 2025",
        "at commit abc1234 (November 30, 2025)", "Дата: 30.11.2025", "Дата отчёта: 30 ноября 2025 г.",
        "Дата проверки: 30.11.2025", "по состоянию на 30.11.2025", "Обновлено: 2025-11-30",
    ])
    func aDateLabelledAsTheDocumentsDatesTheDocument(span: String) throws {
        let dates = ClaimPhraseScanner.claims(in: span).filter { $0.kind == .date }
        let date = try #require(dates.first, "\(span)")
        #expect(dates.count == 1, "\(span)")
        #expect(date.subject == Claim.documentDateSubject, "\(span)")
        #expect(date.claimedValue == "2025-11-30", "\(span)")
    }

    @Test(arguments: [
        "Due date: 2025-11-30", "Kick-off on 2025-11-30", "Released 2025-11-30",
        "Срок: 30.11.2025", "Встреча 30 ноября 2025 г.", "Go 1.22 (released 2025-11-30)",
    ])
    func anyOtherDateDatesSomethingElse(span: String) {
        let dates = ClaimPhraseScanner.claims(in: span).filter { $0.kind == .date }
        #expect(dates.allSatisfy { $0.subject == nil }, "\(span)")
    }

    // MARK: Test counts

    @Test(arguments: ["5.1 Unit Tests", "5.2 Модульные тесты", "### 3.4 Integration tests"])
    func aDecimalNumbersASectionNotTests(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .testCount }, "\(span)")
    }

    @Test func aWholeNumberStillCountsTests() {
        expectPhrases("5 Unit Tests", [.init(kind: .testCount, text: "5 Unit Tests", subject: "count", claimed: 5)])
    }

    // MARK: Paths

    @Test(arguments: [
        ("app/filter.py:19-21", "app/filter.py"), ("main.go:42", "main.go"), ("src/a.swift", "src/a.swift"),
        ("notes:todo", "notes:todo"), ("a.py:", "a.py:"),
    ])
    func aLineReferenceIsNotPartOfThePath(written: String, path: String) {
        #expect(PathToken.withoutLineReference(written) == path)
    }
}
