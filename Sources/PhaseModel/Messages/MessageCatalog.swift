import Yams

/// The sentences of findings, claim notes and messages in one locale, from the built-in catalogs
/// `messages/<locale>/*.yml` embedded at build time.
///
/// Unlike the report catalogs of `templates/`, these cannot be overridden: the sentences are part of
/// `phase.json`, and so of its certification id. Each key maps to a text with `{name}` placeholders,
/// or to plural forms (`one`/`other` in English; `one`/`few`/`many`/`other` in Russian) chosen by the
/// argument named `count`.
public struct MessageCatalog: Sendable {
    public typealias Entry = CatalogEntry

    public let locale: ReportLocale
    public let entries: [String: Entry]
    /// `entries` with their texts split at the placeholders once, here, rather than per message.
    private let parsedEntries: [String: ParsedCatalogEntry]

    /// The built-in catalog of `locale`, read once.
    public static func builtIn(_ locale: ReportLocale) -> MessageCatalog {
        switch locale {
        case .en: english
        case .ru: russian
        }
    }

    // A catalog that does not parse leaves every key showing as `⟦key⟧`;
    // `MessageCatalogTests` reads the built-in files with `load` and fails on the error.
    private static let english = (try? load(.en)) ?? MessageCatalog(locale: .en, entries: [:])
    private static let russian = (try? load(.ru)) ?? MessageCatalog(locale: .ru, entries: [:])

    /// Reads every built-in `messages/<locale>/*.yml`; a key defined in two files is an error.
    public static func load(_ locale: ReportLocale) throws -> MessageCatalog {
        let files = BuiltInMessages.files.filter { $0.key.hasPrefix(locale.rawValue + "/") && $0.key.hasSuffix(".yml") }
        var entries: [String: Entry] = [:]
        var origins: [String: String] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            for (key, entry) in try parse(text, file: "messages/" + path) {
                if let other = origins[key] {
                    throw MessageCatalogError(
                        file: "messages/" + path, reason: "\(key) is also defined in messages/\(other)")  // program text: a broken catalog cannot word its own error
                }
                origins[key] = path
                entries[key] = entry
            }
        }
        return MessageCatalog(locale: locale, entries: entries)
    }

    /// A catalog of `entries`; phasecert itself reads only the built-in ones (`builtIn`).
    public init(locale: ReportLocale, entries: [String: Entry]) {
        self.locale = locale
        self.entries = entries
        self.parsedEntries = entries.mapValues(ParsedCatalogEntry.init)
    }

    static func parse(_ yaml: String, file: String) throws -> [String: Entry] {
        guard let mapping = try Yams.compose(yaml: yaml)?.mapping else {
            throw MessageCatalogError(file: file, reason: "expected a mapping of keys to texts")  // program text: a broken catalog cannot word its own error
        }
        var entries: [String: Entry] = [:]
        for (keyNode, value) in mapping {
            let place = file + (keyNode.mark.map { ":\($0.line)" } ?? "")
            guard let key = keyNode.string else {
                throw MessageCatalogError(file: place, reason: "a key is not text")  // program text: a broken catalog cannot word its own error
            }
            if let text = value.scalar?.string {
                entries[key] = .text(text)
                continue
            }
            guard let forms = CatalogEntry.pluralForms(value.mapping ?? [:]) else {
                throw MessageCatalogError(
                    file: place, reason: "\(key): plural forms are one, few, many or other, each a text")  // program text: a broken catalog cannot word its own error
            }
            guard forms[.other] != nil else {
                throw MessageCatalogError(file: place, reason: "\(key): expected a text or plural forms with other")  // program text: a broken catalog cannot word its own error
            }
            entries[key] = .plural(forms)
        }
        return entries
    }

    /// The message `key` with each `{name}` of `arguments` filled in; a missing key reads `⟦key⟧`,
    /// so a gap shows in the output instead of passing silently.
    public func text(_ key: String, _ arguments: [String: MessageArgument] = [:]) -> String {
        let template: MessageTemplate
        switch parsedEntries[key] {
        case .text(let text)?:
            template = text
        case .plural(let forms)?:
            let category = arguments["count"].flatMap { argument -> PluralCategory? in
                guard case .count(let value) = argument else { return nil }
                return locale.pluralCategory(Double(value))
            }
            // Forms without `other` come only from a catalog built in code (`parse` requires it); they read empty.
            guard let form = category.flatMap({ forms[$0] }) ?? forms[.other] else { return "" }
            template = form
        case nil:
            return "⟦\(key)⟧"
        }
        return template.filled(with: arguments, in: locale)
    }

    /// The names of the `{placeholders}` of `key`'s text or of any of its plural forms.
    public func placeholders(of key: String) -> Set<String> {
        let templates: [MessageTemplate]
        switch parsedEntries[key] {
        case .text(let text)?: templates = [text]
        case .plural(let forms)?: templates = Array(forms.values)
        case nil: templates = []
        }
        let names = templates.flatMap(\.placeholders).map(\.name)
        return Set(names.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } })
    }
}

/// A built-in message catalog that cannot be read: a build of phasecert with a broken `messages/` file.
///
/// Its reasons are the one kind of sentence not worded from the catalogs, and are marked `// program
/// text:` where they are written: they report that the catalogs themselves are broken, and only a
/// developer whose build has such a file (and `MessageCatalogTests`) ever sees them.
public struct MessageCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}
