import PhaseModel

/// The findings the evidence itself gives (docs/design/scoring.md#findings-catalog: everything but claims and what the
/// scan already raised about its own input).
///
/// Each finding carries its catalog rule's default severity; configuration overrides
/// (`rules:` in phasecert.yml) are applied by the caller.
public enum EvidenceRules {
    /// Findings for every task, chart and marker of `workspace`; `completion` must already be set
    /// on its tasks (`TaskCompletion.assess`).
    ///
    /// Order: by the task's position in `workspace.tasks` (findings of no known task last), then by
    /// rule in catalog order, then by location (file and line, then commit), then as raised.
    public static func findings(in workspace: Workspace, configuration: Configuration) -> [Finding] {
        let context = RuleContext(workspace: workspace, configuration: configuration)
        let families: [@Sendable (RuleContext) -> [Finding]] = [
            HelmRules.findings, TestRules.findings, StubMarkerRules.findings, ChecklistRules.findings,
            DocumentRules.findings, NamingRules.findings, HistoryRules.findings, CoverageRules.findings,
            DependencyRules.findings,
        ]
        // The families read the same context and nothing else: each runs on a core of its own,
        // and their findings are joined in family order before the one sort below.
        let found = families.concurrentMap(minimumPiece: 1) { $0(context) }
        return ordered(found.flatMap { $0 }, tasks: workspace.tasks)
    }

    /// `findings` in the documented order.
    static func ordered(_ findings: [Finding], tasks: [TaskRecord]) -> [Finding] {
        var taskOrder: [String: Int] = [:]
        for (position, task) in tasks.enumerated() where taskOrder[task.id] == nil { taskOrder[task.id] = position }
        let ruleOrder = Dictionary(
            FindingRule.catalog.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // Positions are sorted, not findings: moving a finding is a dozen retains, and a plan of
        // 50,000 tasks has over 100,000 of them. The last key, the position, makes the order total.
        let keys = findings.map { finding in
            (task: finding.task.flatMap { taskOrder[$0] } ?? Int.max, rule: ruleOrder[finding.rule] ?? Int.max)
        }
        return findings.indices.sorted { lhsPosition, rhsPosition in
            let lhs = keys[lhsPosition]
            let rhs = keys[rhsPosition]
            if lhs.task != rhs.task { return lhs.task < rhs.task }
            if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
            let left = findings[lhsPosition]
            let right = findings[rhsPosition]
            if left.file != right.file {
                // A finding with a file comes before one without.
                guard let leftFile = left.file else { return false }
                guard let rightFile = right.file else { return true }
                return leftFile.utf8.lexicographicallyPrecedes(rightFile.utf8)
            }
            if left.line != right.line { return (left.line ?? 0) < (right.line ?? 0) }
            if left.commit != right.commit { return (left.commit ?? "") < (right.commit ?? "") }
            return lhsPosition < rhsPosition
        }.map { findings[$0] }
    }
}
