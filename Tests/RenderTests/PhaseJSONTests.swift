import Foundation
import PhaseModel
import Testing
@testable import Render

/// `phase.json`: one phase of the model, in the shape of `scan --json`.
struct PhaseJSONTests {
    func workspace() -> Workspace {
        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            phases: [
                Phase(id: "1", name: "Core", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-001", "TN-002"]),
                Phase(id: "2", name: "Ship", source: .file("tasks/TASKS.md", line: 8), tasks: ["TN-003"]),
            ],
            tasks: [TaskRecord(id: "TN-001", phase: "1"), TaskRecord(id: "TN-002", phase: "1"), TaskRecord(id: "TN-003", phase: "2")],
            findings: [
                Finding(rule: .docsMissing, severity: .minor, task: "TN-002", phase: "1", message: LocalizedText(en: "a", ru: "а")),
                Finding(rule: .docsMissing, severity: .minor, task: "TN-003", phase: "2", message: LocalizedText(en: "b", ru: "б")),
                Finding(rule: .masterlistDuplicatePhase, severity: .minor, phase: "1", message: LocalizedText(en: "c", ru: "в")),
                Finding(rule: .gitHistoryIncomplete, severity: .info, message: LocalizedText(en: "d", ru: "г")),
            ],
            claims: [
                Claim(kind: .grade, text: "Grade A", source: .file("r.md", line: 1), task: "TN-001", phase: "1"),
                Claim(kind: .completion, text: "2/2", source: .file("r.md", line: 2), phase: "2"),
            ])
        workspace.stubMarkers = [
            StubMarker(file: "a.go", line: 1, marker: "TODO", task: "TN-003", text: "later"),
            StubMarker(file: "b.go", line: 2, marker: "FIXME", task: "TN-001", text: "now"),
        ]
        workspace.testFailures = [
            TestFailure(status: .failed, suite: nil, name: "x", message: nil, source: .file("t.xml", line: 3), tasks: ["TN-002", "TN-003"]),
            TestFailure(status: .failed, suite: nil, name: "y", message: nil, source: .file("t.xml", line: 4), tasks: ["TN-003"]),
        ]
        return workspace
    }

    @Test func aPhaseKeepsItsTasksAndWhatIsAboutThem() throws {
        let model = try #require(PhaseJSON.model(of: "1", in: workspace()))
        #expect(model.phases.map(\.id) == ["1"])
        #expect(model.tasks.map(\.id) == ["TN-001", "TN-002"])
        #expect(model.findings.map(\.message.en) == ["a", "c"])
        #expect(model.claims.map(\.text) == ["Grade A"])
        #expect(model.stubMarkers.map(\.file) == ["b.go"])
        #expect(model.testFailures.map(\.name) == ["x"])
        #expect(model.schemaVersion == Workspace.currentSchemaVersion)
    }

    @Test func anUnknownPhaseHasNoModel() throws {
        #expect(PhaseJSON.model(of: "9", in: workspace()) == nil)
        #expect(try PhaseJSON.data(of: "9", in: workspace()) == nil)
    }

    @Test func theBytesAreCanonicalAndDecodeBack() throws {
        let data = try #require(try PhaseJSON.data(of: "2", in: workspace()))
        #expect(try PhaseJSON.data(of: "2", in: workspace()) == data)
        let decoded = try CanonicalJSON.decode(Workspace.self, from: data)
        #expect(decoded == PhaseJSON.model(of: "2", in: workspace()))
        #expect(decoded.claims.map(\.text) == ["2/2"])
    }
}
