/// A finite number as decimal digits, so that rounding works on what a reader sees
/// rather than on the binary value (0.129 → 0.12, 2.9999999999999996 → 3).
struct DecimalDigits: Sendable, Equatable {
    var negative: Bool
    /// Integer digits, most significant first, without leading zeros (empty for zero).
    var integer: [UInt8]
    /// Fraction digits, most significant first.
    var fraction: [UInt8]

    /// Reads the shortest round-trip representation Swift prints for `value`
    /// (`description` is exact and platform-independent, unlike `String(format:)`).
    /// Nil for NaN and infinities.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        // `description` is ASCII: read as bytes, not characters (a character's digit value is a
        // Unicode property lookup, and figures are formatted for every finding of a scan).
        let text = Array(value.magnitude.description.utf8)
        var mantissa = text[...]
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) {
            guard let parsed = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) else { return nil }
            exponent = parsed
            mantissa = text[..<e]
        }
        let parts = mantissa.split(separator: 0x2E, omittingEmptySubsequences: false)
        let whole = parts[0]
        let frac = parts.count > 1 ? parts[1] : []
        var all: [UInt8] = []
        all.reserveCapacity(whole.count + frac.count)
        for byte in whole + frac {
            guard (0x30...0x39).contains(byte) else { return nil }
            all.append(byte - 0x30)
        }
        // Position of the decimal point within `all`, after applying the exponent.
        let point = whole.count + exponent
        if point <= 0 {
            integer = []
            fraction = Array(repeating: 0, count: -point) + all
        } else if point >= all.count {
            integer = all + Array(repeating: 0, count: point - all.count)
            fraction = []
        } else {
            integer = Array(all[..<point])
            fraction = Array(all[point...])
        }
        negative = value.sign == .minus
        normalize()
    }

    /// Dropped digits that start with this many nines are a binary artefact of the figure above
    /// (28 thirds of 100 summing to 99.99999999999999), not a value below it.
    static let artefactNines = 9

    /// Rounds toward zero to `digits` fraction digits: every figure phasecert shows is rounded down, so
    /// 99.96% done is 99.9 and 89.25 quality is 89.2, never more than the evidence gives. Only a run of
    /// `artefactNines` nines is carried up, since it stands for the figure above.
    func rounded(toFractionDigits digits: Int) -> DecimalDigits {
        let digits = max(0, digits)
        guard fraction.count > digits else { return self }
        var result = self
        let dropped = fraction[digits...]
        let roundUp = dropped.count >= Self.artefactNines && dropped.prefix(Self.artefactNines).allSatisfy { $0 == 9 }
        result.fraction = Array(fraction[..<digits])
        if roundUp {
            var carry = true
            for i in result.fraction.indices.reversed() where carry {
                result.fraction[i] += 1
                carry = result.fraction[i] == 10
                if carry { result.fraction[i] = 0 }
            }
            for i in result.integer.indices.reversed() where carry {
                result.integer[i] += 1
                carry = result.integer[i] == 10
                if carry { result.integer[i] = 0 }
            }
            if carry { result.integer.insert(1, at: 0) }
        }
        result.normalize()
        return result
    }

    /// Whole-number value of the last two integer digits, for plural rules; reading
    /// digits avoids overflowing `Int` on huge values.
    var integerLastTwoDigits: Int {
        integer.suffix(2).reduce(0) { $0 * 10 + Int($1) }
    }

    var isZero: Bool { integer.isEmpty && fraction.isEmpty }

    /// Drops leading integer zeros and trailing fraction zeros, and the sign of zero, so
    /// that -0.04 rounded to one digit prints "0", not "-0".
    private mutating func normalize() {
        while integer.first == 0 { integer.removeFirst() }
        while fraction.last == 0 { fraction.removeLast() }
        if isZero { negative = false }
    }
}
