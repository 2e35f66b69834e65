import PhaseModel
import Testing
@testable import Scan

/// A status that a list item or table row gives one step (`Create feature branch — DONE`) is the
/// step's, not the task's or the phase's; the status of a task or phase named there, labelled
/// `Status:`, or standing alone stays theirs.
struct StepStatusTests {
    private func statuses(_ markdown: String, file: String = "docs/PHASE13_STATUS.md") throws -> [Claim] {
        let phases = [
            Phase(id: "13", name: "Export", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-201", "TN-202"])
        ]
        let tasks = [
            TaskRecord(id: "TN-201", title: "Exporter", phase: "13", directories: ["tasks/TN-201-exporter"]),
            TaskRecord(id: "TN-202", title: "Dashboard", phase: "13", directories: ["tasks/TN-202-dashboard"]),
        ]
        let extractor = ClaimExtractor(ids: try TaskIDPattern(), tasks: tasks, phases: phases)
        return extractor.claims(inMarkdown: markdown, file: file).filter { $0.kind == .status }
    }

    @Test func aStepsStatusIsTheSteps() throws {
        let markdown = """
            # TN-201 final status

            ## Steps

            1. Create feature branch `feature/TN-201` — **DONE**
            2. Write the exporter — ✅ DONE
            3. Настроить CI — ГОТОВО

            | Step | State |
            |------|-------|
            | Open the pull request | DONE |
            """
        let found = try statuses(markdown)
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.subject == Claim.stepStatusSubject })
    }

    @Test func theStatusOfANamedTaskOrPhaseOrALabelledOneStaysTheirs() throws {
        let markdown = """
            # Phase 13 report

            - TN-201 Exporter — DONE
            - **Status:** ✅ COMPLETE
            - ✅ DONE
            - Phase 13 COMPLETE
            - **Task 1.1:** ✅ COMPLETE
            - All 26 implementation tasks completed ✅

            | Task | Result |
            |------|--------|
            | TN-202 | DONE |
            """
        let found = try statuses(markdown)
        #expect(found.count == 7)
        #expect(found.allSatisfy { $0.subject == nil })
        #expect(found.first?.task == "TN-201")
    }

    @Test func aStatusOutsideAListIsNotAStep() throws {
        let found = try statuses("# TN-201\n\nThe exporter is DONE.\n\n## Summary: COMPLETE\n")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.subject == nil })
    }
}

/// A status word in quotes is mentioned, not stated.
struct QuotedStatusTests {
    @Test(arguments: ["A step's \"DONE\" is the step's", "Слово «ГОТОВО» ничего не значит", "the 'COMPLETE' label"])
    func aQuotedStatusIsNoClaim(text: String) {
        #expect(!ClaimPhraseScanner.claims(in: text).contains { $0.kind == .status })
    }

    @Test func anUnquotedStatusStillIs() {
        #expect(ClaimPhraseScanner.claims(in: "Phase 13: DONE").contains { $0.kind == .status })
    }
}
