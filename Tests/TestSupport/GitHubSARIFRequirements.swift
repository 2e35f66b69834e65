import Foundation

/// GitHub code scanning's requirements for an uploaded SARIF file, beyond the SARIF 2.1.0 schema
/// (docs.github.com, "SARIF support for code scanning": supported properties and upload limits).
/// An upload that breaks one is rejected whole, or its results are not shown.
///
/// Checked: `version` 2.1.0 and `$schema`; at most 20 runs; per run `tool.driver.name`,
/// `version` and an absolute `informationUri`; per rule a unique `id`, `shortDescription`,
/// `fullDescription`, `help.text`, `help.markdown` and an absolute `helpUri`; at most 25,000 rules
/// and results; per result a `message.text`, a `ruleId` among the rules (and `ruleIndex` pointing
/// at it), a level SARIF knows, and 1 to 1,000 locations whose first has
/// `physicalLocation.artifactLocation.uri` — relative to the repository root, without `..` —
/// and `region.startLine` of at least 1.
public enum GitHubSARIFRequirements {
    /// Every requirement `data` breaks, one line each; empty when GitHub would accept it.
    public static func problems(in data: Data) -> [String] {
        guard let log = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ["not a JSON object"] }
        var problems: [String] = []
        if log["version"] as? String != "2.1.0" { problems.append("version is not 2.1.0") }
        if (log["$schema"] as? String)?.isEmpty != false { problems.append("no $schema") }
        guard let runs = log["runs"] as? [[String: Any]], !runs.isEmpty else { return problems + ["no runs"] }
        if runs.count > 20 { problems.append("\(runs.count) runs, over GitHub's 20") }
        for (number, run) in runs.enumerated() {
            problems += self.problems(in: run).map { "runs[\(number)]: \($0)" }
        }
        return problems
    }

    private static func problems(in run: [String: Any]) -> [String] {
        var problems: [String] = []
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:]
        for key in ["name", "version"] where (driver[key] as? String)?.isEmpty != false {
            problems.append("tool.driver.\(key) missing")
        }
        if !isAbsoluteURL(driver["informationUri"]) { problems.append("tool.driver.informationUri is not an absolute URL") }
        let rules = driver["rules"] as? [[String: Any]] ?? []
        if rules.count > 25_000 { problems.append("\(rules.count) rules, over GitHub's 25,000") }
        var ids: [String] = []
        for (number, rule) in rules.enumerated() {
            let id = rule["id"] as? String ?? ""
            if id.isEmpty { problems.append("rules[\(number)].id missing") }
            if ids.contains(id) { problems.append("rules[\(number)].id \(id) repeated") }
            ids.append(id)
            for key in ["shortDescription", "fullDescription"] where !hasText(rule[key], "text") {
                problems.append("rule \(id): \(key).text missing")
            }
            for key in ["text", "markdown"] where !hasText(rule["help"], key) { problems.append("rule \(id): help.\(key) missing") }
            if !isAbsoluteURL(rule["helpUri"]) { problems.append("rule \(id): helpUri is not an absolute URL") }
            if let tags = (rule["properties"] as? [String: Any])?["tags"] as? [Any], tags.count > 20 {
                problems.append("rule \(id): \(tags.count) tags, over GitHub's 20")
            }
        }
        let results = run["results"] as? [[String: Any]] ?? []
        if results.count > 25_000 { problems.append("\(results.count) results, over GitHub's 25,000") }
        for (number, result) in results.enumerated() {
            let name = "results[\(number)]"
            if !hasText(result["message"], "text") { problems.append("\(name): message.text missing") }
            let ruleID = result["ruleId"] as? String ?? ""
            if !ids.contains(ruleID) { problems.append("\(name): ruleId \(ruleID) is not a rule of the driver") }
            if let index = result["ruleIndex"] as? Int, !(ids.indices.contains(index) && ids[index] == ruleID) {
                problems.append("\(name): ruleIndex \(index) does not point at \(ruleID)")
            }
            if let level = result["level"] as? String, !["error", "warning", "note", "none"].contains(level) {
                problems.append("\(name): level \(level)")
            }
            let locations = result["locations"] as? [[String: Any]] ?? []
            guard (1...1_000).contains(locations.count) else {
                problems.append("\(name): \(locations.count) locations; GitHub needs at least one")
                continue
            }
            let physical = locations[0]["physicalLocation"] as? [String: Any] ?? [:]
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            if uri.isEmpty {
                problems.append("\(name): locations[0].physicalLocation.artifactLocation.uri missing")
            } else if !isRelativePath(uri) {
                problems.append("\(name): uri \(uri) is not relative to the repository root")
            }
            let line = (physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            if line < 1 { problems.append("\(name): region.startLine missing or below 1") }
        }
        return problems
    }

    private static func hasText(_ value: Any?, _ key: String) -> Bool {
        guard let text = (value as? [String: Any])?[key] as? String else { return false }
        return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    private static func isAbsoluteURL(_ value: Any?) -> Bool {
        guard let text = value as? String, let url = URL(string: text), let scheme = url.scheme else { return false }
        return ["http", "https"].contains(scheme) && url.host != nil
    }

    /// A URI reference to a file of the repository: no scheme, not absolute, no `..` segment.
    static func isRelativePath(_ uri: String) -> Bool {
        guard !uri.hasPrefix("/"), !uri.contains("\\"), !uri.contains("://"), !uri.hasPrefix("file:") else { return false }
        let segments = uri.split(separator: "/", omittingEmptySubsequences: false)
        return !segments.contains("..") && !segments.contains("")
    }
}
