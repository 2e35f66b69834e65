import Testing

@testable import Scan

struct ClaimPhraseStatusTests {
    @Test(arguments: [
        ("COMPLETE", "COMPLETE", "done"), ("COMPLETED", "COMPLETED", "done"), ("DONE", "DONE", "done"),
        ("✅ Complete", "Complete", "done"), ("Done ✅", "Done", "done"), ("IN PROGRESS", "IN PROGRESS", "in-progress"),
        ("IN-PROGRESS", "IN-PROGRESS", "in-progress"), ("🚧 In progress", "In progress", "in-progress"),
        ("BLOCKED", "BLOCKED", "blocked"), ("⛔ Blocked", "Blocked", "blocked"), ("ЗАВЕРШЕНА", "ЗАВЕРШЕНА", "done"),
        ("ЗАВЕРШЁН", "ЗАВЕРШЁН", "done"), ("ЗАВЕРШЕНО", "ЗАВЕРШЕНО", "done"), ("ГОТОВО", "ГОТОВО", "done"),
        ("В РАБОТЕ", "В РАБОТЕ", "in-progress"), ("ЗАБЛОКИРОВАНА", "ЗАБЛОКИРОВАНА", "blocked"),
        ("Status: done", "done", "done"), ("Статус: в работе", "в работе", "in-progress"),
        ("Status: ✅ Complete", "Complete", "done"), ("Phase 8 is COMPLETE!", "COMPLETE", "done"),
    ])
    func statusWordsThatStandOut(span: String, text: String, value: String) {
        expectPhrases(
            span, [.init(kind: .status, text: text, claimed: value == "done" ? 1 : 0, claimedValue: value)])
    }

    @Test(arguments: [
        "complete the form", "Please complete all steps", "✅", "⏳ Complete PostgreSQL adapter", "NOT COMPLETE",
        "не завершена", "ПОЧТИ ГОТОВО", "must be COMPLETE", "COMPLETE_REPORT.md", "in progress", "blocked by TN-012",
        "🚧 Done", "COMPLETED TASKS",
    ])
    func ordinaryWordsAndMismatchedMarksAreNoStatus(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .status }, "\(span)")
    }

    @Test func aStatusWordInsideACompletionIsNotReadTwice() {
        expectPhrases("100% COMPLETE", [.init(kind: .completion, text: "100% COMPLETE", claimed: 100)])
    }
}
