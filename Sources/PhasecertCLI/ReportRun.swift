import Foundation
import PhaseModel
import Render
import Scan
import Score
import TextSupport

/// Turns a scan into report files and writes them: what `report` and `audit --out` share.
enum ReportRun {
    /// The renderer's input: the assessed workspace, each task's commits and files, and each
    /// phase's comparison with its previous snapshot. Unreadable snapshots are noted, not fatal.
    static func input(
        workspace: Workspace, outcome: WorkspaceScanner.Outcome, configuration: Configuration, phases: [String],
        repository: String, options: CommonOptions, console: Console
    ) -> ReportInput {
        var histories: [String: TaskHistory] = [:]
        if let association = outcome.association {
            for phase in phases {
                for task in workspace.phase(phase)?.tasks ?? [] { histories[task] = association.history(for: task) }
            }
        }
        var comparisons: [String: PhaseComparison] = [:]
        for phase in phases {
            do {
                let store = try SnapshotStore(root: repository, reportsFolder: configuration.reports.folder, phaseID: phase)
                let lookup = try store.previous(excluding: workspace.phase(phase)?.certification?.id)
                if !options.quiet {
                    for problem in lookup.problems { console.err("phasecert: note: \(problem)\n") }
                }
                if let snapshot = lookup.snapshot {
                    comparisons[phase] = PhaseComparer.compare(previous: snapshot, current: workspace, phase: phase)
                }
            } catch {
                if !options.quiet { console.err("phasecert: note: no before/after for phase \(phase): \(error)\n") }
            }
        }
        return ReportInput(
            workspace: workspace, configuration: configuration, histories: histories, comparisons: comparisons, tool: console.version)
    }

    /// The user's `templates/` folder in the repository, when it has one.
    static func templateFolder(repository: String) -> String? {
        let path = repository + "/templates"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Writes `files` under `folder`. Everything is rendered before this is called, so a template
    /// error leaves the old reports as they were; each file is replaced atomically. Every target
    /// is checked before the first is written, so a symbolic link out of the repository (or of
    /// an `--out` folder elsewhere) stops the run with nothing written.
    static func write(_ files: [ReportFile], to folder: String, repository: String, options: CommonOptions, console: Console) throws {
        let boundary = try checkTargets(of: files, in: folder, repository: repository)
        for file in files {
            let path = folder + "/" + file.path
            do {
                try AtomicFile.write(Data(file.contents), to: path, within: boundary)
            } catch let error as ContainedWriteError {
                throw error
            } catch {
                throw ReportWriteError(path: path, reason: "\(error.localizedDescription)")
            }
        }
        if !options.quiet {
            console.err("phasecert: wrote \(files.count) file\(files.count == 1 ? "" : "s") to \(DisplayedPath.of(folder, repository: repository))/\n")
        }
        if options.verbose {
            for file in files { console.err("  \(file.path)\n") }
        }
    }

    /// The boundary `files` are written within, once each target has passed it: the repository
    /// when `folder` lies in it, else `folder` (see `WriteBoundary`). A dry run calls this too,
    /// so it does not promise a write the real run would refuse.
    /// - Throws: `ContainedWriteError` (exit code 3) for the first target a link would send elsewhere.
    @discardableResult
    static func checkTargets(of files: [ReportFile], in folder: String, repository: String) throws(ContainedWriteError) -> WriteBoundary {
        let boundary = WriteBoundary.enclosing(folder, repository: repository)
        for file in files { try boundary.check(folder + "/" + file.path) }
        return boundary
    }
}

/// A report file that could not be written.
struct ReportWriteError: UserFacingError {
    var path: String
    var reason: String
    var exitCode: Int32 { PhasecertMain.ExitCode.unreadableInput }
    var description: String { "\(path): cannot write: \(reason)" }
}
