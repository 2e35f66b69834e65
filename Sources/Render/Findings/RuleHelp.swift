import PhaseModel

/// What a finding rule means and what to do about it, in one locale, from the catalog's
/// `rule.<id>.description` and `rule.<id>.help`; a rule the catalog does not describe gets a
/// sentence that says so, never an empty text.
struct RuleHelp: Sendable {
    let rule: FindingRuleID
    let description: String
    let advice: String
    private let catalog: Catalog

    init(rule: FindingRuleID, catalog: Catalog) {
        self.rule = rule
        self.catalog = catalog
        let known = catalog.entries["rule.\(rule).description"] != nil && catalog.entries["rule.\(rule).help"] != nil
        description = known ? catalog.text("rule.\(rule).description") : catalog.text("rule.unknown.description", ["rule": rule.rawValue])
        advice = known ? catalog.text("rule.\(rule).help") : catalog.text("rule.unknown.help")
    }

    /// Plain text: the description, what to do, and where every rule is described.
    func text(moreAt uri: String) -> String {
        [description, catalog.text("rule.help.heading") + ": " + advice, catalog.text("rule.help.more", ["uri": uri])]
            .joined(separator: "\n\n")
    }

    /// The same as Markdown, under the rule's id and title; catalog text is escaped, so none of
    /// it turns into markup.
    func markdown(title: String, moreAt uri: String) -> String {
        let more = catalog.text("rule.help.more", ["uri": "\u{0}"]).components(separatedBy: "\u{0}")
            .map(MarkdownText.inline).joined(separator: "<\(uri)>")
        return [
            "**" + MarkdownText.inline(title) + "** (`\(rule)`)",
            MarkdownText.inline(description),
            "**" + MarkdownText.inline(catalog.text("rule.help.heading")) + "**: " + MarkdownText.inline(advice),
            more,
        ].joined(separator: "\n\n")
    }
}
