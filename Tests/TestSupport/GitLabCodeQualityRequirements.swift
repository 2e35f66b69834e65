import Foundation

/// GitLab's requirements for a Code Quality report (docs.gitlab.com, "Code Quality": "Implement a
/// custom tool"): a JSON array of objects, each with `description`, `check_name`, `fingerprint`,
/// `severity` (`info`, `minor`, `major`, `critical` or `blocker`), `location.path` (relative to
/// the repository root) and `location.lines.begin` (or `location.positions.begin.line`).
/// Fingerprints must be unique: GitLab compares them between branches to tell new issues from
/// fixed ones.
public enum GitLabCodeQualityRequirements {
    public static let severities: Set<String> = ["info", "minor", "major", "critical", "blocker"]

    /// Every requirement `data` breaks, one line each; empty when GitLab would read every entry.
    public static func problems(in data: Data) -> [String] {
        guard let issues = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return ["not a JSON array"] }
        var problems: [String] = []
        var fingerprints = Set<String>()
        for (number, element) in issues.enumerated() {
            let name = "[\(number)]"
            guard let issue = element as? [String: Any] else {
                problems.append("\(name): not an object")
                continue
            }
            for key in ["description", "check_name", "fingerprint"] where (issue[key] as? String)?.isEmpty != false {
                problems.append("\(name): \(key) missing")
            }
            if let fingerprint = issue["fingerprint"] as? String, !fingerprints.insert(fingerprint).inserted {
                problems.append("\(name): fingerprint \(fingerprint) repeated")
            }
            if !severities.contains(issue["severity"] as? String ?? "") { problems.append("\(name): severity missing or unknown") }
            let location = issue["location"] as? [String: Any] ?? [:]
            let path = location["path"] as? String ?? ""
            if path.isEmpty || !GitHubSARIFRequirements.isRelativePath(path) {
                problems.append("\(name): location.path \"\(path)\" is not a relative path")
            }
            let begin = (location["lines"] as? [String: Any])?["begin"] as? Int
                ?? (((location["positions"] as? [String: Any])?["begin"] as? [String: Any])?["line"] as? Int)
            if (begin ?? 0) < 1 { problems.append("\(name): location.lines.begin missing or below 1") }
        }
        return problems
    }
}
