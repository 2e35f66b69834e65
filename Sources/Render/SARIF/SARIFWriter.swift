import Foundation
import PhaseModel

/// Findings as a SARIF 2.1.0 log, for code-scanning tools in CI.
///
/// Levels: critical and major findings are `error`, minor `warning`, info `note`; phasecert's
/// own severity stays in `properties.severity`. Locations are repository-relative URIs against
/// the `SRCROOT` base, so the log carries no absolute machine path. The output is canonical JSON:
/// the same findings give the same bytes.
///
/// The log meets GitHub code scanning's upload requirements, which are stricter than the schema:
/// every result has a physical location with a start line (a finding about a task, a folder or
/// the repository is anchored as `FindingLocator` says), and the driver and every rule carry
/// their version, descriptions, help and help URI.
public enum SARIFWriter {
    /// The base id relative URIs are resolved against.
    public static let rootBase = "SRCROOT"

    /// Where phasecert is described.
    public static let informationURI = "https://github.com/phasecert/phasecert"

    /// Where the rules are described: the README's section on findings.
    public static let rulesURI = informationURI + "#scores-findings-and-the-gate-every-command-that-scans"

    /// The SARIF log of `findings`, with messages in `locale` (`en` or `ru`), written by `tool`;
    /// `locator` anchors findings that have no file and line of their own.
    public static func log(
        _ findings: [Finding], locale: String = "en", tool: ToolVersion = .unstamped, locator: FindingLocator = FindingLocator()
    ) throws -> Data {
        let reportLocale = ReportLocale(rawValue: locale) ?? .en
        let catalog = try Catalog.builtIn(reportLocale)
        let used = Set(findings.map(\.rule))
        // Catalog rules that occur, in catalog order; then rules not in the catalog, by id.
        let known = FindingRule.catalog.filter { used.contains($0.id) }
        let unknown = used.subtracting(known.map(\.id)).sorted()
        var rules = known.map { rule(id: $0.id, title: $0.title.text(in: reportLocale), severity: $0.severity, catalog: catalog) }
        rules += unknown.map { id in
            rule(id: id, title: id.rawValue, severity: findings.first { $0.rule == id }?.severity ?? .info, catalog: catalog)
        }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let results = findings.map { finding in
            SARIFLog.Result(
                ruleId: finding.rule.rawValue,
                ruleIndex: index[finding.rule.rawValue],
                level: level(finding.severity),
                message: .init(text: finding.message.text(in: reportLocale)),
                locations: [location(locator.anchor(for: finding))],
                partialFingerprints: ["phasecert/v1": fingerprint(finding)],
                properties: .init(
                    severity: finding.severity.rawValue, task: finding.task, phase: finding.phase, commit: finding.commit,
                    remediation: finding.remediation.map { $0.text(in: reportLocale) }))
        }
        let driver = SARIFLog.Driver(
            name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: informationURI, rules: rules,
            properties: .init(commit: tool.commit))
        let log = SARIFLog(runs: [
            SARIFLog.Run(tool: .init(driver: driver), results: results, originalUriBaseIds: [rootBase: .init(uri: "./", uriBaseId: nil)])
        ])
        return try CanonicalJSON.encode(log)
    }

    /// SARIF's level for a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .major: "error"
        case .minor: "warning"
        case .info: "note"
        }
    }

    /// A fingerprint that survives lines moving: rule, task, phase, file or commit and the
    /// English message, hashed.
    static func fingerprint(_ finding: Finding) -> String {
        let key = [finding.rule.rawValue, finding.task ?? "", finding.phase ?? "", finding.file ?? "", finding.commit ?? "", finding.message.en]
            .joined(separator: "\u{1F}")
        return String(ContentDigest.sha256Hex(of: Array(key.utf8)).prefix(32))
    }

    private static func rule(id rule: FindingRuleID, title: String, severity: Severity, catalog: Catalog) -> SARIFLog.Rule {
        let help = RuleHelp(rule: rule, catalog: catalog)
        let id = rule.rawValue
        return SARIFLog.Rule(
            id: id, name: id, shortDescription: .init(text: title), fullDescription: .init(text: help.description),
            help: .init(text: help.text(moreAt: rulesURI), markdown: help.markdown(title: title, moreAt: rulesURI)),
            helpUri: rulesURI, defaultConfiguration: .init(level: level(severity)), properties: .init(severity: severity.rawValue))
    }

    private static func location(_ anchor: FindingLocator.Anchor) -> SARIFLog.Location {
        SARIFLog.Location(physicalLocation: .init(
            artifactLocation: .init(uri: uri(anchor.path), uriBaseId: rootBase), region: SARIFLog.Region(startLine: anchor.line)))
    }

    /// A relative path as a URI reference: each segment percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":?#[]@!$&'()*+,;=%")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}
