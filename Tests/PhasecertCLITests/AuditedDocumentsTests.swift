import Foundation
import PhaseModel
import Testing
import TestSupport

/// Which documents and which parts of them carry claims: every Markdown file but plans and
/// vendored folders, whatever its name; in a checklist only ticked items; nowhere an unticked
/// item (a to-do) or what is nested under it.
struct AuditedDocumentsTests {
    static let reports = [
        "docs/FINAL_STATUS.md": "# Final status\n\n- Coverage: 85%\n",
        "docs/BLOCKERS_RESOLVED.md": "# Blockers resolved\n\n- 90% coverage\n",
        "docs/итоги-работы.md": "# Итоги работы\n\n- покрытие тестами: 93%\n",
        "docs/состояние.md": "# Состояние\n\n- 87,5 % покрытия кода\n",
    ]

    static let plans = [
        "docs/IMPLEMENTATION-PLAN.md", "docs/design-notes.md", "docs/checkout-prd.md", "docs/gap-analysis.md",
        "docs/research/caching.md", "plans/phase-2.md", "_plans/phase-3.md", "prd/checkout.md", ".claude/commands/report.md",
        ".github/instructions/review.md", "docs/templates/report.md", "docs/план-работ.md", "docs/анализ-рисков.md",
        "docs/требования.md", "node_modules/left-pad/README.md", "vendor/lib/CHANGES.md", "third_party/x/NOTES.md",
    ]

    func repository() throws -> HandCheckRepository {
        var repository = try HandCheckRepository()
        for (path, text) in Self.reports { try repository.write(path, text) }
        for path in Self.plans { try repository.write(path, "# Plan\n\n- Coverage: 95%\n- 40 tests passing\n") }
        try repository.commit("docs: reports and plans", on: "2025-12-02")
        return repository
    }

    @Test func aReportWhoseNameHasNoReportWordIsAudited() throws {
        let repository = try repository()
        let workspace = try repository.scan()
        for (path, _) in Self.reports {
            let claims = try repository.claims(.coverage, in: path, at: "%", of: workspace)
            #expect(claims.count == 1, "\(path)")
        }
    }

    @Test func plansDesignsPRDsAgentInstructionsAndVendoredFilesAreNotAudited() throws {
        let repository = try repository()
        let workspace = try repository.scan()
        let read = Set(workspace.claims.compactMap(\.source.file))
        for path in Self.plans {
            #expect(!read.contains(path), "\(path) was read for claims")
        }
    }

    // MARK: Checklists and to-dos

    static let specKitTasks = """
        # Tasks: Parser

        ## Phase 3.1: Setup

        - [x] T001 Parse the header; 12 tests passing
        - [ ] T002 Write 40 tests for the body
          - 95% coverage of the body
        - [ ] T003 Написать 30 тестов для лексера

        ## File Summary

        - `src/parser.py` (120 LOC)
        - `src/missing_module.py`
        - `tests/test_parser.py`

        **Total: 3 files**

        | File | Lines |
        |---|---|
        | src/parser.py | 120 |
        | tests/test_parser.py | 80 |
        | Total | 250 |

        """

    static let report = """
        # Parser report

        - [x] Header parsed, 12 tests passing
        - [ ] 40 tests for the body
          - 95% coverage of the body
        - [x] Лексер готов, 12 тестов
        - [ ] Написать 30 тестов для лексера
          - покрытие тестами: 93%

        """

    func checklistRepository() throws -> HandCheckRepository {
        var repository = try HandCheckRepository(firstChecklist: Self.specKitTasks)
        try repository.write("src/parser.py", "a = 1\n")
        try repository.write("tasks/TN-001-parser/STATUS.md", Self.report)
        try repository.commit("TN-001: parser", on: "2025-12-02")
        return repository
    }

    @Test func inAChecklistOnlyTickedItemsCarryClaims() throws {
        let repository = try checklistRepository()
        let workspace = try repository.scan()
        let file = "tasks/TN-001-parser/tasks.md"
        let ticked = try repository.claim(.testCount, in: file, at: "12 tests passing", of: workspace)
        #expect(ticked.claimed == 12)
        #expect(ticked.task == "TN-001")
        for needle in ["40 tests", "95% coverage", "30 тестов"] {
            #expect(try repository.claims(in: file, at: needle, of: workspace).isEmpty, "\(needle)")
        }
    }

    /// Spec Kit's `tasks.md` ends with the files the plan will touch and their total: a plan, not
    /// a report, so no deliverable, line count, file count or table total comes from it.
    @Test func theFileSummaryOfASpecKitTasksFileIsNoClaim() throws {
        let repository = try checklistRepository()
        let workspace = try repository.scan()
        let file = "tasks/TN-001-parser/tasks.md"
        let first = try repository.line(of: "## File Summary", in: file)
        let summary = workspace.claims.filter { $0.source.file == file && ($0.source.line ?? 0) >= first }
        #expect(summary.map { "\($0.kind) “\($0.text)”" } == [])
        #expect(!workspace.findings.contains { $0.file == file && $0.rule == .deliverableMissing })
    }

    @Test func anUntickedItemAndItsSubItemsAreNoClaimsInAnyDocument() throws {
        let repository = try checklistRepository()
        let workspace = try repository.scan()
        let file = "tasks/TN-001-parser/STATUS.md"
        #expect(try repository.claim(.testCount, in: file, at: "Header parsed", of: workspace).claimed == 12)
        #expect(try repository.claim(.testCount, in: file, at: "Лексер готов", of: workspace).claimed == 12)
        for needle in ["40 tests", "95% coverage", "30 тестов", "покрытие тестами"] {
            #expect(try repository.claims(in: file, at: needle, of: workspace).isEmpty, "\(needle)")
        }
    }
}
