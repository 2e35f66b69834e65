import PhaseModel
import Testing
@testable import Score

/// A duration is judged against the commits' span only when the text states it as time spent;
/// an estimate, an effort, a per-item time or the length of something else is not judged.
struct DurationSpentTimeTests {
    typealias F = ClaimFixtures

    @Test func aDurationWithoutASpentCueIsNotJudgedAndSaysWhy() {
        let workspace = F.workspace(tasks: [F.task(first: "2025-11-01", last: "2025-11-06")])
        let claim = F.judged(F.claim(.duration, "1h", claimed: 1), in: workspace)
        #expect(claim.verdict == nil)
        #expect(claim.note?.en.hasPrefix("not stated as time spent") == true)
        #expect(claim.note?.ru.hasPrefix("не сказано") == true)
        #expect(ClaimFindings.finding(for: claim) == nil)
    }

    @Test func aStatedSpentTimeIsStillJudged() {
        let workspace = F.workspace(tasks: [F.task(first: "2025-11-01", last: "2025-11-06")])
        let claim = F.judged(F.claim(.duration, "2h", subject: "duration", claimed: 2), in: workspace)
        #expect(claim.verdict == .contradicted)
    }
}
