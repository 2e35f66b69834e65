import PhaseModel
import Testing
@testable import Score

/// A test count that disagrees with the passed results its section lists is inconsistent.
struct TestResultCountVerdictTests {
    @Test func aCountAboveTheListedResultsIsInconsistent() {
        let claim = ClaimFixtures.claim(.testCount, "24/24 tests", subject: "count", claimed: 24, denominator: 24, expected: 22)
        let judged = ClaimFixtures.judged(claim)
        #expect(judged.verdict == .inconsistent)
        #expect(judged.note == LocalizedText(
            en: "22 passed results are listed in its section", ru: "в его разделе перечислено пройденных проверок: 22"))
    }
}
