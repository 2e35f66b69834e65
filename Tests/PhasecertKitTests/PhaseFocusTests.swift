import Foundation
import PhaseModel
import PhasecertKit
import Testing
import TestSupport

/// `scan(factsFor:)` then `assess`: one phase's claims alone get facts and verdicts, and that
/// phase alone is certified, yet closing it writes what a whole scan and assessment write.
struct PhaseFocusTests {
    /// `PipelineFixture` with a report in each task folder (line counts of its file, right for
    /// TN-001 and wrong for TN-002) and a commit subject claiming lines for TN-002.
    static func fixture() throws -> PipelineFixture {
        let fixture = try PipelineFixture()
        try fixture.repository.write("tasks/TN-001-parser/REPORT.md", "# Parser done\n\n- `src/parser.py`: 6 LOC\n- 2/2 tests passing\n")
        try fixture.repository.write("tasks/TN-002-writer/REPORT.md", "# Writer done\n\n- `src/writer.py`: 40 LOC\n")
        try fixture.repository.write("src/writer.py", "def write():\n    return 0\n\n\ndef flush():\n    return 1\n")
        try fixture.repository.commit("TN-002: writer flush, 40 lines added", date: "2025-12-03T10:00:00+00:00")
        return fixture
    }

    static func lineClaims(in workspace: Workspace, task: String) -> [Claim] {
        workspace.claims.filter { $0.task == task && $0.kind == .loc }
    }

    @Test(arguments: ["1", "2"])
    func closingTheFocusedPhaseWritesWhatAWholeAssessmentWrites(phase: String) throws {
        let fixture = try Self.fixture()
        let pipeline = fixture.pipeline()
        let whole = pipeline.assess(try pipeline.scan())
        let focused = pipeline.assess(try pipeline.scan(factsFor: [phase]))
        let expected = try pipeline.close(whole, phases: [phase], all: false, locales: [.en, .ru])
        let closed = try pipeline.close(focused, phases: [phase], all: false, locales: [.en, .ru])
        #expect(closed.files.map(\.path) == expected.files.map(\.path))
        for (file, wanted) in zip(closed.files, expected.files) { #expect(file.contents == wanted.contents, "\(file.path)") }
        #expect(closed.passed == expected.passed)
        #expect(focused.workspace.claims(inPhases: [phase]) == whole.workspace.claims(inPhases: [phase]))
        #expect(focused.workspace.findings(inPhases: [phase]) == whole.workspace.findings(inPhases: [phase]))
        #expect(focused.workspace.phase(phase)?.certification == whole.workspace.phase(phase)?.certification)
    }

    @Test func theOtherPhasesClaimsAreLeftOutButCountedAndTheirPhasesUncertified() throws {
        let fixture = try Self.fixture()
        let pipeline = fixture.pipeline()
        let whole = pipeline.assess(try pipeline.scan())
        let focused = pipeline.assess(try pipeline.scan(factsFor: ["1"]))
        #expect(focused.scan.factsPhases == ["1"])
        // The whole assessment counts TN-002's file and contradicts its claims; the focused one
        // does not look, and keeps only their number.
        let counted = Self.lineClaims(in: whole.workspace, task: "TN-002")
        #expect(!counted.isEmpty)
        #expect(counted.allSatisfy { $0.verified != nil && $0.verdict == .contradicted })
        #expect(Self.lineClaims(in: focused.workspace, task: "TN-002").isEmpty)
        #expect(focused.workspace.claimsFound == whole.workspace.claims.count)
        #expect(focused.workspace.phase("2")?.certification == nil)
        #expect(whole.workspace.phase("2")?.certification != nil)
        // Phase 1's line claim was counted and judged in both.
        let own = Self.lineClaims(in: focused.workspace, task: "TN-001")
        #expect(!own.isEmpty && own.allSatisfy { $0.verified == 6 && $0.verdict == .verified })
    }

    @Test func aPhaseTheMasterListDoesNotHaveFocusesOnNothingAndIsStillRefused() throws {
        let fixture = try Self.fixture()
        let pipeline = fixture.pipeline()
        let focused = pipeline.assess(try pipeline.scan(factsFor: ["7"]))
        #expect(focused.workspace.claims.allSatisfy { $0.verdict == nil })
        #expect(focused.workspace.phases.allSatisfy { $0.certification == nil })
        #expect(throws: UnknownPhaseError.self) { try pipeline.phasesToClose(focused, named: "7", all: false) }
    }
}

/// A repository read whole (no plan, reports only): its one scope owns what names no task or
/// phase, so focusing on the scope gives those claims their facts.
struct PhaseFocusWholeRepositoryTests {
    @Test func theScopeOfAWholeRepositoryOwnsItsReportsClaims() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("src/app.py", "def run():\n    return 1\n")
        try repository.write("REPORT.md", "# Done\n\n- `src/app.py`: 40 LOC\n")
        try repository.commit("feat: app and report", date: "2025-12-01T10:00:00+00:00")
        let pipeline = Pipeline(source: ScanSource(repository: repository.path), configuration: .init())
        let whole = pipeline.assess(try pipeline.scan())
        let scope = try #require(whole.workspace.phases.first?.id)
        let focused = pipeline.assess(try pipeline.scan(factsFor: [scope]))
        let claims = focused.workspace.claims.filter { $0.kind == .loc }
        #expect(!claims.isEmpty)
        #expect(claims.allSatisfy { $0.verified == 2 && $0.verdict == .contradicted })
        #expect(focused.workspace.claims == whole.workspace.claims)
        #expect(focused.workspace.phase(scope)?.certification == whole.workspace.phase(scope)?.certification)
    }
}
