import PhaseModel

/// What makes two findings "the same finding" across two snapshots: rule, task, phase, file
/// and commit. The line is left out because edits above a finding move it, and the message
/// because it carries figures (`38 of 39 tests`) that change while the problem stays.
struct FindingIdentity: Hashable, Sendable {
    var rule: FindingRuleID
    var task: String?
    var phase: String?
    var file: String?
    var commit: String?

    init(_ finding: Finding) {
        rule = finding.rule
        task = finding.task
        phase = finding.phase
        file = finding.file
        commit = finding.commit
    }
}
