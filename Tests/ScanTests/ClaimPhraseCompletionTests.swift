import Testing

@testable import Scan

struct ClaimPhraseCompletionTests {
    @Test func tasksDoneOutOfTasks() {
        expectPhrases(
            "10.5/11 tasks", [.init(kind: .completion, text: "10.5/11 tasks", claimed: 10.5, denominator: 11)])
        expectPhrases(
            "11/11 tasks complete",
            [.init(kind: .completion, text: "11/11 tasks complete", claimed: 11, denominator: 11)])
        expectPhrases(
            "10.5/11 задач завершены",
            [.init(kind: .completion, text: "10.5/11 задач завершены", claimed: 10.5, denominator: 11)])
        expectPhrases(
            "Completion: 7/8", [.init(kind: .completion, text: "Completion: 7/8", claimed: 7, denominator: 8)])
        expectPhrases("Tasks: 10/11", [.init(kind: .completion, text: "Tasks: 10/11", claimed: 10, denominator: 11)])
    }

    @Test func percentagesWithCompletionWords() {
        expectPhrases("COMPLETED 100%", [.init(kind: .completion, text: "COMPLETED 100%", claimed: 100)])
        expectPhrases("95.5% complete", [.init(kind: .completion, text: "95.5% complete", claimed: 95.5)])
        expectPhrases("100% done", [.init(kind: .completion, text: "100% done", claimed: 100)])
        expectPhrases("95,5 % завершено", [.init(kind: .completion, text: "95,5 % завершено", claimed: 95.5)])
        expectPhrases("достигла 98% завершения", [.init(kind: .completion, text: "98% завершения", claimed: 98)])
        expectPhrases("Progress: 87.5%", [.init(kind: .completion, text: "Progress: 87.5%", claimed: 87.5)])
        expectPhrases(
            "Status: ✅ 100% COMPLETE - PRODUCTION-READY",
            [.init(kind: .completion, text: "100% COMPLETE", claimed: 100)])
    }

    @Test func aPercentBesideItsTasksRatioCarriesTheRatioAsExpected() {
        let ratio = 10.5 / 11 * 100
        expectPhrases(
            "Процент завершения: 95.5% (10.5/11 завершены)",
            [
                .init(kind: .completion, text: "Процент завершения: 95.5%", claimed: 95.5, expected: ratio),
                .init(kind: .completion, text: "10.5/11 завершены", claimed: 10.5, denominator: 11),
            ])
        expectPhrases(
            "98% READY (10.5/11 tasks complete)",
            [
                .init(kind: .completion, text: "98% READY", claimed: 98, expected: ratio),
                .init(kind: .completion, text: "10.5/11 tasks complete", claimed: 10.5, denominator: 11),
            ])
        expectPhrases(
            "Completion: 95.5% (10.5/11)",
            [
                .init(kind: .completion, text: "Completion: 95.5%", claimed: 95.5, expected: ratio),
                .init(kind: .completion, text: "10.5/11", claimed: 10.5, denominator: 11),
            ])
        expectPhrases(
            "Total: 11/11 tasks (100%)",
            [
                .init(kind: .completion, text: "11/11 tasks", claimed: 11, denominator: 11),
                .init(kind: .completion, text: "100%", claimed: 100, expected: 100),
            ])
        expectPhrases(
            "✅ 100% (11/11 tasks)",
            [
                .init(kind: .completion, text: "100%", claimed: 100, expected: 100),
                .init(kind: .completion, text: "11/11 tasks", claimed: 11, denominator: 11),
            ])
        expectPhrases(
            "Tasks: 10.5/11 = 98%",
            [
                .init(kind: .completion, text: "Tasks: 10.5/11", claimed: 10.5, denominator: 11),
                .init(kind: .completion, text: "98%", claimed: 98, expected: ratio),
            ])
    }

    @Test func aPercentIsNotPairedAcrossASentence() {
        expectPhrases(
            "Phase 13 is 98% complete. Phase 14: 7/8 tasks.",
            [
                .init(kind: .completion, text: "98% complete", claimed: 98),
                .init(kind: .completion, text: "7/8 tasks", claimed: 7, denominator: 8),
            ])
    }

    @Test func readinessAloneIsNoCompletion() {
        expectNoPhrases("98% READY")
        expectNoPhrases("Production Ready: 95%")
        expectNoPhrases("100% production-ready")
    }

    @Test(arguments: [
        "Phase 13 completed 50% faster than estimated", "+2% completion", "must be 100% complete",
        "Target: 100% completion", "11 tasks in 4 days",
    ])
    func comparisonsChangesAndPlansAreNoCompletion(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .completion }, "\(span)")
    }
}
