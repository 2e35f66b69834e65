import PhaseModel

/// Compares a freshly assessed phase with its previous snapshot: the "before / after" section.
public enum PhaseComparer {
    /// The change of `phase` from `previous` (a snapshot's workspace) to `current` (the workspace
    /// just assessed).
    ///
    /// Each side's findings are those `phase.json` keeps for the phase: a finding about a task
    /// counts when that side's phase lists the task, one without a task when it names the phase.
    /// Findings are matched by `FindingIdentity` as multisets, so two equal findings before and
    /// one after make one unchanged and one resolved.
    public static func compare(previous: Workspace, current: Workspace, phase: String, previousPath: String) -> PhaseComparison {
        let before = previous.phase(phase)
        let after = current.phase(phase)
        let matched = match(findings(of: phase, in: previous), findings(of: phase, in: current))
        return PhaseComparison(
            previousCertification: before?.certification?.id,
            previousPath: previousPath,
            completion: .between(before?.completion?.percent, after?.completion?.percent),
            quality: .between(before?.quality, after?.quality),
            grade: .between(before?.grade, after?.grade),
            testsPassed: .between(before?.tests?.passed, after?.tests?.passed),
            testsExecuted: .between(before?.tests?.executed, after?.tests?.executed),
            findings: PhaseComparison.Change(
                before: matched.unchanged + matched.resolved.count, after: matched.unchanged + matched.introduced.count),
            resolved: matched.resolved.sorted(by: Finding.listOrder),
            introduced: matched.introduced.sorted(by: Finding.listOrder),
            unchanged: matched.unchanged
        )
    }

    /// The change of `phase` since `previous`, which names the snapshot file.
    public static func compare(previous: Snapshot, current: Workspace, phase: String) -> PhaseComparison {
        compare(previous: previous.workspace, current: current, phase: phase, previousPath: previous.path)
    }

    /// The findings of `phaseID` in `workspace`, by `Phase.owns(task:phase:)`.
    private static func findings(of phaseID: String, in workspace: Workspace) -> [Finding] {
        guard let phase = workspace.phase(phaseID) else { return [] }
        return workspace.findings(of: phase)
    }

    private static func match(_ before: [Finding], _ after: [Finding]) -> (resolved: [Finding], introduced: [Finding], unchanged: Int) {
        var waiting: [FindingIdentity: Int] = [:]
        for finding in after { waiting[FindingIdentity(finding), default: 0] += 1 }
        var resolved: [Finding] = []
        var unchanged = 0
        var kept: [FindingIdentity: Int] = [:]
        for finding in before {
            let identity = FindingIdentity(finding)
            if let count = waiting[identity], count > 0 {
                waiting[identity] = count - 1
                kept[identity, default: 0] += 1
                unchanged += 1
            } else {
                resolved.append(finding)
            }
        }
        // The first findings after that match one before are the kept ones; the rest are new.
        var introduced: [Finding] = []
        for finding in after {
            let identity = FindingIdentity(finding)
            if let count = kept[identity], count > 0 {
                kept[identity] = count - 1
            } else {
                introduced.append(finding)
            }
        }
        return (resolved, introduced, unchanged)
    }
}
