import Testing

@testable import Scan

struct ClaimPhraseQualityTests {
    @Test func percentBeforeTheWord() {
        expectPhrases("150% quality", [.init(kind: .quality, text: "150% quality", claimed: 150)])
        expectPhrases("162% качества", [.init(kind: .quality, text: "162% качества", claimed: 162)])
        expectPhrases("150% average quality", [.init(kind: .quality, text: "150% average quality", claimed: 150)])
        expectPhrases(
            "148.3% среднего качества", [.init(kind: .quality, text: "148.3% среднего качества", claimed: 148.3)])
    }

    @Test func labelBeforeThePercent() {
        expectPhrases("quality: 148.3%", [.init(kind: .quality, text: "quality: 148.3%", claimed: 148.3)])
        expectPhrases(
            "уровень качества: 148.3%", [.init(kind: .quality, text: "уровень качества: 148.3%", claimed: 148.3)])
        expectPhrases("Quality: ✅ 150% average", [.init(kind: .quality, text: "Quality: ✅ 150%", claimed: 150)])
        expectPhrases(
            "Overall Quality Achievement: 150%+",
            [.init(kind: .quality, text: "Overall Quality Achievement: 150%+", claimed: 150)])
    }

    @Test func aScoreOutOfAHundredIsItsPercent() {
        expectPhrases("Quality Score: 97/100", [.init(kind: .quality, text: "Quality Score: 97/100", claimed: 97)])
        expectPhrases("Quality Score: 8/10", [.init(kind: .quality, text: "Quality Score: 8/10", claimed: 80)])
    }

    @Test(arguments: [
        "Goal: 150% quality", "150%+ quality target", "+1.7% quality", "quality gates", "167% Phase 1 quality",
    ])
    func plansChangesAndLooseWordsAreNoQuality(span: String) {
        expectNoPhrases(span)
    }
}
