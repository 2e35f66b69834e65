import PhaseModel
import Testing
@testable import Render

/// No-break space, spelled out so the expectations below show where it must appear.
private let nbsp = "\u{00A0}"

struct ReportLocaleTests {
    private static let task: [PluralCategory: String] = [.one: "task", .other: "tasks"]
    private static let задача: [PluralCategory: String] = [.one: "задача", .few: "задачи", .many: "задач", .other: "задачи"]

    // MARK: Plurals

    @Test(arguments: [
        (1.0, "1 задача"), (2, "2 задачи"), (5, "5 задач"), (11, "11 задач"), (12, "12 задач"),
        (14, "14 задач"), (21, "21 задача"), (22, "22 задачи"), (25, "25 задач"),
        (101, "101 задача"), (111, "111 задач"), (0, "0 задач"), (1.5, "1,5 задачи"),
        (1_021, "1\(nbsp)021 задача"), (-1, "-1 задача"),
    ] as [(Double, String)])
    func russianCountsTakeTheCLDRForm(value: Double, expected: String) {
        #expect(ReportLocale.ru.counted(value, Self.задача) == expected)
    }

    @Test(arguments: [(1.0, "1 task"), (2, "2 tasks"), (0, "0 tasks"), (1.5, "1.5 tasks"), (1_001, "1,001 tasks")] as [(Double, String)])
    func englishCountsTakeTheCLDRForm(value: Double, expected: String) {
        #expect(ReportLocale.en.counted(value, Self.task) == expected)
    }

    @Test func russianCategoriesFollowTheLastTwoDigits() {
        let ru = ReportLocale.ru
        #expect([1.0, 21, 31, 101, 1_001].map(ru.pluralCategory) == Array(repeating: .one, count: 5))
        #expect([2.0, 3, 4, 22, 104].map(ru.pluralCategory) == Array(repeating: .few, count: 5))
        #expect([0.0, 5, 11, 12, 13, 14, 111, 112, 1e20].map(ru.pluralCategory) == Array(repeating: .many, count: 9))
        #expect([0.5, 1.5, 2.25, 21.1].map(ru.pluralCategory) == Array(repeating: .other, count: 4))
    }

    @Test func englishHasOneOnlyForExactlyOne() {
        #expect(ReportLocale.en.pluralCategory(1) == .one)
        #expect(ReportLocale.en.pluralCategory(-1) == .one)
        #expect([0.0, 2, 11, 21, 101, 1.5, 0.999].map(ReportLocale.en.pluralCategory) == Array(repeating: .other, count: 7))
    }

    @Test func nonFiniteValuesTakeOther() {
        for locale in ReportLocale.allCases {
            #expect(locale.pluralCategory(.nan) == .other)
            #expect(locale.pluralCategory(.infinity) == .other)
        }
    }

    @Test func theFormFollowsTheDisplayedNumberNotTheRawValue() {
        // 1.04 shows as "1", and "1 tasks" would read as a typo.
        #expect(ReportLocale.en.counted(1.04, Self.task) == "1 task")
        #expect(ReportLocale.ru.counted(21.04, Self.задача) == "21 задача")
        #expect(ReportLocale.ru.counted(20.96, Self.задача) == "20,9 задачи")
        #expect(ReportLocale.ru.counted(2.04, Self.задача, fractionDigits: 2) == "2,04 задачи")
    }

    @Test func aMissingFormFallsBackToOtherThenToTheBareNumber() {
        #expect(ReportLocale.ru.counted(5, [.other: "шт."]) == "5 шт.")
        #expect(ReportLocale.ru.counted(5, [:]) == "5")
    }

    // MARK: Numbers

    @Test(arguments: [
        (7_321.0, "7,321", "7\(nbsp)321"),
        (1_234_567, "1,234,567", "1\(nbsp)234\(nbsp)567"),
        (999, "999", "999"),
        (1_000, "1,000", "1\(nbsp)000"),
        (0, "0", "0"),
        (-1_234, "-1,234", "-1\(nbsp)234"),
        (-7, "-7", "-7"),
        (95.5, "95.5", "95,5"),
        (-1_234.56, "-1,234.5", "-1\(nbsp)234,5"),
        (0.5, "0.5", "0,5"),
    ] as [(Double, String, String)])
    func numbersAreGroupedWithTheLocaleSeparators(value: Double, en: String, ru: String) {
        #expect(ReportLocale.en.number(value) == en)
        #expect(ReportLocale.ru.number(value) == ru)
    }

