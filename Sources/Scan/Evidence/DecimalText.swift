/// Reads the numbers result files write — durations such as `time="1,234.5"`, test2json's `Elapsed`,
/// TAP's `duration_ms`, and counts — without ever trapping on what a file holds.
///
/// Every figure phasecert takes from evidence goes through here, so there is one place where digits become
/// numbers. Arithmetic on digits is overflow-checked. Digits beyond what a `Double` can hold are rounded
/// away, so `1.50000000000000000000` is 1.5. A value beyond a `Double`'s range (`1e999`, `1e-999`), NaN,
/// infinities, hex floats and anything else are not numbers: `nil`, which the parsers turn into a problem
/// naming the file and line where the figure matters.
enum DecimalText {
    /// Significant digits kept exactly; 10^19 - 1 still fits a `UInt64`.
    private static let keptDigits = 19

    /// Powers of ten that are exact doubles.
    private static let powers: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// Longest duration a result file can mean, in seconds: ten years. Beyond it a figure is a unit mistake
    /// (nanoseconds written as seconds) or garbage, never a run's length.
    static let maxSeconds = 10 * 365.25 * 86_400

    /// A duration in seconds, only when it lies in `0...maxSeconds`.
    static func seconds(_ value: Double) -> Double? {
        value >= 0 && value <= maxSeconds ? value : nil
    }

    /// `[+-]digits[.digits][e[+-]digits]` between blanks, with thousands commas in the integer part
    /// ("1,234.5", as Maven Surefire writes durations); `.5` and `5.` are read too. `nil` for anything else
    /// or a value out of range.
    static func parse(_ text: some StringProtocol) -> Double? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ parse($0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { parse($0) }
    }

    /// The same as `parse(_:)` on UTF-8 bytes, without building a string.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }

        var number = Digits()
        var index = start
        let negative = bytes[index] == 0x2D
        if negative || bytes[index] == 0x2B { index += 1 }
        while index < end {
            let byte = bytes[index]
            if isDigit(byte) {
                guard number.append(byte, fractional: false) else { return nil }
            } else if byte == 0x2C, index > start, isDigit(bytes[index - 1]), index + 1 < end, isDigit(bytes[index + 1]) {
                // A thousands comma sits between digits: Maven Surefire writes `time="1,234.5"`.
            } else {
                break
            }
            index += 1
        }
        if index < end, bytes[index] == 0x2E {
            index += 1
            while index < end, isDigit(bytes[index]) {
                guard number.append(bytes[index], fractional: true) else { return nil }
                index += 1
            }
        }
        guard number.sawDigit else { return nil }
        if index < end, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            let digitsStart = index
            while index < end, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart, let exponent = integer(UnsafeBufferPointer(rebasing: bytes[digitsStart..<index])),
                number.scale(by: exponentNegative ? -exponent : exponent)
            else { return nil }
        }
        guard index == end, let magnitude = number.value else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// A non-negative integer of ASCII digits only (no sign, blank or comma); `nil` when empty, not
    /// digits, or too large for `Int`.
    static func integer(_ digits: some Sequence<UInt8>) -> Int? {
        var value = 0
        var sawDigit = false
        for byte in digits {
            guard isDigit(byte) else { return nil }
            let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, carried) = times.addingReportingOverflow(Int(byte &- 0x30))
            guard !overflowed, !carried else { return nil }
            value = sum
            sawDigit = true
        }
        return sawDigit ? value : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The digits of a number as `mantissa × 10^exponent`, the first `keptDigits` significant ones exact.
    private struct Digits {
        var mantissa: UInt64 = 0
        var kept = 0
        var exponent = 0
        /// A dropped digit was not zero: the value lies above `mantissa × 10^exponent`.
        var sticky = false
        var sawDigit = false

        /// Adds one digit; `false` when the exponent would overflow (only a file of absurd length gets there).
        mutating func append(_ byte: UInt8, fractional: Bool) -> Bool {
            sawDigit = true
            let digit = UInt64(byte &- 0x30)
            if mantissa == 0 && digit == 0 {
                // A leading zero: only its place counts.
                return fractional ? scale(by: -1) : true
            }
            if kept < DecimalText.keptDigits {
                let (times, overflowed) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, carried) = times.addingReportingOverflow(digit)
                if !overflowed && !carried {
                    mantissa = sum
                    kept += 1
                    return fractional ? scale(by: -1) : true
                }
            }
            if digit != 0 { sticky = true }
            return fractional ? true : scale(by: 1)
        }

        mutating func scale(by power: Int) -> Bool {
            let (sum, overflowed) = exponent.addingReportingOverflow(power)
            guard !overflowed else { return false }
            exponent = sum
            return true
        }

        /// The value, correctly rounded when no digit was dropped; `nil` when a `Double` cannot hold it.
        var value: Double? {
            if mantissa == 0 { return 0 }
            // Both factors exact, so one operation rounds correctly.
            if !sticky, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
                let power = DecimalText.powers[abs(exponent)]
                return exponent < 0 ? Double(mantissa) / power : Double(mantissa) * power
            }
            // The leading digit's power of ten: beyond ±330 no double is near, and the text below stays short.
            let leading = exponent + kept - 1
            guard leading >= -330, leading <= 310 else { return nil }
            // A trailing 1 stands for the dropped digits, so rounding sees the value is above the kept ones.
            let text = sticky ? "\(mantissa)1e\(exponent - 1)" : "\(mantissa)e\(exponent)"
            guard let value = Double(text), value.isFinite, value != 0 else { return nil }
            return value
        }
    }
}
