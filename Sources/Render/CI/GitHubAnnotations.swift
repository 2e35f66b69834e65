import PhaseModel

/// Findings as GitHub Actions annotations: one `::error`, `::warning` or `::notice` workflow
/// command per finding, pointing at the file and line it was found at.
///
/// GitHub shows at most `perLevelLimit` annotations of each level per step and drops the rest
/// silently, so a level with more findings than that gets `perLevelLimit - 1` of them and one
/// annotation saying how many more there are and where they are listed.
public enum GitHubAnnotations {
    /// The annotation levels of GitHub Actions, most severe first.
    enum Level: String, CaseIterable, Sendable {
        case error, warning, notice

        init(_ severity: Severity) {
            switch severity {
            case .critical, .major: self = .error
            case .minor: self = .warning
            case .info: self = .notice
            }
        }
    }

    /// The most annotations of one level GitHub shows for one step.
    static let perLevelLimit = 10

    /// The workflow commands for `findings`, in `Finding.listOrder`, each a line without its
    /// line break; never more than `perLevelLimit` of one level.
    ///
    /// - Parameters:
    ///   - locale: the language of messages and titles.
    ///   - detailsPath: where every finding is listed (the phase's `findings.sarif`), named by the
    ///     annotation that stands for the findings beyond the limit.
    public static func commands(for findings: [Finding], locale: ReportLocale, detailsPath: String?) -> [String] {
        let text = ViewText(catalog: catalog(locale))
        let sorted = findings.sorted(by: Finding.listOrder)
        return Level.allCases.flatMap { level -> [String] in
            let ofLevel = sorted.filter { Level($0.severity) == level }
            guard ofLevel.count > perLevelLimit else { return ofLevel.map { command(for: $0, text: text).line } }
            let shown = ofLevel.prefix(perLevelLimit - 1).map { command(for: $0, text: text).line }
            return shown + [overflow(ofLevel.count - shown.count, level: level, detailsPath: detailsPath, text: text).line]
        }
    }

    /// One finding: its file and line when it has them, its rule as the title, and its message
    /// with the remediation and (for a finding in a commit) the commit on lines of their own.
    static func command(for finding: Finding, text: ViewText) -> WorkflowCommand {
        let catalog = text.catalog
        let ruleTitle = FindingRule.named(finding.rule).map { text.text($0.title) }
        let title = ruleTitle.map { catalog.text("annotation.title", ["rule": finding.rule.rawValue, "title": $0]) } ?? finding.rule.rawValue
        var message = [text.text(finding.message)]
        if let remediation = finding.remediation { message.append(text.text(remediation)) }
        if finding.file == nil, let commit = finding.commit { message.append(text.location(nil, nil, commit: commit)) }
        return WorkflowCommand(
            name: Level(finding.severity).rawValue,
            properties: [
                .init(key: "file", value: finding.file),
                .init(key: "line", value: finding.file == nil ? nil : finding.line.map(String.init)),
                .init(key: "title", value: title),
            ],
            message: message.joined(separator: "\n"))
    }

    /// The annotation standing for the `count` findings of `level` that are not annotated.
    static func overflow(_ count: Int, level: Level, detailsPath: String?, text: ViewText) -> WorkflowCommand {
        let catalog = text.catalog
        let values = ["findings": catalog.counted(count, "noun.moreFinding"), "level": level.rawValue, "path": detailsPath ?? ""]
        return WorkflowCommand(
            name: level.rawValue, properties: [.init(key: "title", value: catalog.text("annotation.more.title"))],
            message: catalog.text(detailsPath == nil ? "annotation.more" : "annotation.more.see", values))
    }

    /// The built-in catalog of `locale`. Should it not load (a packaging mistake the catalog tests
    /// catch), every text shows as its `⟦key⟧`, visibly, rather than the findings going unannotated.
    private static func catalog(_ locale: ReportLocale) -> Catalog {
        (try? Catalog.builtIn(locale)) ?? Catalog(locale: locale, entries: [:])
    }
}

extension Catalog {
    fileprivate init(locale: ReportLocale, entries: [String: Entry]) {
        self.locale = locale
        self.entries = entries
    }
}
