import PhaseModel
import Testing
@testable import Scan

/// Which words make a duration time spent on the work: its `subject` is that word.
struct DurationSpentCueTests {
    private func subjects(_ text: String) -> [String?] {
        ClaimPhraseScanner.claims(in: text).filter { $0.kind == .duration }.map(\.subject)
    }

    @Test(arguments: [
        ("Duration: 6h", "duration"), ("Took 2 hours", "took"), ("Completed in 4h", "completed"),
        ("Time spent: ~3 hours", "spent"), ("Actual: 5h", "actual"), ("Время: 3 часа", "время"),
        ("Заняло 2 дня", "заняло"), ("Выполнено за 5 часов", "выполнено"),
    ])
    func spentTimeIsMarked(text: String, cue: String) {
        #expect(subjects(text) == [cue])
    }

    @Test(arguments: [
        "### 8.3 Grafana Dashboard - 1h", "Effort: 8h", "Estimated time: 8h", "Planned duration: 2 days",
        "time presets (1h, 4h, 24h)", "| Review | 1h | 0.5h |", "Оценка: 3 часа",
    ])
    func estimatesAndOtherLengthsAreNotMarked(text: String) {
        #expect(subjects(text).allSatisfy { $0 == nil })
    }
}

/// A number that names a phase or a step counts no tests: `Phase 3 Test` is a label.
struct NumberedLabelTests {
    @Test(arguments: ["Phase 3 Test", "Task 2 tests pass", "Step 4 tests", "Этап 2 тесты", "Sprint 5 test plan"])
    func aNumberedLabelIsNoTestCount(text: String) {
        #expect(ClaimPhraseScanner.claims(in: text).filter { $0.kind == .testCount }.isEmpty)
    }

    @Test func aCountAfterOtherWordsIsStillACount() {
        #expect(ClaimPhraseScanner.claims(in: "All 39 tests pass").filter { $0.kind == .testCount }.map(\.claimed) == [39])
    }
}
