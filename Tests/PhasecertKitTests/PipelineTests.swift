import Foundation
import PhaseModel
import PhasecertKit
import Render
import Scan
import Testing

/// `Pipeline`: scan → assess → render as one API, each stage taking the previous one's result.
struct PipelineTests {
    @Test func assessScoresTheScannedWorkspaceAndKeepsTheHistory() throws {
        let fixture = try PipelineFixture()
        let pipeline = fixture.pipeline()
        let scanned = try pipeline.scan()
        #expect(scanned.workspace.phases.map(\.id) == ["1", "2"])
        #expect(scanned.workspace.phases.allSatisfy { $0.gate == nil })
        let assessment = pipeline.assess(scanned)
        #expect(assessment.scan.history != nil)
        #expect(assessment.workspace.phases.allSatisfy { $0.gate != nil })
    }

    @Test func phasesNamedAreCheckedAgainstTheMasterList() throws {
        let fixture = try PipelineFixture()
        let assessment = try fixture.pipeline().assess(fixture.pipeline().scan())
        #expect(try assessment.phases(named: []) == ["1", "2"])
        #expect(try assessment.phases(named: ["2"]) == ["2"])
        let error = #expect(throws: UnknownPhaseError.self) { try assessment.phases(named: ["2", "9"], context: "report") }
        #expect(error?.description == "report: no phase 9 in tasks/TASKS.md; it has 1, 2")
        #expect(error?.exitCode == 2)
    }

    @Test func theReportInputCarriesEachTaskHistoryOfThePhasesAsked() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        let input = pipeline.reportInput(assessment, phases: ["1"])
        #expect(Array(input.histories.keys) == ["TN-001"])
        let history = try #require(input.histories["TN-001"])
        #expect(history.commits.map(\.subject) == ["TN-001: parser"])
        #expect(input.comparisons.isEmpty)
        #expect(input.workspace == assessment.workspace)
    }

    @Test func reportsNameEveryFileOfThePhasesAskedAndLinkThoseAlreadyWritten() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        let folder = fixture.path + "/reports"
        try FileManager.default.createDirectory(atPath: folder + "/phase-2", withIntermediateDirectories: true)
        let files = try pipeline.reports(assessment, phases: ["1"], locales: [.en], formats: [.md, .html, .json], into: folder)
        let paths = Set(files.map(\.path))
        #expect(paths.isSuperset(of: ["phase-1/completion.en.md", "phase-1/audit.en.md", "phase-1/tasks/TN-001.en.md", "phase-1/phase.json"]))
        #expect(!paths.contains { $0.hasPrefix("phase-2/") })
        let index = try #require(files.first { $0.path == "index.html" })
        #expect(String(decoding: index.contents, as: UTF8.self).contains("phase-2/"))
    }

    @Test func anUnreadableSnapshotIsANoteNotAnError() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("reports/.history/phase-1/1-20250101-50PCT-0000.json", "not json")
        let notes = PipelineFixture.Notes()
        let pipeline = fixture.pipeline(notes: notes)
        let assessment = pipeline.assess(try pipeline.scan())
        let input = pipeline.reportInput(assessment, phases: ["1"])
        #expect(input.comparisons.isEmpty)
        #expect(notes.all.contains { $0.contains("1-20250101-50PCT-0000.json") }, "\(notes.all)")
    }

    @Test func configurationComesFromTheTreeOrTheFileGiven() throws {
        let fixture = try PipelineFixture()
        let (defaults, none) = try Pipeline.configuration(file: nil, repository: fixture.path)
        #expect(none == nil && defaults.reports.folder == Configuration().reports.folder)
        try fixture.repository.write("phasecert.yml", "reports:\n  folder: out\n")
        let (conventional, name) = try Pipeline.configuration(file: nil, repository: fixture.path)
        #expect(name == "phasecert.yml" && conventional.reports.folder == "out")
        try fixture.repository.write("ci/other.yml", "reports:\n  folder: elsewhere\n")
        let (given, shown) = try Pipeline.configuration(file: fixture.path + "/ci/other.yml", repository: fixture.path)
        #expect(shown == "ci/other.yml" && given.reports.folder == "elsewhere")
    }
}
