import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Score

/// A scanned workspace of two phases, assessed as `report` assesses it, with the evidence a test
/// changes given as parameters: phase 1 "Core" lists TN-001 and TN-002, phase 2 "Later" TN-003.
struct CheckFixture {
    var headDate = "2025-11-24"
    /// Checked items of TN-001's two.
    var checkedItems = 1
    var phaseOneTasks = ["TN-001", "TN-002"]
    var designLines = 40
    var testsPassed = 2
    var testsFailed = 0
    var findingRule: FindingRuleID? = nil
    var laterTitle = "Exports"
    var phaseOneName = "Core"

    var scanned: Workspace {
        let items = (0..<2).map { ChecklistItem(text: "step \($0 + 1)", checked: $0 < checkedItems, line: 3 + $0, depth: 0) }
        var parser = TaskRecord(
            id: "TN-001", title: "Parser", phase: "1", source: .file("tasks/TASKS.md", line: 5),
            directories: ["tasks/TN-001-parser"], checked: false,
            checklist: Checklist(file: "tasks/TN-001-parser/tasks.md", sections: [ChecklistSection(title: nil, line: nil, items: items)]),
            documents: [
                Document(path: "tasks/TN-001-parser/design.md", lines: designLines, nonBlankLines: designLines - 5, bytes: 900),
                Document(path: "tasks/TN-001-parser/requirements.md", lines: 12, nonBlankLines: 10, bytes: 300),
                Document(path: "tasks/TN-001-parser/tasks.md", lines: 4, nonBlankLines: 3, bytes: 40),
            ])
        parser.git = GitSummary(commits: 2, linesAdded: 120, linesDeleted: 4, first: "2025-11-20", last: "2025-11-22")
        parser.tests = TestEvidence(passed: testsPassed, failed: testsFailed, defined: 2)
        var writer = TaskRecord(
            id: "TN-002", title: "Writer", phase: "1", source: .file("tasks/TASKS.md", line: 6), directories: ["tasks/TN-002-writer"],
            checked: true,
            checklist: Checklist(
                file: "tasks/TN-002-writer/tasks.md",
                sections: [ChecklistSection(title: nil, line: nil, items: [ChecklistItem(text: "write", checked: true, line: 3, depth: 0)])]),
            documents: [
                Document(path: "tasks/TN-002-writer/requirements.md", lines: 12, nonBlankLines: 10, bytes: 300),
                Document(path: "tasks/TN-002-writer/tasks.md", lines: 3, nonBlankLines: 2, bytes: 30),
            ])
        writer.git = GitSummary(commits: 1, linesAdded: 30, linesDeleted: 0, first: "2025-11-21", last: "2025-11-21")
        let exports = TaskRecord(id: "TN-003", title: laterTitle, phase: "2", source: .file("tasks/TASKS.md", line: 10))
        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            git: HistorySummary(
                head: "0123456789abcdef0123456789abcdef01234567", commits: 3, merges: 0, shallow: false, detached: false,
                unreadable: 0, first: "2025-11-20", last: headDate, headDate: headDate),
            phases: [
                Phase(id: "1", name: phaseOneName, source: .file("tasks/TASKS.md", line: 3), tasks: phaseOneTasks),
                Phase(id: "2", name: "Later", source: .file("tasks/TASKS.md", line: 8), tasks: ["TN-003"]),
            ],
            tasks: [parser, writer, exports], findings: [])
        workspace.phases[0].tests = parser.tests
        if let findingRule {
            workspace.findings.append(Finding(
                rule: findingRule, severity: .major, task: "TN-002", phase: "1", at: .file("tasks/TN-002-writer/tasks.md", line: 3),
                message: LocalizedText(en: "the writer drops rows", ru: "писатель теряет строки")))
        }
        workspace.claims = [
            Claim(
                kind: .testCount, text: "2/2 tests passing", source: .file("tasks/TN-001-parser/design.md", line: 7), task: "TN-001",
                phase: "1", subject: "passing", claimed: 2, denominator: 2)
        ]
        return workspace
    }

    var assessed: Workspace { Assessor(configuration: Configuration()).assess(scanned) }

    /// Phase 1's `phase.json` as `report` writes it, read back.
    func record(phase: String = "1") throws -> CertificationCheck.Record {
        try CertificationCheck.Record(data: CanonicalJSON.encode(Self.narrow(assessed, to: phase)))
    }

    /// The workspace narrowed to one phase, as `PhaseJSON.model` narrows it.
    static func narrow(_ workspace: Workspace, to id: String) -> Workspace {
        var model = workspace
        guard let phase = workspace.phase(id) else { return model }
        model.phases = [phase]
        model.tasks = workspace.tasks.filter { phase.tasks.contains($0.id) }
        model.findings = workspace.findings.filter { phase.owns(task: $0.task, phase: $0.phase) }
        model.claims = workspace.claims.filter { phase.owns(task: $0.task, phase: $0.phase) }
        return model
    }

    /// Phase 1 recorded from `self`, checked against `now`.
    func check(against now: CheckFixture) throws -> CertificationCheck {
        CertificationCheck(record: try record(), current: now.assessed, recordPath: "reports/phase-1/phase.json")
    }
}

