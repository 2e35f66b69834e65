import PhaseModel

extension Finding {
    /// A finding of the catalog rule `id` at the rule's default severity; configuration overrides
    /// are applied later by the caller, so every rule family reports the same way.
    static func rule(
        _ id: FindingRuleID, task: TaskRecord?, at location: Provenance?, message: LocalizedText, remediation: LocalizedText
    ) -> Finding {
        rule(id, task: task?.id, phase: task?.phase, at: location, message: message, remediation: remediation)
    }

    /// The same for a finding whose task is known by id only (or is none).
    static func rule(
        _ id: FindingRuleID, task: String?, phase: String?, at location: Provenance?, message: LocalizedText,
        remediation: LocalizedText
    ) -> Finding {
        guard let rule = FindingRule.named(id) else {
            // Rule ids are literals in this module; a test checks each against the catalog.
            preconditionFailure("\(id) is not in FindingRule.catalog")
        }
        return Finding(
            rule: id, severity: rule.severity, task: task, phase: phase, at: location, message: message,
            remediation: remediation)
    }
}
