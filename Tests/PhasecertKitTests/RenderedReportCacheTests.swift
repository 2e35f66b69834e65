import Foundation
import PhaseModel
import Render
import Testing
import TestSupport
import TextSupport
@testable import PhasecertKit

/// Task and audit reports remembered under the key of what they were rendered from
/// (`RenderedReportCache`): `phase-close` reads back a report the folder still holds as written
/// when its source is unchanged, and renders it when the source, the file or the cache changed.
struct RenderedReportCacheTests {
    func assessed(_ fixture: PipelineFixture) throws -> (Pipeline, Assessment) { try fixture.assessedAsTheCommandLine() }

    /// `phase-close 1` into `folder`: its files, written and remembered.
    @discardableResult
    func close(_ pipeline: Pipeline, _ assessment: Assessment, into folder: String) throws -> PhaseClosing {
        let closing = try pipeline.close(assessment, phases: ["1"], all: false, locales: [.en, .ru], into: folder)
        try ReportWriter.write(closing.files, to: folder, repository: pipeline.source.repository)
        closing.remember()
        return closing
    }

    /// The text of the file at `path` among `closing`'s.
    func text(_ closing: PhaseClosing, _ path: String) -> String? {
        closing.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    func cacheFile(_ fixture: PipelineFixture) -> String {
        fixture.path + "/.git/phasecert/rendered-reports-v\(RenderedReportCache.formatVersion).cache"
    }

    func entries(_ fixture: PipelineFixture) throws -> [RenderedReportCache.Entry] {
        try #require(RenderedReportCache.entries(in: [UInt8](Data(contentsOf: URL(fileURLWithPath: cacheFile(fixture))))))
    }

    /// Puts `text` in the report at `path` and, when `remembered`, in the cache's line for it
    /// too (same key): what a run that reads the report back then gives.
    func replace(_ path: String, in folder: String, with text: String, remembered: Bool, fixture: PipelineFixture) throws {
        let bytes = Array(text.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + path))
        guard remembered else { return }
        let lines = try entries(fixture).map { entry in
            var entry = entry
            if entry.path == path { (entry.digest, entry.size) = (ContentDigest.sha256Hex(of: bytes), bytes.count) }
            return entry
        }
        try Data(RenderedReportCache.contents(of: lines)).write(to: URL(fileURLWithPath: cacheFile(fixture)))
    }

