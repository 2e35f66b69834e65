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
        Finding(
            rule: rule, severity: .major, task: task, phase: phase, at: source,
            message: LocalizedText(
                message: "finding.claim.extraction-capped.message", ["place": .text(source.description), "limit": .count(claimsPerItem)]),
            remediation: LocalizedText(message: "finding.claim.extraction-capped.remediation")
        )
    }
}