/// `CertificationCheck`: whether a recorded certification holds, and what changed when it does not.
struct CertificationCheckTests {
    @Test func anUnchangedRepositoryHolds() throws {
        let check = try CheckFixture().check(against: CheckFixture())
        #expect(check.holds)
        #expect(check.recordMatchesDigest)
        #expect(!check.onlyDateDiffers)
        #expect(check.current == check.recorded)
        #expect(!check.hasListedChange && check.otherEvidence.isEmpty)
    }

    @Test func aLaterHeadDateAloneStillHolds() throws {
        let check = try CheckFixture().check(against: CheckFixture(headDate: "2025-12-02"))
        #expect(check.holds)
        #expect(check.onlyDateDiffers)
        #expect(check.current?.date == "2025-12-02")
        #expect(check.current?.id != check.recorded.id)
        #expect(check.current?.digest == check.recorded.digest)
    }

    @Test func anotherPhaseChangingDoesNotMatter() throws {
        #expect(try CheckFixture().check(against: CheckFixture(laterTitle: "Reports")).holds)
    }

    @Test func aCheckedItemListsTheCompletionChange() throws {
        let check = try CheckFixture().check(against: CheckFixture(checkedItems: 2))
        #expect(!check.holds)
        #expect(check.phaseFigures.first == CertificationCheck.FigureChange(figure: "completion", before: "75% (1.5/2)", after: "100% (2/2)"))
        let parser = try #require(check.taskFigures.first { $0.task == "TN-001" })
        #expect(parser.figures.contains(CertificationCheck.FigureChange(figure: "completion", before: "50%", after: "100%")))
        #expect(parser.figures.contains(CertificationCheck.FigureChange(figure: "checklist", before: "1/2", after: "2/2")))
        // The checklist items and the quality detail are accounted for by the figures above.
        #expect(!check.otherEvidence.contains { $0.path.contains("checklist") || $0.path.contains("qualityDetail") })
    }

