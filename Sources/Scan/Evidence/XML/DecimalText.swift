import Foundation

/// Reads a decimal number as result files write durations: blanks around it and thousands commas
/// ("1,234.5") are allowed; anything else, or a value that is not finite, gives `nil`.
enum DecimalText {
    /// Powers of ten that are exact doubles.
    private static let powers: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// Plain `digits[.digits]` with at most 15 digits: the integer and the power of ten are exact, so one
    /// division gives the correctly rounded value, the same as strtod, at a fraction of its cost.
    private static func quick(_ text: UnsafeBufferPointer<CChar>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        for character in text {
            if character == 0x2E {
                guard fraction < 0 else { return nil }
                fraction = 0
                continue
            }
            guard character >= 0x30, character <= 0x39 else { return nil }
            mantissa = mantissa * 10 + UInt64(character - 0x30)
            digits += 1
            if fraction >= 0 { fraction += 1 }
        }
        guard digits > 0, digits <= 15 else { return nil }
        return Double(mantissa) / powers[max(fraction, 0)]
    }

    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 128 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double? in
            var count = 0
            var started = false
            var trailingBlanks = 0
            for byte in bytes {
                let blank = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                if blank {
                    if started { trailingBlanks += 1 }
                    continue
                }
                // A blank inside the number ("1 2") makes it junk.
                if trailingBlanks > 0 { return nil }
                started = true
                if byte == 0x2C { continue }
                // Digits, sign, point and exponent only: strtod would also take "inf" or "0x1p3".
                let digit = byte >= 0x30 && byte <= 0x39
                guard digit || byte == 0x2E || byte == 0x2D || byte == 0x2B || byte == 0x65 || byte == 0x45 else { return nil }
                buffer[count] = CChar(bitPattern: byte)
                count += 1
            }
            guard count > 0, let base = buffer.baseAddress else { return nil }
            if let quick = quick(UnsafeBufferPointer(start: base, count: count)) { return quick }
            buffer[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard end == base + count, value.isFinite else { return nil }
            return value
        }
    }
}
