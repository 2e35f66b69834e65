import Testing

@testable import Scan

struct ClaimPhraseCoverageTests {
    @Test func percentBeforeTheWord() {
        expectPhrases("93.2% coverage", [.init(kind: .coverage, text: "93.2% coverage", claimed: 93.2)])
        expectPhrases("95%+ test coverage", [.init(kind: .coverage, text: "95%+ test coverage", claimed: 95)])
        expectPhrases("95%+ покрытие тестами", [.init(kind: .coverage, text: "95%+ покрытие тестами", claimed: 95)])
        expectPhrases("87,5 % покрытия кода", [.init(kind: .coverage, text: "87,5 % покрытия кода", claimed: 87.5)])
    }

    @Test func wordBeforeThePercent() {
        expectPhrases("coverage: 93.2%", [.init(kind: .coverage, text: "coverage: 93.2%", claimed: 93.2)])
        expectPhrases("покрытие 93,2 %", [.init(kind: .coverage, text: "покрытие 93,2 %", claimed: 93.2)])
        expectPhrases("Test Coverage: 95%+", [.init(kind: .coverage, text: "Test Coverage: 95%+", claimed: 95)])
        expectPhrases("Coverage: >90%", [.init(kind: .coverage, text: "Coverage: >90%", claimed: 90)])
        expectPhrases("покрытие тестами: 93%", [.init(kind: .coverage, text: "покрытие тестами: 93%", claimed: 93)])
        expectPhrases("coverage of 81.5%", [.init(kind: .coverage, text: "coverage of 81.5%", claimed: 81.5)])
    }

    @Test(arguments: [
        "Target: 80% coverage", "coverage ≥ 80%", "coverage >= 80%", "покрытие не менее 80 %", "coverage <50%",
        "+2% coverage", "coverage 93", "100% of requirements covered",
    ])
    func boundsPlansChangesAndBareNumbersAreNoCoverage(span: String) {
        expectNoPhrases(span)
    }
}
