import Foundation
import PhaseModel
import PhasecertKit
import Testing

/// `Pipeline.close`: every report of the phases closed, each certified phase's snapshot, the
/// gate verdict; and which phases are closed.
struct PhaseClosingTests {
    @Test func closingAPhaseAddsItsPhaseModelAsTheSnapshot() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        let closing = try pipeline.close(assessment, phases: ["1"], all: false, locales: [.en])
        let certification = try #require(assessment.workspace.phase("1")?.certification)
        let snapshot = try #require(closing.files.first { $0.path.hasPrefix(".history/") })
        #expect(snapshot.path == ".history/phase-1/\(certification.id).json")
        #expect(snapshot.contents == closing.files.first { $0.path == "phase-1/phase.json" }?.contents)
        #expect(!closing.files.contains { $0.path == "index.html" })
        #expect(closing.passed == (assessment.workspace.phase("1")?.gate?.passed ?? false))
    }

    @Test func closingEveryPhaseWritesTheIndexAndPassesOnlyWhenEveryGateDoes() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        let phases = try pipeline.phasesToClose(assessment, named: nil, all: true)
        #expect(phases == ["1", "2"])
        let closing = try pipeline.close(assessment, phases: phases, all: true, locales: [.en])
        #expect(closing.files.contains { $0.path == "index.html" })
        #expect(closing.files.filter { $0.path.hasPrefix(".history/") }.count == 2)
        #expect(!closing.passed)
    }

    @Test func thePhaseNamedMustBeInTheMasterList() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        #expect(try pipeline.phasesToClose(assessment, named: "2", all: false) == ["2"])
        let error = #expect(throws: UnknownPhaseError.self) { try pipeline.phasesToClose(assessment, named: "7", all: false) }
        #expect(error?.description == "phase-close: no phase 7 in tasks/TASKS.md; it has 1, 2")
    }

    @Test func closingEveryPhaseOfAnEmptyListIsAUsageError() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("tasks/TASKS.md", "# Tasks\n")
        let (pipeline, assessment) = try fixture.assessed()
        let error = #expect(throws: NoPhasesError.self) { try pipeline.phasesToClose(assessment, named: nil, all: true) }
        #expect(error?.exitCode == 2)
    }
}

/// A dry run (`rendering: false`) makes no file but lists the ones a real close makes, snapshots included.
struct PhaseClosingDryRunTests {
    @Test func aDryRunListsThePathsOfTheFilesItDoesNotMake() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        for (phases, all) in [(["1"], false), (["2"], false), (["1", "2"], true)] {
            let closed = try pipeline.close(assessment, phases: phases, all: all, locales: [.en, .ru])
            let dry = try pipeline.close(assessment, phases: phases, all: all, locales: [.en, .ru], rendering: false)
            #expect(dry.files.isEmpty)
            #expect(dry.paths == closed.files.map(\.path))
            #expect(closed.paths == closed.files.map(\.path))
            #expect(dry.paths.contains { $0.hasPrefix(".history/") } == closed.files.contains { $0.path.hasPrefix(".history/") })
            #expect(dry.passed == closed.passed)
        }
        // The fixture's phase 1 is certified, so its snapshot is among what a dry run lists.
        let dry = try pipeline.close(assessment, phases: ["1"], all: false, locales: [.en], rendering: false)
        #expect(dry.paths.contains { $0.hasPrefix(".history/phase-1/") })
    }
}
