import Foundation
import PhaseModel
import Yams

/// The words and sentences of one locale: labels of statuses, verdicts and severities, counted
/// nouns and phrases with `{placeholders}` that Swift code puts into reports, and the headings and
/// sentences (`text.*` keys, holding `{{value}}` tags) that the shared templates name as `{{@key}}`.
///
/// A catalog is YAML: each key maps to a string, or for a counted noun to its plural forms
/// (`one`/`other` in English; `one`/`few`/`many`/`other` in Russian). A figure never lives in it.
public struct Catalog: Sendable {
    public typealias Entry = CatalogEntry

    public let locale: ReportLocale
    public let entries: [String: Entry]

    /// Reads `sources` in order; a later source overrides the keys it has.
    init(locale: ReportLocale, sources: [(origin: String, text: String)]) throws {
        self.locale = locale
        var entries: [String: Entry] = [:]
        for source in sources {
            for (key, entry) in try Self.parse(source.text, origin: source.origin) { entries[key] = entry }
        }
        self.entries = entries
    }

    /// The built-in catalog of `locale` (every `templates/<locale>/*.yml`), without user overrides.
    /// A key defined in two built-in parts is an error: one of them would be silently lost.
    public static func builtIn(_ locale: ReportLocale) throws -> Catalog {
        let parts = BuiltInTemplates.files.filter { $0.key.hasPrefix(locale.rawValue + "/") && $0.key.hasSuffix(".yml") }
            .sorted { $0.key < $1.key }
        var seen: [String: String] = [:]
        for (path, text) in parts {
            for key in try parse(text, origin: path).keys {
                if let other = seen[key] {
                    throw TemplateError.invalid(
                        file: "templates/\(path)",
                        reason: LocalizedText(
                            message: "error.catalog.duplicate-key", ["key": .text(key), "other": .text("templates/" + other)]).en)
                }
                seen[key] = path
            }
        }
        return try Catalog(locale: locale, sources: parts.map { ("built-in templates/\($0.key)", $0.value) })
    }

    static func parse(_ text: String, origin: String) throws -> [String: Entry] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let reason = LocalizedText(message: "error.catalog.not-yaml", ["detail": .text("\(error)")])
            throw TemplateError.invalid(file: origin, reason: reason.en)
        }
        guard let mapping = node?.mapping else {
            throw TemplateError.invalid(file: origin, reason: LocalizedText(message: "error.catalog.not-a-mapping").en)
        }
        var entries: [String: Entry] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let line = keyNode.mark.map { ":\($0.line)" } ?? ""
            if let text = value.scalar?.string {
                entries[key] = .text(text)
            } else if let forms = value.mapping {
                guard let plural = CatalogEntry.pluralForms(forms) else {
                    throw TemplateError.invalid(
                        file: origin + line, reason: LocalizedText(message: "error.catalog.plural-forms", ["key": .text(key)]).en)
                }
                entries[key] = .plural(plural)
            } else {
                throw TemplateError.invalid(
                    file: origin + line, reason: LocalizedText(message: "error.catalog.not-a-text", ["key": .text(key)]).en)
            }
        }
        return entries
    }

    /// The text of `key`; a missing key shows as `⟦key⟧` so a gap is visible, never silent.
    public func text(_ key: String) -> String {
        switch entries[key] {
        case let .text(text)?: text
        case let .plural(forms)?: forms[.other] ?? "⟦\(key)⟧"
        case nil: "⟦\(key)⟧"
        }
    }

    /// The text of `key` with each `{name}` replaced by its value.
    public func text(_ key: String, _ values: [String: String]) -> String {
        var result = text(key)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }

    /// `value` with the noun of `key` in the form its plural category asks for: "21 задача".
    public func counted(_ value: Double, _ key: String, fractionDigits: Int = 1) -> String {
        switch entries[key] {
        case let .plural(forms)?: locale.counted(value, forms, fractionDigits: fractionDigits)
        case let .text(text)?: locale.number(value, fractionDigits: fractionDigits) + " " + text
        case nil: locale.number(value, fractionDigits: fractionDigits) + " ⟦\(key)⟧"
        }
    }

    public func counted(_ value: Int, _ key: String) -> String { counted(Double(value), key, fractionDigits: 0) }
}
