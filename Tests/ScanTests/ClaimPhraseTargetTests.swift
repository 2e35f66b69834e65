import Testing

@testable import Scan

struct ClaimPhraseTargetTests {
    @Test func marginsOverATarget() {
        expectPhrases(
            "exceeds the 150% target by -1.7%",
            [.init(kind: .target, text: "exceeds the 150% target by -1.7%", subject: "150%", claimed: -1.7)])
        expectPhrases(
            "превышает цель 150% на -1.7%",
            [.init(kind: .target, text: "превышает цель 150% на -1.7%", subject: "150%", claimed: -1.7)])
        expectPhrases("above target by 12%", [.init(kind: .target, text: "above target by 12%", claimed: 12)])
        expectPhrases(
            "surpassed the target of 80% by 5%",
            [.init(kind: .target, text: "surpassed the target of 80% by 5%", subject: "80%", claimed: 5)])
    }

    @Test func theActualBeforeThePhraseGivesTheExpectedMargin() {
        expectPhrases(
            "148.3% (exceeds 150% target by -1.7%)",
            [
                .init(
                    kind: .target, text: "exceeds 150% target by -1.7%", subject: "150%", claimed: -1.7,
                    expected: 148.3 - 150)
            ])
        expectPhrases(
            "Average: 242% (exceeds 150% target by +92%)",
            [.init(kind: .target, text: "exceeds 150% target by +92%", subject: "150%", claimed: 92, expected: 92)])
        // An actual in another unit says nothing about a percent margin.
        expectPhrases(
            "630 LOC — exceeds 150% target by 8%",
            [
                .init(kind: .loc, text: "630 LOC", claimed: 630),
                .init(kind: .target, text: "exceeds 150% target by 8%", subject: "150%", claimed: 8),
            ])
    }

    @Test(arguments: [
        "exceeds expectations", "over 50 metrics by design", "exceeds 150% by 2%", "above target", "150% target",
    ])
    func withoutTargetWordOrMarginThereIsNoTargetClaim(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .target }, "\(span)")
    }
}
