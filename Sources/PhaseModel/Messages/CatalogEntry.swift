import Yams

/// One key of a catalog, the message catalogs' (`messages/`) and the report catalogs'
/// (`templates/`) alike: a text, or a counted noun's text per plural category.
public enum CatalogEntry: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])

    /// The plural forms a YAML mapping gives (`one: задача`, `few: задачи`, …); `nil` when a key of
    /// it is no plural category or a value no text. Each catalog words that error for its own files.
    public static func pluralForms(_ mapping: Node.Mapping) -> [PluralCategory: String]? {
        var forms: [PluralCategory: String] = [:]
        for (formNode, formText) in mapping {
            guard let category = formNode.string.flatMap(PluralCategory.init(rawValue:)), let text = formText.scalar?.string else {
                return nil
            }
            forms[category] = text
        }
        return forms
    }
}
