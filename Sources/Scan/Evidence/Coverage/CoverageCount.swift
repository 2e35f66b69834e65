/// An execution count as coverage formats write it.
enum CoverageCount: Equatable {
    case value(Int)
    case negative
    case invalid

    /// Reads a decimal count. One too large for `Int` still means "ran": gcov counters can wrap
    /// to 2^64-1, and a count only ever matters as zero or not.
    init(_ text: some StringProtocol) {
        if let value = CoverageText.decimal(text) {
            self = .value(value)
        } else if CoverageText.isDigits(text) {
            self = .value(Int.max)
        } else if text.utf8.first == UInt8(ascii: "-"), CoverageText.isDigits(text.dropFirst()) {
            self = CoverageText.decimal(text.dropFirst()) == 0 ? .value(0) : .negative
        } else {
            self = .invalid
        }
    }
}
