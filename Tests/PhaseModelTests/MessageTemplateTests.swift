import PhaseModel
import PropertyBased
import Testing

/// `MessageCatalog.text` fills texts split once (`MessageTemplate`) and formats only the arguments a
/// text uses; it must give exactly what the one-pass fill over `Character`s it replaced gave, since
/// these sentences are part of `phase.json` and so of its certification id.
struct MessageTemplateTests {
    // MARK: The reference: the fill as it was before texts were split

    /// `MessageCatalog.text` before PC-014, on the catalog's `entries`: every argument formatted, then
    /// the text walked by `Character`.
    static func referenceText(_ catalog: MessageCatalog, _ key: String, _ arguments: [String: MessageArgument]) -> String {
        let template: String
        switch catalog.entries[key] {
        case .text(let text)?:
            template = text
        case .plural(let forms)?:
            let category = arguments["count"].flatMap { argument -> PluralCategory? in
                guard case .count(let value) = argument else { return nil }
                return catalog.locale.pluralCategory(Double(value))
            }
            template = category.flatMap { forms[$0] } ?? forms[.other] ?? ""
        case nil:
            return "⟦\(key)⟧"
        }
        return referenceFill(template, arguments.mapValues { $0.text(in: catalog.locale) })
    }

    /// `MessageCatalog.fill` before PC-014, unchanged.
    static func referenceFill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    // MARK: Random texts and arguments

    /// Pieces of texts and values: braces alone and around names, Cyrillic, a precomposed `é` beside
    /// `e` and a combining acute (equal as `String`s), marks that join a brace into one `Character`
    /// (combining, zero-width joiner, spacing mark, and the prepended Arabic number sign), CR LF, a
    /// flag and an emoji with a skin tone.
    static let pieces = [
        "{", "}", "{", "}", "{a}", "{b}", "{count}", "{é}", "{}", "{a{b}", "a", "b", "é", "e", "\u{301}", "\u{200D}",
        "\u{903}", "\u{600}", "б", "задача", " ", "\r", "\n", "🇷🇺", "👍🏽",
    ]
    static let names = ["a", "b", "count", "é", "e\u{301}", "", "a{b", "\u{301}", "задача", "{a", "b}"]

    static let texts = Gen<Int>.int(in: 0...(pieces.count - 1)).array(of: 0...10).map { $0.map { pieces[$0] }.joined() }

    static let arguments = zip(
        Gen<Int>.int(in: 0...(names.count - 1)), Gen<Int>.int(in: 0...2), texts, texts, Gen<Int>.int(in: -3...125)
    )
    .map { drawn -> (String, MessageArgument) in
        let (name, kind, first, second, count) = drawn
        let argument: MessageArgument =
            switch kind {
            case 0: .text(first)
            case 1: .localized(LocalizedText(en: first, ru: second))
            default: .count(count)
            }
        return (names[name], argument)
    }
    .array(of: 0...6)
    .map { Dictionary($0, uniquingKeysWith: { first, _ in first }) }

    @Test func randomTextsFillAsTheReferenceFills() async {
        await propertyCheck(count: 3_000, input: Self.texts, Self.arguments, Gen<ReportLocale>.case) { text, arguments, locale in
            let catalog = MessageCatalog(locale: locale, entries: ["key": .text(text)])
            #expect(catalog.text("key", arguments) == Self.referenceText(catalog, "key", arguments), "\(text.debugDescription)")
        }
    }

    @Test func randomPluralFormsAreChosenAsTheReferenceChooses() async {
        let forms = Self.texts.array(of: 4).map { texts in
            Dictionary(uniqueKeysWithValues: zip(PluralCategory.allCases, texts))
        }
        await propertyCheck(count: 1_000, input: forms, Gen<Bool>.bool, Self.arguments, Gen<ReportLocale>.case) {
            forms, withOther, arguments, locale in
            let forms = withOther ? forms : forms.filter { $0.key != .other }
            let catalog = MessageCatalog(locale: locale, entries: ["key": .plural(forms)])
            #expect(catalog.text("key", arguments) == Self.referenceText(catalog, "key", arguments))
        }
    }

    // MARK: The built-in catalogs

