import PhaseModel

/// Applies the `rules:` section of phasecert.yml: a severity per rule id, or `off`.
public enum RuleSettings {
    /// `findings` with overridden severities, and without the findings of switched-off rules.
    public static func apply(_ rules: [String: Severity?], to findings: [Finding]) -> [Finding] {
        guard !rules.isEmpty else { return findings }
        return findings.compactMap { finding in
            guard let setting = rules[finding.rule.rawValue] else { return finding }
            guard let severity = setting else { return nil }
            var changed = finding
            changed.severity = severity
            return changed
        }
    }
}
