import Foundation
import PhaseModel

/// `reports/<phase>/phase.json`: the phase model of one phase, in the same versioned shape as
/// `phasecert scan --json` (docs/design/model.md#json-contract), so one schema and one set of CI scripts serve both.
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
        model.tasks = workspace.tasks(of: phase)
        model.findings = workspace.findings(of: phase)
        model.claims = workspace.claims(of: phase)
        model.claimTexts = workspace.claimTexts(of: phase)
        model.stubMarkers = workspace.stubMarkers.filter { members.contains($0.task) }
        model.testFailures = workspace.testFailures.filter { !members.isDisjoint(with: $0.tasks) }
        return model
    }

    /// The phase's JSON: canonical (sorted keys), so the same state gives the same bytes. With a
    /// `generator`, the file also names the phasecert that wrote it, in a top-level `generator`
    /// key beside the model: outside the phase, its tasks, findings and claims, so it changes no
    /// certification digest, and readers of the model ignore it.
    public static func data(of phaseID: String, in workspace: Workspace, generator: ToolVersion? = nil) throws -> Data? {
        guard let model = model(of: phaseID, in: workspace) else { return nil }
        guard let generator else { return try CanonicalJSON.encode(model) }
        return try CanonicalJSON.encode(Generated(model: model, generator: generator))
    }

    /// The model's keys and `generator`, encoded into one object.
    private struct Generated: Encodable {
        var model: Workspace
        var generator: ToolVersion

        private enum CodingKeys: String, CodingKey { case generator }

        func encode(to encoder: any Encoder) throws {
            try model.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(generator, forKey: .generator)
        }
    }
}
