import PhaseModel

/// How many claims one item may give, and the finding raised for an item that holds more.
///
/// An item is one block of text the phrase scanner reads whole: a master-list heading or task
/// line, a paragraph, a list item's first paragraph, a table cell. A person writes a handful of
/// figures in one; an item with thousands is generated text, and keeping every claim of it
/// took gigabytes (a 10 MB item, 3.0 GB). Past the cap the item is read no further, and the
/// finding says so: the claims left unread are unchecked, never counted as checked.
public enum ClaimExtractionCap {
    /// Most claims kept from one item.
    public static let claimsPerItem = 1_000

    /// The rule of the finding.
    public static let rule: FindingRuleID = .claimExtractionCapped

    /// The finding for an item at `source` that held more than `claimsPerItem` claims.
    static func finding(at source: Provenance, task: String?, phase: String?) -> Finding {
        let limit = claimsPerItem
        let place = source.description
        return Finding(
            rule: rule, severity: .major, task: task, phase: phase, at: source,
            message: LocalizedText(
                en: "The item at \(place) holds more than \(limit) claims; the first \(limit) were read and checked, the rest were not read.",
                ru: "Фрагмент в \(place) содержит больше \(limit) утверждений; прочитаны и проверены первые \(limit), остальные не прочитаны."
            ),
            remediation: LocalizedText(
                en: "Split the item, or replace generated figures with a summary and a link to the data.",
                ru: "Разделите фрагмент или замените сгенерированные цифры сводкой и ссылкой на данные."
            )
        )
    }
}
