import PhaseModel
import Testing
@testable import Score

/// `PhaseComparer`: the "before / after" of a phase against its previous snapshot.
struct PhaseComparisonTests {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    func finding(
        _ rule: String, _ severity: Severity = .minor, task: String? = "TN-001", phase: String? = "13",
        file: String? = nil, line: Int? = nil, commit: String? = nil, message: String = "m"
    ) -> Finding {
        let provenance: Provenance? = file.map { .file($0, line: line) } ?? commit.map { .commit($0) }
        return Finding(rule: FindingRuleID(rawValue: rule), severity: severity, task: task, phase: phase, at: provenance, message: LocalizedText(en: message, ru: message))
    }

    func workspace(_ findings: [Finding], configure: (inout Phase) -> Void = { _ in }) -> Workspace {
        var phase = Phase(id: "13", name: "Packaging", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-001", "TN-002"])
        configure(&phase)
        return Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            phases: [phase, Phase(id: "14", name: nil, source: .file("tasks/TASKS.md", line: 9), tasks: ["TN-003"])],
            tasks: [TaskRecord(id: "TN-001", phase: "13"), TaskRecord(id: "TN-002", phase: "13"), TaskRecord(id: "TN-003", phase: "14")],
            findings: findings)
    }

    func compare(_ before: Workspace, _ after: Workspace) -> PhaseComparison {
        PhaseComparer.compare(previous: before, current: after, phase: "13", previousPath: "reports/.history/phase-13/13-A.json")
    }

    @Test func findingsAreResolvedIntroducedOrKept() {
        let kept = finding("docs.missing", file: "tasks/TN-001/design.md")
        let fixed = finding("helm.lint", .critical, task: "TN-002", file: "helm/redis/values.yaml")
        let new = finding("tests.failed", .major, task: "TN-002")
        let comparison = compare(workspace([kept, fixed]), workspace([new, kept]))
        #expect(comparison.resolved == [fixed])
        #expect(comparison.introduced == [new])
        #expect(comparison.unchanged == 1)
        #expect(comparison.findings == PhaseComparison.Change(before: 2, after: 2))
    }

    @Test func aFindingWhoseLineOrMessageMovedIsTheSameFinding() {
        let before = finding("coverage.low", file: "Sources/A.swift", line: 10, message: "coverage 61.0%")
        let after = finding("coverage.low", .major, file: "Sources/A.swift", line: 42, message: "coverage 58.5%")
        let comparison = compare(workspace([before]), workspace([after]))
        #expect(comparison.resolved.isEmpty)
        #expect(comparison.introduced.isEmpty)
        #expect(comparison.unchanged == 1)
    }

    @Test func eachPartOfTheIdentityTellsFindingsApart() {
        let base = finding("history.commit", task: "TN-001", phase: "13", commit: Self.commit)
        let variants = [
            finding("history.other", task: "TN-001", phase: "13", commit: Self.commit),
            finding("history.commit", task: "TN-002", phase: "13", commit: Self.commit),
            finding("history.commit", task: nil, phase: "13", commit: Self.commit),
            finding("history.commit", task: "TN-001", phase: nil, commit: Self.commit),
            finding("history.commit", task: "TN-001", phase: "13", file: "a.txt"),
            finding("history.commit", task: "TN-001", phase: "13", commit: nil),
        ]
        for variant in variants {
            let comparison = compare(workspace([base]), workspace([variant]))
            #expect(comparison.unchanged == 0)
            #expect(comparison.resolved == [base])
            #expect(comparison.introduced == [variant])
        }
    }

    @Test func findingsAreMatchedAsMultisets() {
        let twice = finding("docs.missing", file: "tasks/TN-001/design.md")
        let fewer = compare(workspace([twice, twice]), workspace([twice]))
        #expect(fewer.resolved == [twice])
        #expect(fewer.introduced.isEmpty)
        #expect(fewer.unchanged == 1)
        #expect(fewer.findings == PhaseComparison.Change(before: 2, after: 1))

        let more = compare(workspace([twice]), workspace([twice, twice, twice]))
        #expect(more.resolved.isEmpty)
        #expect(more.introduced == [twice, twice])
        #expect(more.unchanged == 1)
        #expect(more.findings == PhaseComparison.Change(before: 1, after: 3))
    }

    @Test func onlyTheFindingsPhaseJSONKeepsForThePhaseCount() {
        let phaseLevel = finding("masterlist.duplicate-phase", task: nil, phase: "13")
        let otherPhase = finding("docs.missing", task: "TN-003", phase: "14")
        let otherPhaseLevel = finding("masterlist.duplicate-phase", task: nil, phase: "14")
        let workspaceWide = finding("git.shallow", .info, task: nil, phase: nil)
        // Filed under phase 13 but about a task of phase 14: phase.json leaves it out, so does the comparison.
        let foreignTask = finding("docs.missing", task: "TN-003", phase: "13")
        let comparison = compare(workspace([]), workspace([phaseLevel, otherPhase, otherPhaseLevel, workspaceWide, foreignTask]))
        #expect(comparison.introduced == [phaseLevel])
        #expect(comparison.findings == PhaseComparison.Change(before: 0, after: 1))
    }

