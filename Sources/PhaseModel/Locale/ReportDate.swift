extension ReportLocale {
    /// A calendar day for reading: en "November 30, 2025"; ru "30 ноября 2025 г." with
    /// the genitive month name and U+00A0 before "г." so the abbreviation never wraps
    /// onto a line of its own.
    ///
    /// `isoDay` must be exactly "yyyy-MM-dd" (proleptic Gregorian, year 0001–9999) and a
    /// real day; anything else (2025-13-01, 2025-02-30, "x", surrounding spaces) is nil.
    /// No `Calendar` or time zone is involved, so the output cannot drift by a day.
    public func date(_ isoDay: String) -> String? {
        guard let (year, month, day) = Self.parseISODay(isoDay) else { return nil }
        switch self {
        case .en:
            return "\(Self.englishMonths[month - 1]) \(day), \(year)"
        case .ru:
            return "\(day) \(Self.russianGenitiveMonths[month - 1]) \(year)\u{00A0}г."
        }
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static let russianGenitiveMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]

    static func parseISODay(_ text: String) -> (year: Int, month: Int, day: Int)? {
        // ASCII only: `Int(_:)` and `wholeNumberValue` would accept other digit scripts or signs.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func field(_ range: Range<Int>) -> Int? {
            var result = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        guard let year = field(0..<4), let month = field(5..<7), let day = field(8..<10),
              year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
