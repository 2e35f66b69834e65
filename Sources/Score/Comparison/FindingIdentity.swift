import PhaseModel

/// What makes two findings "the same finding" across two snapshots: rule, task, phase, file
/// and commit. The line is left out because edits above a finding move it, and the message
/// because it carries figures (`38 of 39 tests`) that change while the problem stays.
struct FindingIdentity: Hashable, Sendable {
    var rule: String
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

extension Finding {
    /// The order of resolved and introduced findings: most severe first, then rule, task and
    /// file; line, commit, phase and message only break ties, so the order is total.
    static func comparisonOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        let left = [lhs.rule, lhs.task ?? "", lhs.file ?? "", lhs.commit ?? "", lhs.phase ?? ""]
        let right = [rhs.rule, rhs.task ?? "", rhs.file ?? "", rhs.commit ?? "", rhs.phase ?? ""]
        if left != right { return left.lexicographicallyPrecedes(right) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        if lhs.line != rhs.line { return (lhs.line ?? -1) < (rhs.line ?? -1) }
        return [lhs.message.en, lhs.message.ru].lexicographicallyPrecedes([rhs.message.en, rhs.message.ru]) {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
    }
}
