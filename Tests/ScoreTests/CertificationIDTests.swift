import Foundation
import PhaseModel
import Testing
@testable import Score

@Suite struct CertificationIDTests {
    func workspace(passed: Int = 9, headDate: String? = "2025-11-30") -> Workspace {
        var phase = Phase(id: "13", name: "Packaging", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-099", "TN-100"])
        phase.completion = Completion(done: 10.5, total: 11)
        phase.grade = "B+"
        var task = TaskRecord(id: "TN-099", title: "Redis", phase: "13")
        task.tests = TestEvidence(passed: passed, defined: 9)
        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            git: HistorySummary(
                head: "0123456789abcdef0123456789abcdef01234567", commits: 3, merges: 0, shallow: false, detached: false,
                unreadable: 0, first: "2025-11-01", last: "2025-11-30", headDate: headDate),
            phases: [phase], tasks: [task, TaskRecord(id: "TN-100", phase: "13"), TaskRecord(id: "TN-200", phase: "14")],
            findings: [])
        workspace.findings = [
            Finding(rule: .docsMissing, severity: .minor, task: "TN-099", phase: "13", message: LocalizedText(en: "x", ru: "х")),
            Finding(rule: .docsMissing, severity: .minor, task: "TN-200", phase: "14", message: LocalizedText(en: "y", ru: "у")),
        ]
        return workspace
    }

    /// The digest's evidence is written in key order, so that the writer never moves it to sort
    /// it, and every stored property is written.
    @Test func evidenceKeysAreInCanonicalOrder() {
        let names = CertificationID.Evidence.CodingKeys.allCases.map(\.stringValue)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let evidence = CertificationID.evidence(of: workspace().phases[0], in: workspace())
        #expect(Set(Mirror(reflecting: evidence).children.compactMap(\.label)) == Set(names))
    }

    @Test func idHasTheSpecifiedShape() throws {
        let workspace = workspace()
        let certification = CertificationID.certify(workspace.phases[0], in: workspace)
        let parts = certification.id.split(separator: "-", maxSplits: 3).map(String.init)
        #expect(parts[0] == "13")
        #expect(parts[1] == "20251130")
        // 95.45% is written as 95: an id never rounds completion up.
        #expect(parts[2] == "95PCT")
        #expect(parts[3] == "B+-" + certification.digest.prefix(8))
        #expect(certification.digest.count == 64)
        #expect(certification.date == "2025-11-30")
    }

    @Test func sameStateGivesTheSameId() {
        let first = CertificationID.certify(workspace().phases[0], in: workspace())
        let second = CertificationID.certify(workspace().phases[0], in: workspace())
        #expect(first == second)
    }

    @Test func changedEvidenceChangesTheDigest() {
        let before = CertificationID.certify(workspace().phases[0], in: workspace())
        let after = CertificationID.certify(workspace(passed: 8).phases[0], in: workspace(passed: 8))
        #expect(before.digest != after.digest)
    }

    @Test func otherPhasesDoNotChangeTheDigest() {
        var changed = workspace()
        changed.tasks[2].title = "Something else"
        changed.findings[1].severity = .critical
        #expect(CertificationID.certify(changed.phases[0], in: changed) == CertificationID.certify(workspace().phases[0], in: workspace()))
    }

    @Test func withoutGitTheDateIsZeros() {
        var workspace = workspace()
        workspace.git = nil
        let certification = CertificationID.certify(workspace.phases[0], in: workspace)
        #expect(certification.id.hasPrefix("13-00000000-95PCT-B+-"))
        #expect(certification.date == nil)
    }

    @Test func phaseWithoutGradeOrTasksSaysNA() {
        var workspace = workspace()
        workspace.phases[0].grade = nil
        workspace.phases[0].completion = Completion(done: 0, total: 0)
        #expect(CertificationID.certify(workspace.phases[0], in: workspace).id.hasPrefix("13-20251130-NAPCT-NA-"))
    }
}
