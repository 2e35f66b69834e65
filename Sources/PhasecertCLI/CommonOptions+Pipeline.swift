import PhaseModel
import PhasecertKit
import Render

/// What the commands read with `--at`; the library's type, named here as the commands use it.
typealias ScanSource = PhasecertKit.ScanSource

extension CommonOptions {
    /// The pipeline over `source`, with the configuration these options name and its notes and
    /// progress on the console's standard error.
    func pipeline(source: ScanSource, console: Console) throws -> Pipeline {
        let (configuration, file) = try configuration(repository: source.repository, tree: source.tree, console: console)
        return Pipeline(source: source, configuration: configuration, configurationFile: file, context: context(console))
    }

    /// Notes (not with `--quiet`) and progress on standard error; history workers started from
    /// the console's executable.
    func context(_ console: Console) -> PipelineContext {
        let progress = console.progress(quiet: quiet)
        let err = console.err
        var note: @Sendable (String) -> Void = { _ in }
        if !quiet { note = { message in err("phasecert: \(LocalizedText(message: "cli.note", ["message": .text(message)]).en)\n") } }
        return PipelineContext(
            executable: console.executable, searchPath: console.environment["PATH"], tool: console.version, note: note,
            progress: progress.report, finishProgress: progress.finish)
    }

    /// Writes `files` under `folder` and says so (each file with `--verbose`).
    func write(_ files: [ReportFile], to folder: String, repository: String, console: Console) throws {
        try ReportWriter.write(files, to: folder, repository: repository)
        sayWritten(files.map(\.path), to: folder, repository: repository, console: console)
    }

    /// Writes the rendered reports of `reports` under `folder` and remembers them for the next
    /// run, or, when the folder already held them, marks them as written now; and says so.
    func write(_ reports: ReportSetOutcome, to folder: String, repository: String, console: Console) throws {
        guard let kept = reports.kept else {
            try write(reports.files, to: folder, repository: repository, console: console)
            return reports.remember()
        }
        try ReportWriter.touch(kept, in: folder, repository: repository)
        sayWritten(kept, to: folder, repository: repository, console: console)
    }

    /// Says that the reports at `paths` are in `folder` (each path with `--verbose`).
    func sayWritten(_ paths: [String], to folder: String, repository: String, console: Console) {
        if !quiet {
            let shown = DisplayedPath.of(folder, repository: repository)
            let arguments: [String: MessageArgument] = ["count": .count(paths.count), "folder": .text(shown)]
            console.say(LocalizedText(message: "cli.wrote", arguments))
        }
        if verbose {
            for path in paths { console.err("  \(path)\n") }
        }
    }
}
