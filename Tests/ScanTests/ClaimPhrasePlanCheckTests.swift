import Testing

@testable import Scan

struct ClaimPhrasePlanCheckTests {
    /// Whether the plan check calls the first number in `text` planned.
    private func planned(_ text: String) -> Bool {
        let tokens = PhraseTokens(text)
        guard let figure = tokens.tokens.firstIndex(where: { $0.kind == .number }) else { return false }
        return tokens.isPlanned(anchor: figure)
    }

    @Test(arguments: [
        "Target: 80%", "goal of 80%", "at least 36", "не менее 80 %", "≥ 80%", ">= 80%", "< 5", "ожидается 40",
        "Goal (80%)", "should reach 36", "минимум 5", "no fewer than 3",
    ])
    func planWordsAndBoundsBeforeTheFigure(text: String) {
        #expect(planned(text), "\(text)")
    }

    @Test(arguments: [
        "achieved 80%", "Target 50; achieved 80%", "Target 50, achieved 80%", "Target 50 (achieved 80%)",
        "exceeds the target by 2, 80%", "> 80%", "at 80%", "Phase 13 — 80%",
    ])
    func resultsAreNotPlans(text: String) {
        let tokens = PhraseTokens(text)
        let last = tokens.tokens.lastIndex { $0.kind == .number } ?? 0
        #expect(!tokens.isPlanned(anchor: last), "\(text)")
    }

    @Test func aPlanWordRightAfterThePhraseMakesItATarget() {
        let tokens = PhraseTokens("80% coverage target")
        #expect(tokens.isPlanned(after: 1))
        #expect(!PhraseTokens("80% coverage achieved").isPlanned(after: 1))
    }
}
