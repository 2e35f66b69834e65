import Foundation
import PhaseModel

/// `reports/<phase>/phase.json`: the phase model of one phase, in the same versioned shape as
/// `phasecert scan --json` (SPEC §8), so one schema and one set of CI scripts serve both.
public enum PhaseJSON {
    /// `workspace` narrowed to `phaseID`: that phase, its tasks, and the findings, claims, claim
    /// texts, stub markers and test failures about them. Workspace-wide figures (`tests`,
    /// `coverage`, `git`, `helm`, `evidence`) stay as they are, since they describe what was read.
    /// `nil` when the workspace has no such phase.
    public static func model(of phaseID: String, in workspace: Workspace) -> Workspace? {
        guard let phase = workspace.phase(phaseID) else { return nil }
        let members = Set(phase.tasks)
        var model = workspace
        model.phases = [phase]
        model.tasks = workspace.tasks.filter { members.contains($0.id) }
        model.findings = workspace.findings.filter { phase.owns(task: $0.task, phase: $0.phase) }
        model.claims = workspace.claims.filter { phase.owns(task: $0.task, phase: $0.phase) }
        model.claimTexts = workspace.claimTexts.filter { phase.owns(task: $0.task, phase: $0.phase) }
        model.stubMarkers = workspace.stubMarkers.filter { members.contains($0.task) }
        model.testFailures = workspace.testFailures.filter { !members.isDisjoint(with: $0.tasks) }
        return model
    }

    /// The phase's JSON: canonical (sorted keys), so the same state gives the same bytes.
    public static func data(of phaseID: String, in workspace: Workspace) throws -> Data? {
        try model(of: phaseID, in: workspace).map { try CanonicalJSON.encode($0) }
    }
}
