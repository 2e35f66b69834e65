import Foundation
import PhaseModel
import Testing
@testable import Scan

/// How a commit body names tasks and phases in the layouts found by content: trailers always,
/// other lines only when the body names exactly one task, with one feature for the whole body.
struct CommitBodyReferencesTests {
    private func body(_ references: TaskReferences, _ text: String, feature: String? = nil) -> [String] {
        var scanner = TaskIDScanner(pattern: references.ids)
        return references.tasks(inBody: text, subjectFeature: feature, scanner: &scanner)
    }

    @Test func aBodyThatNamesOneTaskGivesItTheCommit() throws {
        #expect(try body(TaskReferencesTests.prefixed(), "Adds the config loader.\n\nPart of T-004.") == ["T-004"])
    }

    @Test func aBodyThatNamesSeveralTasksIsASummaryAndNamesNone() throws {
        #expect(try body(TaskReferencesTests.prefixed(), "Closes T-004, T-005 and T-006.\n").isEmpty)
    }

    @Test func trailersCountWhateverElseTheBodySays() throws {
        let text = "Touches T-004 and T-005 in passing.\n\nRefs: T-007\nTask: T-008\n"
        #expect(try body(TaskReferencesTests.prefixed(), text) == ["T-007", "T-008"])
    }

    @Test func aKiroTrailerNamesItsSpecAndNumber() throws {
        #expect(try body(TaskReferencesTests.kiro(), "Kiro-Task: bancho-login 2.3\n") == ["bancho-login/2.3"])
    }

    /// A pull-request body quoting a feature's checklist: only the branch line names the feature,
    /// but the body as a whole is about that one feature and names three of its tasks.
    @Test func oneFeatureServesTheWholeBodySoAQuotedChecklistIsASummary() throws {
        let text = "- [x] T001 Create branch feature/010-auth-login\n- [x] T002 Add the model\n- [x] T003 Add the view\n"
        #expect(try body(TaskReferencesTests.specKit(), text).isEmpty)
    }

    @Test func theSubjectsFeatureQualifiesTheBodysOneTask() throws {
        #expect(try body(TaskReferencesTests.specKit(), "Implements T005 only.\n", feature: "015") == ["015/T005"])
    }

    @Test func aBodyNamesAPhaseOnlyWithTheWord() throws {
        let references = try TaskReferencesTests.specKit()
        #expect(references.phasesByWord(in: "Next up: feature 015 (010 is done)").isEmpty)
        let prefixed = try TaskReferencesTests.prefixed()
        #expect(prefixed.phasesByWord(in: "Squashed work of Phase 2.\n") == ["2"])
    }

    @Test(arguments: [
        ("T-066-T-069", ["T-066", "T-067", "T-068", "T-069"]),
        ("T-001, T-003 to T-004", ["T-003", "T-004"]),
        ("T-010..T-008", []),
        ("T-001, T-002", []),
    ])
    func rangesAreExpanded(text: String, expected: [String]) throws {
        #expect(try TaskIDPattern(prefix: "T", width: 3).rangeIDs(in: text) == expected)
    }

    @Test func anIndexDependenciesColumnGivesEachTaskItsDependenciesWithRanges() throws {
        let text = """
            ## Phase 1: Base

            | Task | Name | Dependencies |
            |------|------|--------------|
            | T-006 | Wiring | T-001, T-003-T-005 |
            | T-007 | Docs | None |
            """
        let list = MasterListParser.parse(text, file: "INDEX.md", ids: try TaskIDPattern(prefix: "T", width: 3))
        #expect(list.entries.map(\.id) == ["T-006", "T-007"])
        #expect(list.entries.map(\.dependencies) == [["T-001", "T-003", "T-004", "T-005"], []])
    }
}
