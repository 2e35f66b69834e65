import Testing

@testable import Scan

struct ClaimPhraseDateTests {
    @Test(arguments: [
        ("2025-11-30", "2025-11-30"), ("November 30, 2025", "November 30, 2025"), ("Nov 30, 2025", "Nov 30, 2025"),
        ("Nov. 30 2025", "Nov. 30 2025"), ("30 November 2025", "30 November 2025"),
        ("30 ноября 2025 г.", "30 ноября 2025 г."), ("30 ноября 2025\u{202F}г.", "30 ноября 2025\u{202F}г."),
        ("30 ноября 2025 года", "30 ноября 2025 года"), ("30.11.2025", "30.11.2025"),
        ("Released: 2025-11-30T12:00", "2025-11-30T12:00"),
    ])
    func writtenDatesReadAsISODays(span: String, text: String) {
        expectPhrases(span, [.init(kind: .date, text: text, claimedValue: "2025-11-30")])
    }

    /// `Date:` labels the document's own date: its subject says so.
    @Test func aDateLabelledDateDatesTheDocument() {
        expectPhrases(
            "Date: 2025-11-30T12:00",
            [.init(kind: .date, text: "2025-11-30T12:00", subject: "document", claimedValue: "2025-11-30")])
    }

    @Test func leapDaysAreValidOnlyInLeapYears() {
        expectPhrases("2024-02-29", [.init(kind: .date, text: "2024-02-29", claimedValue: "2024-02-29")])
        expectPhrases(
            "29 февраля 2000 г.", [.init(kind: .date, text: "29 февраля 2000 г.", claimedValue: "2000-02-29")])
        expectNoPhrases("2025-02-29")
        expectNoPhrases("1900-02-29")
    }

    @Test(arguments: [
        "2025-02-30", "2025-13-01", "31.04.2025", "November 31, 2025", "32 ноября 2025", "AUDIT_2025-11-30.md",
        "report-2025-11-30", "v2025-11-30", "2025-11-3", "12:30", "Day 30, 2025 tasks",
    ])
    func impossibleDaysAndDatesInsideNamesAreNoDates(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .date }, "\(span)")
    }

    @Test func plannedDatesAreNoClaims() {
        expectNoPhrases("Planned: 2025-12-15")
        expectNoPhrases("Target date: Dec 15, 2025")
    }

    @Test func theDayFormatterRejectsImpossibleDays() {
        #expect(DatePhrases.date(year: 2025, month: 1, day: 5) == "2025-01-05")
        #expect(DatePhrases.date(year: 2025, month: 4, day: 31) == nil)
        #expect(DatePhrases.date(year: 2025, month: 0, day: 1) == nil)
        #expect(DatePhrases.date(year: 1850, month: 1, day: 1) == nil)
        #expect(DatePhrases.numericDate("5.1.2025") == "2025-01-05")
        #expect(DatePhrases.numericDate("2025-11-30x") == nil)
    }
}
