import Foundation
import PhaseModel

/// The `{{@key}}` tags of a report template: where the catalog of the locale puts its text.
///
/// One template serves every locale. Before swift-mustache reads a template, each `{{@key}}` is
/// replaced by the catalog's text for `key`, and that text may hold the template's own tags
/// (`"phasecert found {{claimCount}} about this phase"`), so a sentence and the values inside it
/// are rendered with the same escaping as the rest of the template. A template without such
/// tags (a user's copy written for one language) is read as it is.
enum CatalogTags {
    static let opening = "{{@"

    /// The keys `text` names as `{{@key}}`, with the line each is on, in order.
    static func keys(in text: String) -> [(key: String, line: Int)] {
        names(after: opening, in: text)
    }

    /// `text` with every `{{@key}}` replaced by the catalog's text for `key`.
    ///
    /// A key the catalog lacks, holds as a counted noun, or whose text has a `{{@` tag of its own
    /// is an error naming `origin` and the line: a sentence left out of a report would go unseen.
    static func filled(_ text: String, from catalog: Catalog, origin: String) throws -> String {
        var result = ""
        var rest = text[...]
        var line = 1
        while let open = rest.range(of: opening) {
            let before = rest[..<open.lowerBound]
            line += before.count { $0 == "\n" }
            result += before
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError.invalid(
                    file: "\(origin):\(line)", reason: LocalizedText(message: "error.template.tag-not-closed", ["tag": .text(opening)]).en)
            }
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard case let .text(words)? = catalog.entries[key], !words.contains(opening) else {
                throw TemplateError.invalid(
                    file: "\(origin):\(line)",
                    reason: LocalizedText(
                        message: "error.template.unknown-text",
                        ["tag": .text("\(opening)\(key)}}"), "locale": .text(catalog.locale.rawValue)]).en)
            }
            result += words
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The trimmed names between `opening` and the next `}}` in `text`, with their line numbers.
    static func names(after opening: String, in text: String) -> [(key: String, line: Int)] {
        var names: [(key: String, line: Int)] = []
        var rest = text[...]
        var line = 1
        while let open = rest.range(of: opening) {
            line += rest[..<open.lowerBound].count { $0 == "\n" }
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            names.append((rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces), line))
            rest = rest[close.upperBound...]
        }
        return names
    }
}