    @Test func taskMembershipIsEachSidesOwn() {
        // TN-003 moved into phase 13: its finding was not phase 13's before, and is now.
        let moved = finding("docs.missing", task: "TN-003", phase: "13")
        var after = workspace([moved])
        after.phases[0].tasks.append("TN-003")
        let comparison = compare(workspace([moved]), after)
        #expect(comparison.introduced == [moved])
        #expect(comparison.unchanged == 0)
    }

    @Test func resolvedAndIntroducedAreOrderedBySeverityRuleTaskFile() {
        let list = [
            finding("b.rule", .minor, task: "TN-001", file: "b"),
            finding("a.rule", .info, task: "TN-001"),
            finding("b.rule", .minor, task: "TN-001", file: "a"),
            finding("a.rule", .minor, task: "TN-002"),
            finding("z.rule", .critical, task: "TN-002"),
            finding("a.rule", .minor, task: "TN-001"),
        ]
        let expected = [list[4], list[5], list[3], list[2], list[0], list[1]]
        #expect(compare(workspace([]), workspace(list)).introduced == expected)
        #expect(compare(workspace(list), workspace([])).resolved == expected)
        #expect(compare(workspace(list.reversed()), workspace([])).resolved == expected)
    }

    @Test func figuresWithoutEvidenceStayNil() {
        let bare = workspace([])
        let comparison = compare(bare, bare)
        #expect(comparison.completion == nil)
        #expect(comparison.quality == nil)
        #expect(comparison.grade == nil)
        #expect(comparison.testsPassed == nil)
        #expect(comparison.testsExecuted == nil)
        #expect(comparison.previousCertification == nil)
        #expect(comparison.findings == PhaseComparison.Change(before: 0, after: 0))

        let measured = workspace([]) { phase in
            phase.quality = 81.5
            phase.grade = "B"
            phase.tests = TestEvidence(passed: 0, failed: 2, defined: 2)
        }
        let firstEvidence = compare(bare, measured)
        #expect(firstEvidence.quality == PhaseComparison.Change(before: nil, after: 81.5))
        #expect(firstEvidence.quality?.delta == nil)
        #expect(firstEvidence.grade == PhaseComparison.Change(before: nil, after: "B"))
        #expect(firstEvidence.testsPassed == PhaseComparison.Change(before: nil, after: 0))
        #expect(firstEvidence.testsExecuted == PhaseComparison.Change(before: nil, after: 2))

        let lostEvidence = compare(measured, bare)
        #expect(lostEvidence.testsPassed == PhaseComparison.Change(before: 0, after: nil))
        #expect(lostEvidence.quality == PhaseComparison.Change(before: 81.5, after: nil))
    }

    @Test func figuresChangeWithDeltas() {
        let before = workspace([]) { phase in
            phase.completion = Completion(done: 1, total: 2)
            phase.quality = 70
            phase.grade = "C"
            phase.tests = TestEvidence(passed: 30, failed: 9, skipped: 1, defined: 40)
            phase.certification = Certification(id: "13-20251130-50PCT-C-0123abcd", date: "2025-11-30", digest: String(repeating: "0", count: 64))
        }
        let after = workspace([]) { phase in
            phase.completion = Completion(done: 1.5, total: 2)
            phase.quality = 88.5
            phase.grade = "B+"
            phase.tests = TestEvidence(passed: 39, failed: 0, skipped: 1, defined: 40)
        }
        let comparison = compare(before, after)
        #expect(comparison.previousCertification == "13-20251130-50PCT-C-0123abcd")
        #expect(comparison.previousPath == "reports/.history/phase-13/13-A.json")
        #expect(comparison.completion == PhaseComparison.Change(before: 50, after: 75))
        #expect(comparison.completion?.delta == 25)
        #expect(comparison.quality?.delta == 18.5)
        #expect(comparison.grade == PhaseComparison.Change(before: "C", after: "B+"))
        #expect(comparison.testsPassed?.delta == 9)
        #expect(comparison.testsExecuted == PhaseComparison.Change(before: 40, after: 40))
        #expect(comparison.testsExecuted?.delta == 0)
    }

    @Test func aSnapshotGivesItsPathAndAMissingPhaseHasNoBefore() {
        let snapshot = Snapshot(path: "reports/.history/phase-13/13-A.json", workspace: workspace([finding("docs.missing")]))
        let current = workspace([]) { $0.quality = 90 }
        let comparison = PhaseComparer.compare(previous: snapshot, current: current, phase: "13")
        #expect(comparison.previousPath == snapshot.path)
        #expect(comparison.resolved == [finding("docs.missing")])

        var renumbered = workspace([finding("docs.missing")])
        renumbered.phases.removeFirst()
        let fromNothing = PhaseComparer.compare(previous: renumbered, current: current, phase: "13", previousPath: "x.json")
        #expect(fromNothing.quality == PhaseComparison.Change(before: nil, after: 90))
        #expect(fromNothing.findings == PhaseComparison.Change(before: 0, after: 0))
    }

    @Test func theSameInputsGiveTheSameComparison() throws {
        let before = workspace([finding("a.rule", file: "x"), finding("b.rule", .major), finding("a.rule", file: "x")])
        let after = workspace([finding("c.rule"), finding("a.rule", file: "x", line: 3)])
        let first = try CanonicalJSON.encode(compare(before, after))
        let second = try CanonicalJSON.encode(compare(before, after))
        #expect(first == second)
    }
}
