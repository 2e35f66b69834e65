import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierToleranceTests {
    let defaults = ClaimTolerance(Configuration.Claims())

    func close(_ value: Double, _ target: Double) -> Bool { (value - target).magnitude < 1e-12 }

    @Test func aPercentExactlyAtTheToleranceIsAcceptedAndJustBeyondIsNot() {
        #expect(defaults.accepts(93.5, against: 94, as: .percent))
        #expect(defaults.accepts(94.5, against: 94, as: .percent))
        #expect(!defaults.accepts(93.4, against: 94, as: .percent))
        #expect(!defaults.accepts(94.6, against: 94, as: .percent))
    }

    @Test func aRoundedPercentGetsItsRoundingOnTopOfTheTolerance() {
        let ratio = 28.0 / 30 * 100
        #expect(defaults.accepts(93, against: ratio, as: .percent))
        #expect(defaults.allowed(for: 93, against: ratio, as: .percent) == 1.0)
        #expect(defaults.accepts(94, against: ratio, as: .percent))
        #expect(!defaults.accepts(95, against: ratio, as: .percent))
    }

    @Test func aReferenceWrittenAtTheClaimsPrecisionGetsNoRoundingAllowance() {
        #expect(!defaults.accepts(95, against: 90, as: .percent))
        #expect(defaults.allowed(for: 95, against: 90, as: .percent) == 0.5)
        #expect(defaults.allowed(for: 95.5, against: 95, as: .percent) == 0.5)
    }

    @Test func oneDecimalWrittenAllowsHalfATenth() {
        let ratio = 10.5 / 11 * 100
        #expect(close(defaults.allowed(for: 95.5, against: ratio, as: .percent), 0.55))
        #expect(defaults.accepts(95.5, against: ratio, as: .percent))
    }

    @Test func roundingStillCountsWhenThePercentToleranceIsZero() {
        var settings = Configuration.Claims()
        settings.percentTolerance = 0
        let exact = ClaimTolerance(settings)
        #expect(exact.accepts(93, against: 28.0 / 30 * 100, as: .percent))
        #expect(exact.accepts(93, against: 93.49, as: .percent))
        #expect(!exact.accepts(93, against: 93.51, as: .percent))
        #expect(!exact.accepts(94, against: 93, as: .percent))
    }

    @Test func countsAreExactByDefaultAndTakeTheConfiguredTolerance() {
        #expect(defaults.accepts(39, against: 39, as: .count))
        #expect(!defaults.accepts(39, against: 38, as: .count))
        var settings = Configuration.Claims()
        settings.countTolerance = 1
        let loose = ClaimTolerance(settings)
        #expect(loose.accepts(40, against: 39, as: .count))
        #expect(!loose.accepts(41, against: 39, as: .count))
    }

    @Test func countsGetNoRoundingAllowanceButComputedFiguresDo() {
        #expect(!defaults.accepts(11, against: 10.5, as: .count))
        #expect(!defaults.accepts(3.3, against: 10.0 / 3, as: .count))
        #expect(defaults.accepts(3.3, against: 10.0 / 3, as: .computed))
        #expect(!defaults.accepts(3.4, against: 10.0 / 3, as: .computed))
    }

    @Test func linesOfCodeAreRelativeToTheCountedLines() {
        #expect(defaults.accepts(1_100, against: 1_000, as: .lines))
        #expect(defaults.accepts(900, against: 1_000, as: .lines))
        #expect(!defaults.accepts(1_101, against: 1_000, as: .lines))
        #expect(!defaults.accepts(899, against: 1_000, as: .lines))
    }

    @Test func decimalsNeededReadTheValueNotItsBinaryNoise() {
        #expect(ClaimTolerance.decimalsNeeded(for: 93) == 0)
        #expect(ClaimTolerance.decimalsNeeded(for: 95.5) == 1)
        #expect(ClaimTolerance.decimalsNeeded(for: 0.1 + 0.2) == 1)
        #expect(ClaimTolerance.decimalsNeeded(for: 28.0 / 30 * 100) == 7)
        #expect(close(ClaimTolerance.roundingAllowance(written: 148.3, reference: 445.0 / 3), 0.05))
    }
}
