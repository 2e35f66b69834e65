import Foundation
import Testing
import TestSupport

/// A repository may commit symbolic links: none of them may carry a report, a snapshot or a
/// template out of the repository (or out of the `--out` folder). The run stops with exit code
/// 3, names the link and where it points, and writes nothing anywhere.
@Suite struct SymlinkEscapeTests {
    /// Every entry under `folder` (links listed, not followed), `.git` left out.
    func entries(in folder: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return all.filter { $0 != ".git" && !$0.hasPrefix(".git/") }.sorted()
    }

    @Test func aPhaseFolderLinkedOutsideStopsPhaseCloseWithNothingWritten() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let outside = try TemporaryFolder()
        try fixture.repository.folder.makeFolder("reports")
        try fixture.repository.folder.link("reports/phase-1", to: outside.path)
        try fixture.repository.commit("reports/phase-1: a link out")

        let run = CapturedConsole.run(["phase-close", "1"], in: fixture.path)
        #expect(run.code == 3, "\(run.err)")
        #expect(run.err.contains(
            "phasecert: \(fixture.path)/reports/phase-1: a symbolic link to \(outside.path), outside the repository (\(fixture.path)); phasecert does not write through it\n"))
        #expect(entries(in: outside.path).isEmpty)
        // Checked before the first write: not even the snapshot, which would have stayed inside.
        #expect(entries(in: fixture.path + "/reports") == ["phase-1"])

        let dryRun = CapturedConsole.run(["phase-close", "1", "--dry-run"], in: fixture.path)
        #expect(dryRun.code == 3, "\(dryRun.err)")
        #expect(!dryRun.err.contains("would write"))
    }

    @Test func aReportsLinkStopsEveryWriterAndTheHistoryNoteSaysWhatHappened() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let outside = try TemporaryFolder()
        // A history folder out there, so reading finds something not to follow.
        try outside.makeFolder(".history/phase-1")
        try fixture.repository.folder.link("reports", to: outside.path)

        let close = CapturedConsole.run(["phase-close", "--all"], in: fixture.path)
        #expect(close.code == 3, "\(close.err)")
        #expect(close.err.contains("\(fixture.path)/reports: a symbolic link to \(outside.path), outside the repository"))
        // The history is not read through the link, and the note no longer speaks of one snapshot.
        #expect(close.err.contains(
            "reports/.history/phase-1: leads outside the repository through a symbolic link; not followed; no earlier snapshot of the phase was read\n"))
        #expect(!close.err.contains("snapshot skipped"))

        let report = CapturedConsole.run(["report"], in: fixture.path)
        #expect(report.code == 3, "\(report.err)")
        let audit = CapturedConsole.run(["audit", "--out", "reports"], in: fixture.path)
        #expect(audit.code == 3, "\(audit.err)")
        #expect(entries(in: outside.path) == [".history", ".history/phase-1"])
    }

    @Test func reportOutRefusesALinkBelowTheOutFolder() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let out = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try out.link("phase-2", to: elsewhere.path)

        let run = CapturedConsole.run(["report", "--out", out.path], in: fixture.path)
        #expect(run.code == 3, "\(run.err)")
        #expect(run.err.contains("\(out.path)/phase-2: a symbolic link to \(elsewhere.path), outside the output folder (\(out.path))"))
        #expect(entries(in: elsewhere.path).isEmpty)
        #expect(entries(in: out.path) == ["phase-2"])

        // Without the link the same command writes everything, and leaves no temporary file.
        try FileManager.default.removeItem(atPath: out.path + "/phase-2")
        let again = CapturedConsole.run(["report", "--out", out.path], in: fixture.path)
        #expect(again.code == 0, "\(again.err)")
        #expect(entries(in: out.path).contains("phase-2/phase.json"))
        #expect(!entries(in: out.path).contains { $0.hasSuffix(".tmp") })
    }

    @Test func initTemplatesRefusesATemplatesLinkAndWritesNothing() throws {
        let repository = try GitRepositoryBuilder()
        let outside = try TemporaryFolder()
        try repository.folder.link("templates", to: outside.path)

        let run = CapturedConsole.run(["init", "--templates"], in: repository.path)
        #expect(run.code == 3, "\(run.err)")
        #expect(run.err.contains("\(repository.path)/templates: a symbolic link to \(outside.path), outside the repository"))
        #expect(run.out.isEmpty)
        #expect(entries(in: outside.path).isEmpty)
        // Refused before the first write: phasecert.yml, which was free to go, is not there either.
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/phasecert.yml"))
    }

    @Test func initRefusesAConfigurationFileLinkedOutsideWhenForced() throws {
        let repository = try GitRepositoryBuilder()
        let outside = try TemporaryFolder()
        let victim = try outside.write("shared.yml", "shared: true\n")
        try repository.folder.link("phasecert.yml", to: victim)

        // Kept without --force, as any existing file is; refused with it.
        #expect(CapturedConsole.run(["init"], in: repository.path).code == 1)
        let forced = CapturedConsole.run(["init", "--force"], in: repository.path)
        #expect(forced.code == 3, "\(forced.err)")
        #expect(forced.err.contains("\(repository.path)/phasecert.yml: a symbolic link to \(victim), outside the repository"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "shared: true\n")
    }

    @Test func aLinkThatStaysInsideTheRepositoryIsFollowed() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        try fixture.repository.folder.makeFolder("certified")
        try fixture.repository.folder.link("reports", to: "certified")

        let run = CapturedConsole.run(["phase-close", "1"], in: fixture.path)
        #expect(run.code == 0, "\(run.err)")
        let written = entries(in: fixture.path + "/certified")
        #expect(written.contains("phase-1/phase.json"))
        #expect(written.contains { $0.hasPrefix(".history/phase-1/") && $0.hasSuffix(".json") })
        #expect(!written.contains { $0.hasSuffix(".tmp") })
    }

    @Test func aHistoryCacheFolderLinkedOutsideIsNotWrittenAndTheScanGoesOn() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let outside = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/.git/phasecert", withDestinationPath: outside.path)

        let run = CapturedConsole.run(["scan"], in: fixture.path)
        #expect(run.code <= 1, "\(run.err)")
        #expect(run.err.contains("\(fixture.path)/.git/phasecert: a symbolic link to \(outside.path), outside the git folder"))
        #expect(entries(in: outside.path).isEmpty)
    }
}
