import Foundation
import PhaseModel
import Render
import Testing
import TestSupport
import TextSupport
@testable import PhasecertKit

/// The reports of a `report` run remembered under what they were rendered from
/// (`ReportSetCache`): a second run with the same input renders nothing while the folder holds
/// exactly the reports it wrote, and renders again when anything of either changed.
struct ReportSetCacheTests {
    func assessed(_ fixture: PipelineFixture) throws -> (Pipeline, Assessment) { try fixture.assessedAsTheCommandLine() }

    /// A `report` run: the report set, written (or its kept files touched) and remembered.
    @discardableResult
    func report(_ pipeline: Pipeline, _ assessment: Assessment, into folder: String) throws -> ReportSetOutcome {
        let outcome = try pipeline.reportSet(assessment, phases: ["1", "2"], locales: [.en, .ru], formats: [.md, .json], into: folder)
        if let kept = outcome.kept {
            try ReportWriter.touch(kept, in: folder, repository: pipeline.source.repository)
        } else {
            try ReportWriter.write(outcome.files, to: folder, repository: pipeline.source.repository)
            outcome.remember()
        }
        return outcome
    }

    @Test func aSecondRunOnTheSameInputRendersNothingAndKeepsEveryReport() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        let first = try report(pipeline, assessment, into: folder)
        #expect(first.kept == nil && !first.files.isEmpty)
        // The first run created the phase folders, which `index.html` then links: rendered again.
        let second = try report(pipeline, assessment, into: folder)
        #expect(second.kept == nil)
        let third = try report(pipeline, assessment, into: folder)
        #expect(third.files.isEmpty)
        #expect(third.kept == second.files.map(\.path))
        #expect(third.paths == second.paths)
    }

    @Test func aReportEditedRemovedOrReplacedIsRenderedAgain() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        try report(pipeline, assessment, into: folder)
        let written = try report(pipeline, assessment, into: folder).files
        let completion = folder + "/phase-1/completion.en.md"
        let original = try Data(contentsOf: URL(fileURLWithPath: completion))

        try Data(original + Data("edited\n".utf8)).write(to: URL(fileURLWithPath: completion))
        #expect(try report(pipeline, assessment, into: folder).kept == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: completion)) == original)
        #expect(try report(pipeline, assessment, into: folder).kept != nil)

        // Same size, other bytes.
        var flipped = [UInt8](original)
        flipped[flipped.count / 2] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: completion))
        #expect(try report(pipeline, assessment, into: folder).kept == nil)

        try FileManager.default.removeItem(atPath: folder + "/phase-2/audit.ru.md")
        #expect(try report(pipeline, assessment, into: folder).kept == nil)
        #expect(FileManager.default.fileExists(atPath: folder + "/phase-2/audit.ru.md"))

        // A link to a file of the same bytes is not the report.
        let elsewhere = fixture.path + "/elsewhere.md"
        try FileManager.default.copyItem(atPath: completion, toPath: elsewhere)
        try FileManager.default.removeItem(atPath: completion)
        try FileManager.default.createSymbolicLink(atPath: completion, withDestinationPath: elsewhere)
        #expect(try report(pipeline, assessment, into: folder).kept == nil)
        #expect(written.contains { $0.path == "phase-1/completion.en.md" })
    }

    @Test func anotherInputRendersAgain() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        try report(pipeline, assessment, into: folder)
        try report(pipeline, assessment, into: folder)
        #expect(try report(pipeline, assessment, into: folder).kept != nil)

        // Another assessment: a task ticked off.
        try fixture.repository.write("tasks/TN-002-writer/tasks.md", "- [x] open\n- [x] write\n")
        let (_, changed) = try assessed(fixture)
        #expect(try report(pipeline, changed, into: folder).kept == nil)
        #expect(try report(pipeline, changed, into: folder).kept != nil)

        // Another template.
        try fixture.repository.write("templates/en/completion.md.mustache", "# {{phase.id}}\n")
        #expect(try report(pipeline, changed, into: folder).kept == nil)
        #expect(try report(pipeline, changed, into: folder).kept != nil)

        // Another configuration.
        var configured = pipeline
        configured.configuration.rules["claim.contradicted"] = .some(.minor)
        #expect(try report(configured, changed, into: folder).kept == nil)

        // Another build: nothing is kept for a pipeline with no identity.
        var anonymous = pipeline
        anonymous.context.executable = nil
        #expect(try report(anonymous, changed, into: folder).kept == nil)
        #expect(try report(anonymous, changed, into: folder).kept == nil)
    }

    @Test func theKeyDoesNotDependOnTheOrderOfTheRules() throws {
        var configuration = Configuration()
        configuration.rules = ["a": .critical, "b": nil, "c": .minor, "d": .info]
        let description = ReportSetCache.stableDescription(of: configuration)
        // The rules in key order, after the rest, whatever order the dictionary keeps them in.
        let rules = ["a", "b", "c", "d"].map { "\($0)=\(String(describing: configuration.rules[$0]!))" }
        #expect(description.hasSuffix(" rules: " + rules.joined(separator: ",")))
        var other = Configuration()
        for (key, value) in configuration.rules.shuffled() { other.rules[key] = .some(value) }
        #expect(ReportSetCache.stableDescription(of: other) == description)
        other.rules["d"] = .some(.critical)
        #expect(ReportSetCache.stableDescription(of: other) != description)
    }

    @Test func aDamagedCacheKeepsNothing() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        try report(pipeline, assessment, into: folder)
        try report(pipeline, assessment, into: folder)
        let file = fixture.path + "/.git/phasecert/reports-v\(ReportSetCache.formatVersion).cache"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(try report(pipeline, assessment, into: folder).kept == nil)
        #expect(try report(pipeline, assessment, into: folder).kept != nil)
    }
}
