import Foundation
import PhaseModel
import Testing
@testable import Render

/// One rounding rule for every figure in every output: rounded down (toward zero), so no figure looks
/// better than the evidence. The terminal, Markdown and HTML reports, and the step summary all format
/// through `ReportLocale`, so they show the same digits for the same value.
@Suite struct RoundingRuleTests {
    static let cases: [(Double, String)] = {
        var cases: [(Double, String)] = [(99.96, "99.9"), (89.25, "89.2"), (91.07, "91"), (99.999, "99.9")]
        cases += [(100, "100"), (0.05, "0"), (-1.25, "-1.2"), (-0.04, "0")]
        cases.append((2997.0 / 2998 * 100, "99.9"))
        // Binary artefacts of the figure above still read as it.
        let thirds: Double = (1.0 / 3 + 1.0 / 3 + 1.0 / 3) * 100
        cases += [(0.1 * 3 * 10, "3"), (thirds, "100"), (2.9999999999999996, "3")]
        return cases
    }()

    @Test(arguments: cases)
    func everyFigureIsRoundedDown(value: Double, shown: String) {
        #expect(ReportLocale.plain(value) == shown)
        #expect(Decimal1.format(value) == shown)
        #expect(Decimal1.format(value) == shown)
        #expect(ReportLocale.en.number(value) == shown)
        #expect(ReportLocale.ru.number(value) == shown.replacingOccurrences(of: ".", with: ","))
    }

    @Test func percentagesAndCountsFollowTheSameRule() {
        #expect(ReportLocale.en.percent(99.96) == "99.9%")
        #expect(ReportLocale.ru.percent(99.96) == "99,9\u{00A0}%")
        #expect(ReportLocale.en.number(1234.56, fractionDigits: 1) == "1,234.5")
        #expect(ReportLocale.en.counted(1.99, [.one: "task", .other: "tasks"]) == "1.9 tasks")
    }

    /// 2,997 passed and 1 failed is 99.97%: no output may print it as 100.
    @Test func aPassRateJustUnderAHundredIsNeverShownAsAHundred() {
        let rate = 2997.0 / 2998 * 100
        let condition = GateCondition(id: .minTestPassRate, comparison: ">=", threshold: 100, actual: rate, passed: false)
        #expect(GateText.describe(condition) == "minTestPassRate 99.9 < 100")
        #expect(!ReportLocale.en.percent(rate).hasPrefix("100"))
        #expect(!ReportLocale.ru.percent(rate).hasPrefix("100"))
    }
}
