import Scan

/// The scan every command starts with, wired to the console: progress, worker processes, notes.
enum WorkspaceRun {
    static func scan(
        repository: String, configuration: Configuration, configFile: String?, options: CommonOptions, console: Console
    ) throws -> WorkspaceScanner.Outcome {
        let worker = console.executable.map {
            HistoryScanner.WorkerCommand(executable: $0, arguments: ["history-worker", "--repo", repository])
        }
        let scanner = WorkspaceScanner(
            repository: repository, configuration: configuration, configurationFile: configFile, historyWorker: worker)
        let progress = console.progress(quiet: options.quiet)
        defer { progress.finish() }
        let outcome = try scanner.scanDetailed(progress: progress.report)
        if !options.quiet {
            for note in outcome.notes { console.err("phasecert: note: \(note)\n") }
        }
        return outcome
    }
}
