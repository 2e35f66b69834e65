import Foundation
import PhaseModel

/// Findings as a GitLab Code Quality report (`artifacts:reports:codequality`), which GitLab shows
/// in the merge-request widget and diff: a JSON array of CodeClimate issues, each with the fields
/// GitLab documents as required — `description`, `check_name`, `fingerprint`, `severity`,
/// `location.path` and `location.lines.begin`.
///
/// Every entry has a repository-relative path and a line from 1 (`FindingLocator`); severities map
/// one to one (critical, major, minor, info); the fingerprint is stable across runs, and unique in
/// the array, since GitLab uses it to tell new issues from fixed ones. Canonical JSON: the same
/// findings give the same bytes.
public enum CodeQualityReport {
    /// One issue. Property names are CodeClimate's own.
    struct Issue: Encodable {
        var type = "issue"
        var description: String
        var check_name: String
        var fingerprint: String
        var severity: String
        var location: Location
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
    }

    /// The report of `findings`, in `Finding.listOrder`, messages in `locale`; a finding repeated
    /// (the same fingerprint) is listed once.
    public static func data(_ findings: [Finding], locale: ReportLocale = .en, locator: FindingLocator = FindingLocator()) throws -> Data {
        var seen = Set<String>()
        var issues: [Issue] = []
        for finding in findings.sorted(by: Finding.listOrder) {
            let anchor = locator.anchor(for: finding)
            let print = fingerprint(finding, anchor: anchor)
            guard seen.insert(print).inserted else { continue }
            issues.append(Issue(
                description: description(finding, locale: locale), check_name: finding.rule.rawValue, fingerprint: print,
                severity: severity(finding.severity), location: Location(path: anchor.path, lines: Lines(begin: anchor.line))))
        }
        return try CanonicalJSON.encode(issues)
    }

    /// GitLab's severity for a severity: the same word; GitLab's `blocker` is not used.
    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "critical"
        case .major: "major"
        case .minor: "minor"
        case .info: "info"
        }
    }

    /// SHA-256 of the rule, the place shown, the task, phase and commit, and the English message:
    /// the same finding gives the same fingerprint in every run and every locale.
    static func fingerprint(_ finding: Finding, anchor: FindingLocator.Anchor) -> String {
        let key = [
            finding.rule.rawValue, anchor.path, String(anchor.line), finding.task ?? "", finding.phase ?? "", finding.commit ?? "",
            finding.message.en,
        ].joined(separator: "\u{1F}")
        return ContentDigest.sha256Hex(of: Array(key.utf8))
    }

    /// The message on one line: control characters and line breaks neutralised, as in every writer.
    private static func description(_ finding: Finding, locale: ReportLocale) -> String {
        ControlText.neutralized(finding.message.text(in: locale))
    }
}
