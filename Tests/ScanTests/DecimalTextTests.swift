import Foundation
import PropertyBased
import Testing
@testable import Scan

/// The one reader of numbers in evidence files never traps, rounds what a double cannot hold, and refuses
/// what is not a finite decimal.
struct DecimalTextTests {
    @Test(arguments: [
        ("1.50000000000000000000", 1.5), ("0.123456789012345678901", 0.12345678901234568),
        ("12345678901234567890123", 1.2345678901234568e22), ("99999999999999999999", 1e20),
        ("0.00000000000000000000000000001", 1e-29), ("1,234.5", 1234.5), (" 0.25 ", 0.25), ("-1.5", -1.5),
        ("+2", 2), (".5", 0.5), ("5.", 5), ("1e3", 1000), ("2.5E-3", 0.0025), ("1e308", 1e308), ("0e999", 0),
        ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", 4.9e-324), ("007", 7),
        ("9007199254740993", 9007199254740992), ("1" + String(repeating: "0", count: 400) + "e-400", 1),
    ] as [(String, Double)])
    func readsDecimals(text: String, expected: Double) {
        #expect(DecimalText.parse(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "1e999", "1e-999", "-1e999", "1e99999999999999999999999", "1" + String(repeating: "0", count: 400),
        "nan", "NaN", "inf", "-inf", "infinity", "0x1p3", "0x10", "1e", "1e+", "-", ".", "", "   ", "1 2", "1.2.3",
        "1,,234", ",5", "5,", "1,234,", "fast", "1.5s", "١٢", "1e5e3",
    ])
    func refusesWhatIsNotAFiniteDecimal(text: String) {
        #expect(DecimalText.parse(text) == nil, "\(text)")
    }

    @Test func integersAreOverflowChecked() {
        #expect(DecimalText.integer(Array("0".utf8)) == 0)
        #expect(DecimalText.integer(Array("9223372036854775807".utf8)) == Int.max)
        #expect(DecimalText.integer(Array("9223372036854775808".utf8)) == nil)
        #expect(DecimalText.integer(Array(String(repeating: "9", count: 40).utf8)) == nil)
        #expect(DecimalText.integer(Array("".utf8)) == nil)
        #expect(DecimalText.integer(Array("-1".utf8)) == nil)
        #expect(DecimalText.integer(Array(" 1".utf8)) == nil)
    }

    @Test func randomDigitStringsNeverTrapAndAgreeWithSwift() async {
        let alphabet = Array("0123456789.,eE+- x")
        let text = Gen<Int>.int(in: 0...(alphabet.count - 1)).array(of: 0...40).map { String($0.map { alphabet[$0] }) }
        await propertyCheck(count: 2000, input: text) { text in
            let value = DecimalText.parse(text)
            // Where Swift reads the same text as a finite, non-zero-from-underflow number, the values agree.
            if let value, !text.contains(","), let swift = Double(text.trimmingCharacters(in: .whitespaces)) {
                #expect(value == swift, "\(text)")
            }
            if let value { #expect(value.isFinite, "\(text)") }
        }
    }

    @Test func plainDecimalsRoundTrip() async {
        await propertyCheck(count: 2000, input: Gen<Double>.double(in: 0...1e12)) { number in
            let text = "\(number)"
            #expect(DecimalText.parse(text) == Double(text), "\(text)")
        }
    }
}
