import PropertyBased
import Testing
@testable import PhaseModel

/// `DecimalDigits` read from the bytes of `description` gives what reading its characters gave.
struct DecimalDigitsBytesTests {
    /// The reading before it went by bytes.
    static func characterDigits(_ value: Double) -> (integer: [UInt8], fraction: [UInt8])? {
        guard value.isFinite else { return nil }
        let text = value.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(text[text.index(after: e)...]) else { return nil }
            exponent = parsed
            mantissa = text[..<e]
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let frac = parts.count > 1 ? parts[1] : ""
        var all: [UInt8] = []
        for ch in whole + frac {
            guard let d = ch.wholeNumberValue else { return nil }
            all.append(UInt8(d))
        }
        let point = whole.count + exponent
        if point <= 0 { return ([], Array(repeating: 0, count: -point) + all) }
        if point >= all.count { return (all + Array(repeating: 0, count: point - all.count), []) }
        return (Array(all[..<point]), Array(all[point...]))
    }

    /// Doubles of every size: fractions, large and tiny powers, thirds and sevenths, subnormals.
    static let values = Generator<Double, Shrink.None<Double>> { rng in
        switch Int.random(in: 0...5, using: &rng) {
        case 0: Double.random(in: -1...1, using: &rng)
        case 1: Double.random(in: -1e6...1e6, using: &rng)
        case 2: Double(sign: .plus, exponent: Int.random(in: -1_070...1_000, using: &rng), significand: 1.5)
        case 3: Double(Int.random(in: -20...20, using: &rng)) / 7
        case 4: Double("1e\(Int.random(in: -320...308, using: &rng))") ?? 0
        default: Double(Int.random(in: -1_000_000...1_000_000, using: &rng))
        }
    }

    @Test func bytesGiveTheDigitsOfTheCharacters() async {
        await propertyCheck(count: 3_000, input: Self.values) { value in
            let digits = DecimalDigits(value)
            let expected = Self.characterDigits(value).map { digits in
                (integer: Array(digits.integer.drop { $0 == 0 }), fraction: Array(digits.fraction.reversed().drop { $0 == 0 }.reversed()))
            }
            #expect(digits?.integer == expected?.integer, "\(value)")
            #expect(digits?.fraction == expected?.fraction, "\(value)")
            #expect(digits?.negative == expected.map { _ in value.sign == .minus && !(digits?.isZero ?? true) }, "\(value)")
        }
    }

    @Test func notFiniteHasNoDigits() {
        #expect(DecimalDigits(.nan) == nil)
        #expect(DecimalDigits(-.infinity) == nil)
        #expect(DecimalDigits(1e-7)?.fraction == [0, 0, 0, 0, 0, 0, 1])
        #expect(DecimalDigits(1.5e20)?.integer.count == 21)
    }
}