    @Test func theGateVerdictAndEachConditionValueAreListed() throws {
        let check = try CheckFixture().check(against: CheckFixture(checkedItems: 2))
        #expect(check.phaseFigures.contains(CertificationCheck.FigureChange(figure: "gate", before: "failed", after: "passed")))
        #expect(check.phaseFigures.contains(
            CertificationCheck.FigureChange(figure: "gate minCompletion", before: "75 (fails ≥ 100)", after: "100 (passes ≥ 100)")))
    }

    @Test func tasksAddedToAndRemovedFromThePhase() throws {
        let check = try CheckFixture().check(against: CheckFixture(phaseOneTasks: ["TN-001", "TN-003"]))
        #expect(check.addedTasks == ["TN-003"])
        #expect(check.removedTasks == ["TN-002"])
        #expect(!check.taskFigures.contains { $0.task != "TN-001" })
        #expect(!check.otherEvidence.contains { $0.path == "phase.tasks" || $0.path.hasPrefix("tasks[TN-002]") })
    }

    @Test func newAndResolvedFindingsAreListed() throws {
        let introduced = try CheckFixture().check(against: CheckFixture(findingRule: .other("docs.thin")))
        #expect(introduced.newFindings.map(\.rule) == [.other("docs.thin")])
        #expect(introduced.resolvedFindings.isEmpty)
        #expect(!introduced.otherEvidence.contains { $0.path.hasPrefix("findings") || $0.path.hasSuffix(".findings.major") })
        let resolved = try CheckFixture(findingRule: .other("docs.thin")).check(against: CheckFixture())
        #expect(resolved.resolvedFindings.map(\.rule) == [.other("docs.thin")])
    }

    @Test func aFindingWhoseMessageChangedIsOtherEvidence() throws {
        let before = CheckFixture(findingRule: .other("docs.thin"))
        let record = try before.record()
        var now = before.assessed
        let index = try #require(now.findings.firstIndex { $0.rule == .other("docs.thin") })
        now.findings[index].message.en = "the writer drops two rows"
        now.phases[0].certification = CertificationID.certify(now.phases[0], in: now)
        let check = CertificationCheck(record: record, current: now, recordPath: "phase.json")
        #expect(check.newFindings.isEmpty && check.resolvedFindings.isEmpty)
        #expect(check.otherEvidence == [
            CertificationCheck.EvidenceChange(
                path: "findings[docs.thin TN-002 1 tasks/TN-002-writer/tasks.md].message.en", before: "\"the writer drops rows\"",
                after: "\"the writer drops two rows\"")
        ])
    }

    @Test func claimsWhoseVerdictChangedAreListed() throws {
        let check = try CheckFixture().check(against: CheckFixture(testsPassed: 1, testsFailed: 1))
        let change = try #require(check.claims.first)
        #expect(check.claims.count == 1)
        #expect(change.claim.text == "2/2 tests passing")
        #expect(change.before == .judged(.verified))
        #expect(change.after == .judged(.contradicted))
        let parser = try #require(check.taskFigures.first { $0.task == "TN-001" })
        #expect(parser.figures.contains(
            CertificationCheck.FigureChange(figure: "tests", before: "2/2 passed, 2 defined", after: "1/2 passed, 1 failed, 2 defined")))
    }

    @Test func otherEvidenceNamesWhatElseDiffers() throws {
        let check = try CheckFixture().check(against: CheckFixture(designLines: 52, phaseOneName: "Core Services"))
        #expect(!check.holds)
        #expect(!check.hasListedChange)
        #expect(check.otherEvidence == [
            CertificationCheck.EvidenceChange(path: "phase.name", before: "\"Core\"", after: "\"Core Services\""),
            CertificationCheck.EvidenceChange(path: "tasks[TN-001].documents[tasks/TN-001-parser/design.md].lines", before: "40", after: "52"),
            CertificationCheck.EvidenceChange(
                path: "tasks[TN-001].documents[tasks/TN-001-parser/design.md].nonBlankLines", before: "35", after: "47"),
        ])
    }

    @Test func aPhaseTheMasterListNoLongerHasHasChanged() throws {
        let record = try CheckFixture().record()
        var now = CheckFixture().assessed
        now.phases.removeFirst()
        let check = CertificationCheck(record: record, current: now, recordPath: "phase.json")
        #expect(check.phaseIsGone)
        #expect(!check.holds)
    }

    @Test func anEditedRecordDoesNotHold() throws {
        var model = CheckFixture.narrow(CheckFixture().assessed, to: "1")
        model.phases[0].grade = "A+"
        let record = try CertificationCheck.Record(data: CanonicalJSON.encode(model))
        let check = CertificationCheck(record: record, current: CheckFixture().assessed, recordPath: "phase.json")
        #expect(!check.recordMatchesDigest)
        #expect(!check.holds)
        #expect(check.current?.digest == check.recorded.digest)
        #expect(check.phaseFigures.map(\.figure) == ["grade"])
        #expect(check.phaseFigures.first?.before == "A+")
    }

    @Test func anEditedDigestIsNeverAnEmptyChange() throws {
        var model = CheckFixture.narrow(CheckFixture().assessed, to: "1")
        model.phases[0].certification?.digest = String(repeating: "0", count: 64)
        let record = try CertificationCheck.Record(data: CanonicalJSON.encode(model))
        let check = CertificationCheck(record: record, current: CheckFixture().assessed, recordPath: "phase.json")
        #expect(!check.holds)
        #expect(!check.hasListedChange)
        #expect(check.otherEvidence.map(\.path) == ["digest"])
    }

    /// Any mix of changes: the check holds exactly when none touches phase 1's evidence, and a
    /// check that does not hold always says why.
    @Test func holdsExactlyWhenThePhaseEvidenceIsUnchangedAndNeverChangesSilently() async {
        await propertyCheck(
            input: Gen.int(in: 0...2), Gen.int(in: 0...1), Gen.int(in: 0...1), Gen.int(in: 0...1), Gen.int(in: 0...1), Gen.int(in: 0...1)
        ) { checked, design, failing, finding, date, later in
            var now = CheckFixture()
            now.checkedItems = checked
            now.designLines = design == 0 ? 40 : 41
            now.testsFailed = failing
            now.findingRule = finding == 0 ? nil : .other("docs.thin")
            now.headDate = date == 0 ? "2025-11-24" : "2025-12-09"
            now.laterTitle = later == 0 ? "Exports" : "Imports"
            let check = CertificationCheck(
                record: try CheckFixture().record(), current: now.assessed, recordPath: "reports/phase-1/phase.json")
            let touched = checked != 1 || design != 0 || failing != 0 || finding != 0
            #expect(check.holds == !touched)
            #expect(check.holds || check.hasListedChange || !check.otherEvidence.isEmpty)
            #expect(check.onlyDateDiffers == (!touched && date != 0))
        }
    }
}