    @Test(arguments: [
        // Every figure is rounded toward zero as written in decimal (never shown better than it is),
        // whatever the binary value; a run of nine nines is a binary artefact of the figure above.
        (0.125, 2, "0.12"), (1.005, 2, "1"), (2.675, 2, "2.67"), (-0.125, 2, "-0.12"),
        (0.05, 1, "0"), (0.15, 1, "0.1"), (0.25, 1, "0.2"), (-2.5, 0, "-2"), (2.5, 0, "2"),
        (2.4999, 0, "2"), (95.4545, 1, "95.4"), (0.04, 1, "0"), (-0.04, 1, "0"),
        (999.96, 1, "999.9"), (9_999_999.95, 1, "9,999,999.9"), (0.1 + 0.2, 2, "0.3"),
        (1e-7, 3, "0"), (5e-7, 6, "0"), (1e16, 0, "10,000,000,000,000,000"),
        (1.25, -1, "1"), (123.456, 0, "123"), (2.9999999999999996, 1, "3"),
    ] as [(Double, Int, String)])
    func roundingIsTowardZeroOnTheDecimalDigits(value: Double, digits: Int, expected: String) {
        #expect(ReportLocale.en.number(value, fractionDigits: digits) == expected)
    }

    @Test func trailingZerosAreKeptOnlyWhenAsked() {
        #expect(ReportLocale.en.number(95, fractionDigits: 1) == "95")
        #expect(ReportLocale.en.number(95, fractionDigits: 1, keepZeros: true) == "95.0")
        #expect(ReportLocale.ru.number(1.5, fractionDigits: 3, keepZeros: true) == "1,500")
        #expect(ReportLocale.en.number(0.999, fractionDigits: 2, keepZeros: true) == "0.99")
        #expect(ReportLocale.en.number(7, fractionDigits: 0, keepZeros: true) == "7")
    }

    @Test func nonFiniteNumbersPrintAsADash() {
        #expect(ReportLocale.en.number(.nan) == "—")
        #expect(ReportLocale.ru.number(-.infinity) == "—")
    }

    // MARK: Percent

    @Test func percentFollowsLocaleTypography() {
        #expect(ReportLocale.en.percent(95.5) == "95.5%")
        #expect(ReportLocale.ru.percent(95.5) == "95,5\(nbsp)%")
        #expect(ReportLocale.en.percent(100) == "100%")
        #expect(ReportLocale.ru.percent(100) == "100\(nbsp)%")
        #expect(ReportLocale.ru.percent(95.4545) == "95,4\(nbsp)%")
        #expect(ReportLocale.en.percent(0) == "0%")
        #expect(ReportLocale.en.percent(50, keepZeros: true) == "50.0%")
    }

    // MARK: Dates

    @Test(arguments: [
        ("2025-01-05", "January 5, 2025", "5 января 2025\(nbsp)г."),
        ("2025-02-28", "February 28, 2025", "28 февраля 2025\(nbsp)г."),
        ("2025-03-01", "March 1, 2025", "1 марта 2025\(nbsp)г."),
        ("2025-04-30", "April 30, 2025", "30 апреля 2025\(nbsp)г."),
        ("2025-05-09", "May 9, 2025", "9 мая 2025\(nbsp)г."),
        ("2025-06-12", "June 12, 2025", "12 июня 2025\(nbsp)г."),
        ("2025-07-31", "July 31, 2025", "31 июля 2025\(nbsp)г."),
        ("2025-08-15", "August 15, 2025", "15 августа 2025\(nbsp)г."),
        ("2025-09-01", "September 1, 2025", "1 сентября 2025\(nbsp)г."),
        ("2025-10-10", "October 10, 2025", "10 октября 2025\(nbsp)г."),
        ("2025-11-30", "November 30, 2025", "30 ноября 2025\(nbsp)г."),
        ("2025-12-31", "December 31, 2025", "31 декабря 2025\(nbsp)г."),
        ("2024-02-29", "February 29, 2024", "29 февраля 2024\(nbsp)г."),
        ("2000-02-29", "February 29, 2000", "29 февраля 2000\(nbsp)г."),
    ])
    func datesUseMonthNamesAndGenitiveInRussian(iso: String, en: String, ru: String) {
        #expect(ReportLocale.en.date(iso) == en)
        #expect(ReportLocale.ru.date(iso) == ru)
    }

    @Test(arguments: [
        "2025-13-01", "2025-02-30", "x", "", "2025-00-10", "2025-01-00", "2025-04-31",
        "2025-02-29", "1900-02-29", "0000-01-01", "2025-1-01", "2025/01/01", " 2025-01-01",
        "2025-01-01T00:00:00Z", "+025-01-01", "2025-0١-01", "２０２５-01-01",
    ])
    func malformedOrImpossibleDaysAreNil(iso: String) {
        for locale in ReportLocale.allCases {
            #expect(locale.date(iso) == nil)
        }
    }
}
