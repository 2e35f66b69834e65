import Testing

@testable import Scan

struct ClaimPhraseRatioTests {
    @Test func ratiosWithTheirPercentage() {
        expectPhrases(
            "28/30 = 93%",
            [.init(kind: .ratio, text: "28/30 = 93%", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100)])
        expectPhrases(
            "(9/10 = 95%)", [.init(kind: .ratio, text: "9/10 = 95%", claimed: 95, denominator: 10, expected: 90)])
        expectPhrases(
            "28 of 30 (93%)",
            [.init(kind: .ratio, text: "28 of 30 (93%)", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100)])
        expectPhrases(
            "Production Readiness Checklist (28/30 = 93%)",
            [.init(kind: .ratio, text: "28/30 = 93%", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100)])
        expectPhrases(
            "28 из 30 (93 %)",
            [.init(kind: .ratio, text: "28 из 30 (93 %)", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100)])
    }

    @Test func percentageFirstWithTheRatioInBrackets() {
        expectPhrases(
            "Test Pass Rate: 98.1% (53/54)",
            [.init(kind: .ratio, text: "98.1% (53/54)", claimed: 98.1, denominator: 54, expected: 53.0 / 54 * 100)])
    }

    @Test(arguments: ["14/14", "Implementation (14/14) ✅", "28/30 items (93%)", "1/2/3 = 50%", "a zero 0/0 = 0%"])
    func ratiosWithoutAnAttachedPercentageAreNoRatioClaims(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .ratio && $0.expected != nil }, "\(span)")
    }

    @Test func testAndTaskRatiosAreReadByTheirOwnFamilies() {
        expectPhrases(
            "22/25 = 88% tests",
            [.init(kind: .testCount, text: "22/25 = 88% tests", subject: "count", claimed: 22, denominator: 25)])
        #expect(ClaimPhraseScanner.claims(in: "10.5/11 tasks").map(\.kind) == [.completion])
    }
}
