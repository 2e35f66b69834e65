import PropertyBased
import Testing
@testable import PhaseModel

struct ClaimNumberTests {
    /// The single number in `text`; records an issue when there is not exactly one.
    private func only(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ClaimNumber? {
        let numbers = ClaimNumberScanner.numbers(in: text)
        #expect(numbers.count == 1, "\(text): \(numbers.map(\.text))", sourceLocation: sourceLocation)
        return numbers.count == 1 ? numbers[0] : nil
    }

    private func values(_ text: String) -> [Double] { ClaimNumberScanner.numbers(in: text).map(\.value) }

    // MARK: Styles

    @Test(arguments: [
        ("7,321", 7321.0), ("7 321", 7321), ("7\u{A0}321", 7321), ("7\u{202F}321", 7321), ("7\u{2009}321", 7321),
        ("7321", 7321), ("1,234,567", 1_234_567), ("1 234 567", 1_234_567), ("0.5", 0.5), ("0,5", 0.5),
        ("1,234", 1234), ("1,5", 1.5), ("1,23", 1.23), ("1,2345", 1.2345), ("1.234", 1.234), ("7321,500", 7321.5),
        ("0,500", 0.5), ("1,234.5", 1234.5), ("7 321,5", 7321.5), ("7 321.5", 7321.5), ("7321,5", 7321.5),
        ("38K", 38000), ("38k", 38000), ("1.2M", 1_200_000), ("1,5K", 1500), ("-5", -5), ("\u{2212}5", -5),
        (".5", 0.5), ("0", 0), ("12345678901234567890", 12_345_678_901_234_567_890),
    ])
    func plainStyles(text: String, value: Double) throws {
        let number = try #require(only(text))
        #expect(number.value == value)
        #expect(number.text == text)
        #expect(!number.isPercent && !number.approximate && !number.atLeast)
    }

    @Test(arguments: [
        ("95.5%", 95.5), ("95,5 %", 95.5), ("95,5\u{A0}%", 95.5), ("95.5 %", 95.5), ("100%", 100), ("167%", 167),
        ("-2.5%", -2.5),
    ])
    func percentages(text: String, value: Double) throws {
        let number = try #require(only(text))
        #expect(number.value == value)
        #expect(number.isPercent)
        #expect(number.text == text)
    }

    @Test func markers() throws {
        let tilde = try #require(only("~600"))
        #expect(tilde.value == 600 && tilde.approximate && !tilde.atLeast && tilde.text == "~600")
        let almost = try #require(only("≈ 600"))
        #expect(almost.value == 600 && almost.approximate && almost.text == "≈ 600")
        let plus = try #require(only("2,600+"))
        #expect(plus.value == 2600 && plus.atLeast && !plus.approximate && plus.text == "2,600+")
        let bound = try #require(only("≥ 80%"))
        #expect(bound.value == 80 && bound.atLeast && bound.isPercent)
        let both = try #require(only("~38K+"))
        #expect(both.value == 38000 && both.approximate && both.atLeast)
        // Strikethrough is not a hedge.
        let struck = try #require(only("~~600 tests~~"))
        #expect(struck.value == 600 && !struck.approximate && struck.text == "600")
    }

    // MARK: Ambiguities

    @Test func spaceGroupsNeedThreeDigitGroups() {
        #expect(values("12 34") == [12, 34])
        #expect(values("7 3210") == [7, 3210])
        #expect(values("0 500") == [0, 500])
        #expect(values("2024 123") == [2024, 123])
        #expect(values("1, 2, 3") == [1, 2, 3])
    }

    @Test func plainSpaceDoesNotGroupPercentagesOrRatios() {
        #expect(values("Phase 5 100%") == [5, 100])
        #expect(values("Phase 1 100/100") == [1, 100, 100])
        #expect(values("5 100ms total") == [5])
        // A no-break space is deliberate.
        #expect(values("1\u{A0}200 %") == [1200])
    }

    @Test func signIsASignOnlyAfterABlankOrBracket() {
        #expect(values("10-20") == [10, 20])
        #expect(values("delta (-5)") == [-5])
        #expect(values("x=-5") == [-5])
        #expect(values("a -5 b") == [-5])
    }

    @Test func sentencePunctuationIsNotPartOfTheNumber() throws {
        #expect(values("We have 39 tests.") == [39])
        #expect(values("Итого 7 321 строк, 95,5 % покрытия.") == [7321, 95.5])
        #expect(values("1,234, then 5") == [1234, 5])
        let number = try #require(only("**7,321** LOC"))
        #expect(number.text == "7,321")
    }

    @Test func specExamples() {
        #expect(values("39/39 tests passing") == [39, 39])
        #expect(values("`design.md` (1,970 LOC)") == [1970])
        #expect(values("(4,683 LOC, 167%)") == [4683, 167])
        #expect(values("40 tests, 100% pass") == [40, 100])
        #expect(values("93.2% coverage, 16 total") == [93.2, 16])
        #expect(values("| TN-012 | 1 234 | 95,5 % |") == [1234, 95.5])
        #expect(values("Deployment Profiles ✅ **COMPLETE** (162% quality, Grade A+)") == [162])
    }

    // MARK: Not numbers

    @Test(arguments: [
        "v2", "x86", "x86_64", "H2", "TN-099", "PC-006", "tn\u{2011}12", "2025-11-30", "2025/11/30", "30.11.2025", "12:30",
        "12:30:45", "#12", "№5", "1.2.3", "1,2,3", "1,234,5", "12,34,56", "100ms", "2nd", "3-й", "64-bit", "5m", "38KB",
        "docs/2024/file", "a/1/2", "file.5", "5_000", "2025-11-30T12:00",
    ])
    func digitsInsideOtherThingsAreNotNumbers(text: String) {
        #expect(ClaimNumberScanner.numbers(in: text).isEmpty, "\(ClaimNumberScanner.numbers(in: text).map(\.text))")
    }

    @Test func identifiersDoNotHideNeighbours() {
        #expect(values("TN-099: 39/39 tests, v2 of 7,321 LOC on 2025-11-30 at 12:30") == [39, 39, 7321])
        #expect(values("PC-006 (95,5 %)") == [95.5])
    }

    // MARK: Ranges

    @Test func rangesAndTextArePreserved() {
        let text = "Всего ≈ 7\u{202F}321 строк (95,5\u{A0}%), 2,600+ tests — 38K"
        let numbers = ClaimNumberScanner.numbers(in: text)
        #expect(numbers.map(\.text) == ["≈ 7\u{202F}321", "95,5\u{A0}%", "2,600+", "38K"])
        for number in numbers {
            #expect(String(text[number.range]) == number.text)
        }
        #expect(numbers.map(\.value) == [7321, 95.5, 2600, 38000])
    }

    @Test func rangesSurviveCombiningMarksAndEmoji() {
        let text = "✅ e\u{301} 39 👍🏽 1,5"
        let numbers = ClaimNumberScanner.numbers(in: text)
        #expect(numbers.map(\.value) == [39, 1.5])
        #expect(numbers.map { String(text.unicodeScalars[$0.range]) } == ["39", "1,5"])
    }

    // MARK: Ratios

    @Test func ratios() throws {
        let plain = try #require(ClaimNumberScanner.ratios(in: "39/39 tests passing").first)
        #expect(plain.numerator.value == 39 && plain.denominator.value == 39 && plain.percent == nil)
        #expect(plain.text == "39/39")

        let half = try #require(ClaimNumberScanner.ratios(in: "score 10.5/11 = 95.5%").first)
        #expect(half.numerator.value == 10.5 && half.denominator.value == 11)
        #expect(half.percent?.value == 95.5 && half.text == "10.5/11 = 95.5%")

        let parenthesised = try #require(ClaimNumberScanner.ratios(in: "28/30 (93%) done").first)
        #expect(parenthesised.percent?.value == 93 && parenthesised.text == "28/30 (93%)")

        let russian = try #require(ClaimNumberScanner.ratios(in: "28 из 30 тестов").first)
        #expect(russian.numerator.value == 28 && russian.denominator.value == 30 && russian.text == "28 из 30")

        let english = try #require(ClaimNumberScanner.ratios(in: "28 OF 30 ≈ 93,3 %").first)
        #expect(english.denominator.value == 30 && english.percent?.value == 93.3 && english.text == "28 OF 30 ≈ 93,3 %")

        let spaced = try #require(ClaimNumberScanner.ratios(in: "1,970 / 2,000 LOC").first)
        #expect(spaced.numerator.value == 1970 && spaced.denominator.value == 2000)
    }

    @Test func ratioRangeCoversTheText() throws {
        let text = "Итого: 28/30 (93%)."
        let ratio = try #require(ClaimNumberScanner.ratios(in: text).first)
        #expect(String(text[ratio.range]) == "28/30 (93%)")
    }

    @Test func severalRatiosInOneLine() {
        let ratios = ClaimNumberScanner.ratios(in: "unit 39/39, integration 22/25 = 88%, e2e 3 of 4")
        #expect(ratios.map(\.text) == ["39/39", "22/25 = 88%", "3 of 4"])
    }

    @Test(arguments: [
        "2025/11/30", "1/2/3", "a/b", "src/1/2", "95%/100", "28 offers 30", "28 из30", "28 = 30", "39/39%",
        "28/30 tests (93%)",
    ])
    func notRatios(text: String) {
        let ratios = ClaimNumberScanner.ratios(in: text)
        if text == "28/30 tests (93%)" {
            // A percentage after other words belongs to the sentence, not to the ratio.
            #expect(ratios.map(\.text) == ["28/30"])
        } else {
            #expect(ratios.isEmpty, "\(ratios.map(\.text))")
        }
    }

    @Test func percentOnlyWhenItIsOne() throws {
        let ratio = try #require(ClaimNumberScanner.ratios(in: "39/39 = 100 tests").first)
        #expect(ratio.percent == nil && ratio.text == "39/39")
    }

    // MARK: Properties

    /// The ways a claim writes an integer; each gives back `value` on scanning.
    static func format(_ value: Int, style: Int) -> String {
        let digits = String(value)
        func grouped(_ separator: String) -> String {
            var groups: [Substring] = []
            var end = digits.endIndex
            while end > digits.startIndex {
                let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
                groups.insert(digits[start..<end], at: 0)
                end = start
            }
            return groups.joined(separator: separator)
        }
        switch style {
        case 0: return digits
        case 1: return grouped(",")
        case 2: return grouped(" ")
        case 3: return grouped("\u{A0}")
        default: return grouped("\u{202F}")
        }
    }

    @Test func integersInEveryStyleScanBack() async {
        let templates = ["%", "Total %.", "Итого: % строк", "(% LOC)", "**%** tests"]
        await propertyCheck(input: Gen.int(in: 0...999_999_999_999), Gen.int(in: 0...4), Gen.int(in: 0...4)) {
            value, style, template in
            let written = Self.format(value, style: style)
            let text = templates[template].replacingPercent(with: written)
            let numbers = ClaimNumberScanner.numbers(in: text)
            #expect(numbers.map(\.value) == [Double(value)], "\(text)")
            #expect(numbers.map(\.text) == [written])
        }
    }

    @Test func decimalsInEveryStyleScanBack() async {
        let fractions = Gen.int(in: 0...9).array(of: 1...4).map { $0.map(String.init).joined() }
        await propertyCheck(input: Gen.int(in: 0...9_999_999), fractions, Gen.int(in: 0...4), Gen.bool()) {
            whole, fraction, style, comma in
            let separator = comma ? "," : "."
            // A comma grouping the whole part makes the point the only decimal separator.
            let separatorUsed = style == 1 ? "." : separator
            let written = Self.format(whole, style: style) + separatorUsed + fraction
            let expected: Double
            if separatorUsed == ",", fraction.count == 3, (1...999).contains(whole) {
                // The documented ambiguity: a comma and three digits after a short first group is thousands.
                expected = Double(whole * 1000 + Int(fraction)!)
            } else {
                expected = Double("\(whole).\(fraction)")!
            }
            let numbers = ClaimNumberScanner.numbers(in: "Всего \(written) строк.")
            #expect(numbers.map(\.value) == [expected], "\(written)")
            #expect(numbers.map(\.text) == [written])
        }
    }

    @Test func percentagesAndMarkersScanBack() async {
        let spaces = ["", " ", "\u{A0}", "\u{202F}"]
        await propertyCheck(
            input: Gen.int(in: 0...1000), Gen.int(in: 0...9), Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.bool()
        ) { whole, tenth, space, marker, plus in
            let body = "\(whole),\(tenth)" + spaces[space] + "%"
            let prefix = ["", "~", "≈ ", "≥"][marker]
            let written = prefix + body + (plus ? "+" : "")
            let numbers = ClaimNumberScanner.numbers(in: "coverage \(written) overall")
            #expect(numbers.count == 1, "\(written)")
            guard let number = numbers.first else { return }
            #expect(number.value == Double(whole) + Double(tenth) / 10)
            #expect(number.isPercent && number.text == written)
            #expect(number.approximate == (marker == 1 || marker == 2))
            #expect(number.atLeast == (plus || marker == 3))
        }
    }

    @Test func thousandsSuffixScansBack() async {
        await propertyCheck(input: Gen.int(in: 0...99_999), Gen.bool()) { value, upper in
            let number = ClaimNumberScanner.numbers(in: "about \(value)\(upper ? "K" : "k") users").first
            #expect(number?.value == Double(value) * 1000)
        }
    }

    @Test func ratiosScanBack() async {
        let joints = ["/", " / ", " из ", " of "]
        await propertyCheck(
            input: Gen.int(in: 0...99_999), Gen.int(in: 1...99_999), Gen.int(in: 0...3), Gen.int(in: 0...2)
        ) { numerator, denominator, joint, percentStyle in
            let percent = "\(numerator * 100 / denominator)%"
            let tail = ["", " = " + percent, " (" + percent + ")"][percentStyle]
            let written = Self.format(numerator, style: 1) + joints[joint] + Self.format(denominator, style: 1) + tail
            let ratios = ClaimNumberScanner.ratios(in: "Tests: \(written), nice")
            #expect(ratios.count == 1, "\(written)")
            guard let ratio = ratios.first else { return }
            #expect(ratio.numerator.value == Double(numerator) && ratio.denominator.value == Double(denominator))
            #expect(ratio.percent?.value == (percentStyle == 0 ? nil : Double(numerator * 100 / denominator)))
            #expect(ratio.text == written)
        }
    }
}

extension String {
    /// The template with its `%` replaced by `text`, without Foundation.
    fileprivate func replacingPercent(with text: String) -> String {
        split(separator: "%", omittingEmptySubsequences: false).joined(separator: text)
    }
}