    @Test func theTaskAndAuditReportsAreRememberedAndTheOthersAreNot() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        let closing = try close(pipeline, assessment, into: folder)
        let keyed = closing.files.filter { $0.renderKey != nil }.map(\.path)
        #expect(keyed == [
            "phase-1/audit.en.html", "phase-1/audit.en.md", "phase-1/audit.ru.html", "phase-1/audit.ru.md",
            "phase-1/tasks/TN-001.en.html", "phase-1/tasks/TN-001.en.md", "phase-1/tasks/TN-001.ru.html", "phase-1/tasks/TN-001.ru.md",
        ])
        #expect(try entries(fixture).map(\.path) == keyed)
        // Markdown and HTML of one document share its key; each document has its own.
        let keys = Dictionary(grouping: closing.files.filter { $0.renderKey != nil }, by: { $0.renderKey ?? "" })
        #expect(keys.count == 4 && keys.values.allSatisfy { $0.count == 2 })
    }

    @Test func anUnchangedReportIsReadBackAndGivesTheSameFiles() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        let first = try close(pipeline, assessment, into: folder)
        #expect(try close(pipeline, assessment, into: folder).files == first.files)

        // Proof that it was read, not rendered: a report and its cache line both changed come back as they are.
        try replace("phase-1/tasks/TN-001.en.md", in: folder, with: "read back\n", remembered: true, fixture: fixture)
        try replace("phase-1/audit.ru.html", in: folder, with: "<p>read back</p>\n", remembered: true, fixture: fixture)
        let second = try close(pipeline, assessment, into: folder)
        #expect(text(second, "phase-1/tasks/TN-001.en.md") == "read back\n")
        #expect(text(second, "phase-1/audit.ru.html") == "<p>read back</p>\n")
        #expect(second.files.first { $0.path == "phase-1/completion.en.md" } == first.files.first { $0.path == "phase-1/completion.en.md" })
    }

    @Test func aReportEditedRemovedOrReplacedIsRenderedAgain() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        let first = try close(pipeline, assessment, into: folder)
        let task = "phase-1/tasks/TN-001.en.md"
        let original = try #require(first.files.first { $0.path == task }?.contents)

        try replace(task, in: folder, with: "edited\n", remembered: false, fixture: fixture)
        #expect(try text(close(pipeline, assessment, into: folder), task) == String(decoding: original, as: UTF8.self))

        // Same size, other bytes.
        var flipped = original
        flipped[flipped.count / 2] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: folder + "/" + task))
        #expect(try text(close(pipeline, assessment, into: folder), task) == String(decoding: original, as: UTF8.self))

        try FileManager.default.removeItem(atPath: folder + "/phase-1/audit.en.md")
        #expect(try close(pipeline, assessment, into: folder).files == first.files)

        // A link to a file of the same bytes is not the report, even with the cache's line changed to it.
        let elsewhere = fixture.path + "/elsewhere.md"
        try replace(task, in: folder, with: "linked\n", remembered: true, fixture: fixture)
        try FileManager.default.moveItem(atPath: folder + "/" + task, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + task, withDestinationPath: elsewhere)
        let linked = try pipeline.close(assessment, phases: ["1"], all: false, locales: [.en, .ru], into: folder)
        #expect(text(linked, task) == String(decoding: original, as: UTF8.self))
    }

    @Test func aReportWhoseSourceChangedIsRenderedAgain() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        try close(pipeline, assessment, into: folder)
        let task = "phase-1/tasks/TN-001.en.md"
        try replace(task, in: folder, with: "stale\n", remembered: true, fixture: fixture)
        try replace("phase-1/audit.en.md", in: folder, with: "stale\n", remembered: true, fixture: fixture)

        // A new commit of TN-001: its report shows it. The audit, with the same claims, is read back.
        try fixture.repository.write("src/parser.py", "def parse():\n    return 3\n")
        try fixture.repository.write(".gitignore", "reports/\n")
        try fixture.repository.commit("TN-001: parse three", date: "2025-12-03T10:00:00+00:00")
        let (_, changed) = try assessed(fixture)
        let closing = try close(pipeline, changed, into: folder)
        let report = try #require(text(closing, task))
        #expect(report.contains("parse three"))
        #expect(text(closing, "phase-1/audit.en.md") == "stale\n")

        // Another build renders everything again.
        try replace(task, in: folder, with: "stale\n", remembered: true, fixture: fixture)
        var rebuilt = pipeline
        rebuilt.context.executable = fixture.path + "/.git/HEAD"
        let fresh = try rebuilt.close(changed, phases: ["1"], all: false, locales: [.en, .ru], into: folder)
        #expect(text(fresh, task) == report)

        // A template of the user's renders again too.
        try fixture.repository.write("templates/en/task.md.mustache", "# {{taskID}}\n")
        let templated = try pipeline.close(changed, phases: ["1"], all: false, locales: [.en, .ru], into: folder)
        #expect(text(templated, task) == "# TN-001\n")
    }

    @Test func aDamagedOrMissingCacheRendersAndIsWrittenAnew() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        let first = try close(pipeline, assessment, into: folder)
        let task = "phase-1/tasks/TN-001.en.md"
        try replace(task, in: folder, with: "stale\n", remembered: true, fixture: fixture)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cacheFile(fixture))))
        bytes[bytes.count / 3] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: cacheFile(fixture)))
        #expect(try close(pipeline, assessment, into: folder).files == first.files)
        #expect(try entries(fixture).count == 8)

        try FileManager.default.removeItem(atPath: cacheFile(fixture))
        try replace(task, in: folder, with: "stale\n", remembered: false, fixture: fixture)
        #expect(try close(pipeline, assessment, into: folder).files == first.files)
        #expect(try entries(fixture).count == 8)
    }

    @Test func withoutAFolderOrABuildNothingIsReadBackOrRemembered() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        let first = try close(pipeline, assessment, into: folder)
        try replace("phase-1/tasks/TN-001.en.md", in: folder, with: "stale\n", remembered: true, fixture: fixture)
        let unfoldered = try pipeline.close(assessment, phases: ["1"], all: false, locales: [.en, .ru])
        #expect(unfoldered.files.allSatisfy { $0.renderKey == nil })
        #expect(unfoldered.files.map(\.contents) == first.files.map(\.contents))
        var anonymous = pipeline
        anonymous.context.executable = nil
        let unidentified = try anonymous.close(assessment, phases: ["1"], all: false, locales: [.en, .ru], into: folder)
        #expect(unidentified.files.allSatisfy { $0.renderKey == nil })
        #expect(unidentified.files.map(\.contents) == first.files.map(\.contents))
    }

    @Test func eachRunKeepsTheLinesOfReportsItDidNotWrite() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        try close(pipeline, assessment, into: folder)
        let second = try pipeline.close(assessment, phases: ["2"], all: false, locales: [.en], into: folder)
        try ReportWriter.write(second.files, to: folder, repository: pipeline.source.repository)
        second.remember()
        let paths = try entries(fixture).map(\.path)
        #expect(paths.filter { $0.hasPrefix("phase-1/") }.count == 8)
        #expect(paths.contains("phase-2/tasks/TN-002.en.md") && paths.contains("phase-2/audit.en.html"))
        #expect(paths == paths.sorted())
    }

    @Test func reportReadsBackUnchangedReportsToo() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try assessed(fixture)
        let folder = fixture.path + "/reports"
        func report() throws -> ReportSetOutcome {
            let outcome = try pipeline.reportSet(assessment, phases: ["1", "2"], locales: [.en], formats: [.md], into: folder)
            try ReportWriter.write(outcome.files, to: folder, repository: pipeline.source.repository)
            outcome.remember()
            return outcome
        }
        let first = try report()
        #expect(try entries(fixture).map(\.path) == [
            "phase-1/audit.en.md", "phase-1/tasks/TN-001.en.md", "phase-2/audit.en.md", "phase-2/tasks/TN-002.en.md",
        ])
        // The folder no longer holds the whole set as written, so the set is made again; the task report is read back.
        try replace("phase-2/tasks/TN-002.en.md", in: folder, with: "read back\n", remembered: true, fixture: fixture)
        let second = try report()
        #expect(second.kept == nil)
        #expect(second.files.first { $0.path == "phase-2/tasks/TN-002.en.md" }.map { String(decoding: $0.contents, as: UTF8.self) } == "read back\n")
        #expect(second.files.filter { $0.path != "phase-2/tasks/TN-002.en.md" } == first.files.filter { $0.path != "phase-2/tasks/TN-002.en.md" })
    }

    @Test func aCacheFileFailingACheckHoldsNoLines() {
        let good = RenderedReportCache.contents(of: [
            .init(key: "k", digest: "d", size: 3, path: "a/b.md"), .init(key: "k2", digest: "d2", size: 0, path: "c\td.md"),
        ])
        #expect(RenderedReportCache.entries(in: good)?.map(\.path) == ["a/b.md", "c\td.md"])
        #expect(RenderedReportCache.entries(in: Array(good.dropLast())) == nil)
        #expect(RenderedReportCache.entries(in: Array("phasecert-rendered-reports-cache 2\n".utf8) + good.dropFirst(35)) == nil)
        let unsized = RenderedReportCache.contents(of: [.init(key: "k", digest: "d", size: -1, path: "a.md")])
        #expect(RenderedReportCache.entries(in: unsized) == nil)
        #expect(RenderedReportCache.entries(in: []) == nil)
    }
}
