import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierFigureTests {
    @Test func numbersHaveAtMostTwoDecimalsWithoutTrailingZeros() {
        #expect(ClaimFigure.number(93, .en) == "93")
        #expect(ClaimFigure.number(28.0 / 30 * 100, .en) == "93.33")
        #expect(ClaimFigure.number(95.5, .en) == "95.5")
        #expect(ClaimFigure.number(0.1 + 0.2, .en) == "0.3")
        #expect(ClaimFigure.number(1.005, .en) == "1", "rounded down, as every figure phasecert shows")
        #expect(ClaimFigure.number(1.019, .en) == "1.01")
    }

    @Test func russianUsesADecimalCommaAndNoBreakGroups() {
        #expect(ClaimFigure.number(7_321.5, .en) == "7,321.5")
        #expect(ClaimFigure.number(7_321.5, .ru) == "7\u{00A0}321,5")
        #expect(ClaimFigure.number(1_234_567, .en) == "1,234,567")
        #expect(ClaimFigure.percent(95.45, .ru) == "95,45\u{00A0}%")
        #expect(ClaimFigure.percent(95.45, .en) == "95.45%")
    }

    @Test func negativesKeepTheirSignAndZeroHasNone() {
        #expect(ClaimFigure.number(-1.7, .en) == "-1.7")
        #expect(ClaimFigure.number(-0.001, .en) == "0")
    }

    @Test func differencesAreSignedInTheirUnit() {
        #expect(ClaimFigure.difference(-1, .plain, .en) == "-1")
        #expect(ClaimFigure.difference(2, .plain, .en) == "+2")
        #expect(ClaimFigure.difference(0, .plain, .en) == "0")
        #expect(ClaimFigure.difference(-5, .percent, .en) == "-5 points")
        #expect(ClaimFigure.difference(-5, .percent, .ru) == "-5\u{00A0}п.\u{00A0}п.")
        #expect(ClaimFigure.difference(118, .hours, .ru) == "+118\u{00A0}ч")
        #expect(ClaimFigure.difference(-1.0 / 3, .fraction, .en) == "-33.33 points")
    }

    @Test func figuresCarryTheirUnit() {
        #expect(ClaimFigure.figure(2, .hours, .en) == "2 h")
        #expect(ClaimFigure.figure(0.75, .fraction, .en) == "75%")
        #expect(ClaimFigure.figure(962, .plain, .ru) == "962")
    }

    @Test func aClaimsUnitFollowsItsKindAndHowItIsWritten() {
        let source = Provenance.file("r.md", line: 1)
        #expect(ClaimUnit.of(Claim(kind: .coverage, text: "93%", source: source, claimed: 93)) == .percent)
        #expect(ClaimUnit.of(Claim(kind: .average, text: "avg 148.3%", source: source, claimed: 148.3)) == .percent)
        #expect(ClaimUnit.of(Claim(kind: .average, text: "avg 148.3", source: source, claimed: 148.3)) == .plain)
        #expect(ClaimUnit.of(Claim(kind: .completion, text: "10.5/11", source: source, claimed: 10.5, denominator: 11)) == .plain)
        #expect(
            ClaimUnit.of(Claim(kind: .completion, text: "10.5/11 = 98%", source: source, claimed: 98, denominator: 11, expected: 95.45))
                == .percent)
        #expect(ClaimUnit.of(Claim(kind: .duration, text: "2 hours", source: source, claimed: 2)) == .hours)
    }
}
