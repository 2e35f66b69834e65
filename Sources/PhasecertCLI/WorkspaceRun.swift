import Foundation
import PhaseModel
import Scan

/// The scan every command starts with, wired to the console: progress, worker processes, notes.
enum WorkspaceRun {
    static func scan(
        repository: String, configuration: Configuration, configFile: String?, options: CommonOptions, console: Console
    ) throws -> WorkspaceScanner.Outcome {
        try scan(
            source: ScanSource(repository: repository), configuration: configuration, configFile: configFile,
            options: options, console: console)
    }

    /// The scan of `source`: its tree's files, and the repository's history from its commit.
    static func scan(
        source: ScanSource, configuration: Configuration, configFile: String?, options: CommonOptions, console: Console
    ) throws -> WorkspaceScanner.Outcome {
        let repository = source.repository
        let worker = console.executable.map {
            HistoryScanner.WorkerCommand(executable: $0, arguments: ["history-worker", "--repo", repository])
        }
        var helm: URL?
        if configuration.evidence.runHelm {
            helm = HelmLocator.executable(path: console.environment["PATH"])
            if helm == nil, !options.quiet {
                console.err("phasecert: note: evidence.runHelm is set but no helm is on PATH; only saved Helm output is read\n")
            }
        }
        let scanner = WorkspaceScanner(
            repository: source.tree, configuration: configuration, configurationFile: configFile, historyWorker: worker,
            helm: helm, historyRepository: source.commit == nil ? nil : repository, revision: source.commit)
        let progress = console.progress(quiet: options.quiet)
        defer { progress.finish() }
        let outcome = try scanner.scanDetailed(progress: progress.report)
        if !options.quiet {
            for note in outcome.notes { console.err("phasecert: note: \(note)\n") }
        }
        if console.executable != nil {
            // The process ends right after the command: tearing down a history of 100,000
            // commits object by object would only delay that, so it is left to the exit.
            _ = Unmanaged.passRetained(KeptUntilExit(outcome))
        }
        return outcome
    }

    private final class KeptUntilExit {
        let value: WorkspaceScanner.Outcome
        init(_ value: WorkspaceScanner.Outcome) { self.value = value }
    }
}
