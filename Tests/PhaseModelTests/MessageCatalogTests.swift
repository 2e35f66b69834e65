import Foundation
import PhaseModel
import Testing

/// The built-in message catalogs (`messages/<lang>/*.yml`): both read, both hold the same keys
/// with the same placeholders, and `LocalizedText(message:)` fills them in.
struct MessageCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ReportLocale.allCases)
    func builtInCatalogReads(locale: ReportLocale) throws {
        let catalog = try MessageCatalog.load(locale)
        #expect(!catalog.entries.isEmpty)
        #expect(MessageCatalog.builtIn(locale).entries == catalog.entries)
    }

    @Test func everyKeyIsInEveryLanguage() throws {
        let keys = try ReportLocale.allCases.map { Set(try MessageCatalog.load($0).entries.keys) }
        let union = keys.reduce(into: Set<String>()) { $0.formUnion($1) }
        for (locale, present) in zip(ReportLocale.allCases, keys) {
            let missing = union.subtracting(present).sorted()
            #expect(missing.isEmpty, "missing in messages/\(locale.rawValue): \(missing)")
        }
    }

    @Test func everyKeyHasTheSamePlaceholdersInEveryLanguage() throws {
        let english = try MessageCatalog.load(.en)
        let russian = try MessageCatalog.load(.ru)
        for key in english.entries.keys.sorted() where russian.entries[key] != nil {
            #expect(english.placeholders(of: key) == russian.placeholders(of: key), "\(key)")
        }
    }

    /// A plural message lists the forms its language needs, so no count falls back to `other` by accident.
    @Test func pluralMessagesListTheirLanguagesForms() throws {
        let needed: [ReportLocale: Set<PluralCategory>] = [.en: [.one, .other], .ru: [.one, .few, .many, .other]]
        for locale in ReportLocale.allCases {
            for (key, entry) in try MessageCatalog.load(locale).entries {
                guard case .plural(let forms) = entry else { continue }
                #expect(needed[locale]!.isSubset(of: Set(forms.keys)), "\(locale.rawValue): \(key)")
            }
        }
    }

    @Test func argumentsFillPlaceholdersOnce() {
        let catalog = MessageCatalog(locale: .en, entries: ["greeting": .text("{who} said {what}; {unknown} stays")])
        let text = catalog.text("greeting", ["who": .text("{what}"), "what": .localized(LocalizedText(en: "hi", ru: "привет"))])
        #expect(text == "{what} said hi; {unknown} stays")
    }

    @Test func countChoosesThePluralForm() {
        let forms: [PluralCategory: String] = [.one: "{count} задача", .few: "{count} задачи", .many: "{count} задач", .other: "{count} задачи"]
        let catalog = MessageCatalog(locale: .ru, entries: ["tasks": .plural(forms)])
        #expect([1, 3, 5, 21, 112].map { catalog.text("tasks", ["count": .count($0)]) }
            == ["1 задача", "3 задачи", "5 задач", "21 задача", "112 задач"])
    }

    @Test func aMissingKeyShows() {
        #expect(MessageCatalog(locale: .en, entries: [:]).text("finding.nothing") == "⟦finding.nothing⟧")
    }

    @Test func localizedTextTakesBothLanguages() {
        let text = LocalizedText(message: "finding.task.no-commits.remediation", ["task": .text("PC-1")])
        #expect(text.en == "Name PC-1 in the subject or body of the commits that did its work, or in the merge of its branch.")
        #expect(text.ru == "Указывайте PC-1 в заголовке или тексте коммитов, которые выполняли задачу, или в слиянии её ветки.")
    }

    // MARK: Keys in the code

    /// The first component of every key: `finding` (messages and remediations of findings), `note`
    /// (claim notes), `about` (what each finding rule checks), `problem` (what a reader found wrong in
    /// a file), `error` (errors that stop a command), `cli` (command help and terminal output),
    /// `names` (the name checker). A literal in the sources that starts with one of them and a dot,
    /// and is made of lower-case words, digits, dots and dashes, is taken to be a key.
    static let namespaces: Set<String> = ["finding", "note", "about", "problem", "error", "cli", "names"]

    @Test func everyKeyIsInANamespace() throws {
        let outside = try MessageCatalog.load(.en).entries.keys.filter { key in
            !Self.namespaces.contains { key.hasPrefix($0 + ".") }
        }
        #expect(outside.isEmpty, "keys outside \(Self.namespaces.sorted()): \(outside.sorted())")
    }

    static func keyLiterals() throws -> [(file: String, line: Int, key: String)] {
        let sources = root.appending(path: "Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var keys: [(String, Int, String)] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            for literal in SwiftStringLiterals.literals(in: try String(contentsOf: file, encoding: .utf8)) {
                let text = literal.text
                guard let first = text.split(separator: ".").first, namespaces.contains(String(first)), text.contains("."),
                    text.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" })
                else { continue }
                keys.append((String(file.path.dropFirst(root.path.count + 1)), literal.line, text))
            }
        }
        return keys
    }

    @Test func everyKeyTheCodeUsesExists() throws {
        let catalog = try MessageCatalog.load(.en)
        let keys = try Self.keyLiterals()
        #expect(keys.count >= 40, "only \(keys.count) keys found in the sources")
        for (file, line, key) in keys {
            #expect(catalog.entries[key] != nil, "\(file):\(line): \(key) is in no message catalog")
        }
    }

    @Test func everyKeyOfTheCatalogsIsUsed() throws {
        let used = Set(try Self.keyLiterals().map(\.key))
        let unused = Set(try MessageCatalog.load(.en).entries.keys).subtracting(used).sorted()
        #expect(unused.isEmpty, "keys no code uses: \(unused)")
    }
}
