import Foundation
import PhaseModel
import Score

/// Findings as a SARIF 2.1.0 log, for code-scanning tools in CI.
///
/// Levels: critical and major findings are `error`, minor `warning`, info `note`; phasecert's
/// own severity stays in `properties.severity`. Locations are repository-relative URIs against
/// the `SRCROOT` base, so the log carries no absolute machine path. The output is canonical JSON:
/// the same findings give the same bytes.
public enum SARIFWriter {
    /// The base id relative URIs are resolved against.
    public static let rootBase = "SRCROOT"

    /// The SARIF log of `findings`, with messages in `locale` (`en` or `ru`).
    public static func log(_ findings: [Finding], locale: String = "en") throws -> Data {
        let used = Set(findings.map(\.rule))
        // Catalog rules that occur, in catalog order; then rules not in the catalog, by id.
        let catalog = FindingRule.catalog.filter { used.contains($0.id) }
        let unknown = used.subtracting(catalog.map(\.id)).sorted()
        var rules = catalog.map { rule(id: $0.id, title: text($0.title, locale), severity: $0.severity) }
        rules += unknown.map { id in rule(id: id, title: id, severity: findings.first { $0.rule == id }?.severity ?? .info) }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let results = findings.map { finding in
            SARIFLog.Result(
                ruleId: finding.rule,
                ruleIndex: index[finding.rule],
                level: level(finding.severity),
                message: .init(text: text(finding.message, locale)),
                locations: location(finding).map { [$0] },
                partialFingerprints: ["phasecert/v1": fingerprint(finding)],
                properties: .init(
                    severity: finding.severity.rawValue, task: finding.task, phase: finding.phase, commit: finding.commit,
                    remediation: finding.remediation.map { text($0, locale) }))
        }
        let log = SARIFLog(runs: [
            SARIFLog.Run(
                tool: .init(driver: .init(name: "phasecert", informationUri: "https://github.com/phasecert/phasecert", rules: rules)),
                results: results,
                originalUriBaseIds: [rootBase: .init(uri: "./", uriBaseId: nil)])
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
        let key = [finding.rule, finding.task ?? "", finding.phase ?? "", finding.file ?? "", finding.commit ?? "", finding.message.en]
            .joined(separator: "\u{1F}")
        return String(SHA256.hex(of: Array(key.utf8)).prefix(32))
    }

    private static func rule(id: String, title: String, severity: Severity) -> SARIFLog.Rule {
        SARIFLog.Rule(
            id: id, name: id, shortDescription: .init(text: title),
            defaultConfiguration: .init(level: level(severity)), properties: .init(severity: severity.rawValue))
    }

    private static func location(_ finding: Finding) -> SARIFLog.Location? {
        guard let file = finding.file else { return nil }
        return SARIFLog.Location(physicalLocation: .init(
            artifactLocation: .init(uri: uri(file), uriBaseId: rootBase),
            region: finding.line.flatMap { $0 > 0 ? SARIFLog.Region(startLine: $0) : nil }))
    }

    /// A relative path as a URI reference: each segment percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":?#[]@!$&'()*+,;=%")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    private static func text(_ text: LocalizedText, _ locale: String) -> String {
        text.text(in: ReportLocale(rawValue: locale) ?? .en)
    }
}