    /// Values for every placeholder of a key: plain, holding braces (a quoted claim), holding
    /// another placeholder's name, and Cyrillic with a combining mark.
    static let sampleValues: [MessageArgument] = [
        .text("PC-14"), .text("{task} «{a}»"), .localized(LocalizedText(en: "e\u{301}{", ru: "зада\u{301}ча}")),
        .text(""),
    ]

    @Test(arguments: ReportLocale.allCases)
    func everyBuiltInKeyFillsAsTheReferenceFills(locale: ReportLocale) {
        let catalog = MessageCatalog.builtIn(locale)
        #expect(!catalog.entries.isEmpty)
        for key in catalog.entries.keys.sorted() {
            let names = catalog.placeholders(of: key).sorted()
            for (sample, value) in Self.sampleValues.enumerated() {
                for count in [0, 1, 2, 5, 11, 21, 112] {
                    var arguments: [String: MessageArgument] = ["count": .count(count)]
                    // Every other name left out, in turn, so that a placeholder with no argument is met.
                    for (index, name) in names.enumerated() where name != "count" && (index + sample) % 3 != 0 {
                        arguments[name] = value
                    }
                    #expect(catalog.text(key, arguments) == Self.referenceText(catalog, key, arguments), "\(key)")
                }
            }
            #expect(catalog.text(key) == Self.referenceText(catalog, key, [:]), "\(key)")
        }
    }

    @Test func localizedTextGivesTheReferenceInBothLanguages() {
        let english = MessageCatalog.builtIn(.en)
        let russian = MessageCatalog.builtIn(.ru)
        for key in english.entries.keys.sorted() + ["finding.nothing"] {
            let arguments = Dictionary(
                uniqueKeysWithValues: english.placeholders(of: key).map { name in
                    (name, MessageArgument.localized(LocalizedText(en: "{\(name)}x", ru: "«\(name)»")))
                }
            )
            .merging(["count": .count(3)]) { _, count in count }
            let text = LocalizedText(message: key, arguments)
            #expect(text.en == Self.referenceText(english, key, arguments), "\(key)")
            #expect(text.ru == Self.referenceText(russian, key, arguments), "\(key)")
        }
    }

    // MARK: The odd cases, spelt out

    static func filled(_ text: String, _ arguments: [String: MessageArgument], in locale: ReportLocale = .en) -> String {
        MessageCatalog(locale: locale, entries: ["key": .text(text)]).text("key", arguments)
    }

    @Test func aBraceWithNoCloseStays() {
        #expect(Self.filled("{a} and { a", ["a": .text("x")]) == "x and { a")
        #expect(Self.filled("{", ["": .text("x")]) == "{")
    }

    @Test func anUnknownNameStaysAndABraceInsideItMayOpenAnother() {
        #expect(Self.filled("{a{b}", ["b": .text("x")]) == "{ax")
        #expect(Self.filled("{a{b}", ["a{b": .text("x"), "b": .text("y")]) == "x")
        #expect(Self.filled("{{a}}", ["a": .text("x")]) == "{x}")
        #expect(Self.filled("{}{a}", ["": .text("x")]) == "x{a}")
    }

    @Test func aValueIsNeverFilledAgain() {
        #expect(Self.filled("{a} {b}", ["a": .text("{b}"), "b": .text("{a}")]) == "{b} {a}")
    }

    @Test func aBraceJoinedToAMarkIsNoBrace() {
        #expect(Self.filled("{\u{301}a}", ["\u{301}a": .text("x"), "a": .text("y")]) == "{\u{301}a}")
        #expect(Self.filled("{a}\u{301}}", ["a}\u{301}": .text("x"), "a": .text("y")]) == "x")
        #expect(Self.filled("{é}", ["e\u{301}": .text("x")]) == "x")
    }

    @Test func eachLocaleTakesItsOwnWording() {
        let arguments: [String: MessageArgument] = ["what": .localized(LocalizedText(en: "task", ru: "задача")), "n": .count(7)]
        #expect(Self.filled("{n} {what}", arguments, in: .en) == "7 task")
        #expect(Self.filled("{n} {what}", arguments, in: .ru) == "7 задача")
    }
}
