import Testing
@testable import Score

struct ClaimVerifierCalendarDayTests {
    @Test func dayNumbersCountFromTheUnixEpoch() {
        #expect(CalendarDay("1970-01-01")?.ordinal == 0)
        #expect(CalendarDay("2000-03-01")?.ordinal == 11_017)
        #expect(CalendarDay("1969-12-31")?.ordinal == -1)
    }

    @Test func spansCrossMonthsYearsAndLeapDays() {
        let days = { (a: String, b: String) in CalendarDay(a).flatMap { a in CalendarDay(b).map { a.days(to: $0) } } }
        #expect(days("2025-11-30", "2025-12-01") == 1)
        #expect(days("2024-12-31", "2025-01-01") == 1)
        #expect(days("2024-02-28", "2024-03-01") == 2)
        #expect(days("2025-02-28", "2025-03-01") == 1)
        #expect(days("2025-12-01", "2025-11-30") == -1)
    }

    @Test func onlyRealDatesInIsoFormParse() {
        for text in ["2025-02-29", "2025-13-01", "2025-00-10", "2025-1-01", "25-01-01", "2025-01-01T10:00", "", "2025-0x-01"] {
            #expect(CalendarDay(text) == nil, "\(text)")
        }
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2000-02-29") != nil)
        #expect(CalendarDay("1900-02-29") == nil)
    }
}
