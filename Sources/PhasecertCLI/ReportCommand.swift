import ArgumentParser
import Foundation
import PhaseModel
import Render
import Scan
import Score

/// `phasecert report`: the completion, audit and task reports of each phase, written to files.
struct ReportCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the completion, audit and task reports of each phase.",
        discussion: """
            Scans and scores the repository, then writes for each phase, in each language: the completion \
            and certification report, the audit report and one report per task (Markdown and HTML), the \
            phase model (phase.json) and its findings as SARIF 2.1.0 (findings.sarif), plus index.html \
            linking every phase. Layout: <out>/phase-<id>/completion.<lang>.md, audit.<lang>.md, \
            tasks/<ID>.<lang>.md, phase.json, findings.sarif.

            Templates come built in; a templates/<lang>/ file of the same name in the repository replaces \
            the built-in one. Every file is rendered before any is written, and each is replaced atomically.

            Exit codes: 0 written, 2 usage, configuration or template error, 3 unreadable input or unwritable output.

            Example:
              phasecert report --phase 13 --lang ru --format md,html --out build/reports
            """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var report: ReportOptions

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let (configuration, configFile) = try options.configuration(repository: repository, console: console)
        let locales = try report.locales(configuration: configuration)
        let formats = try report.formats(default: ReportFormat.allCases)
        let outcome = try WorkspaceRun.scan(
            repository: repository, configuration: configuration, configFile: configFile, options: options, console: console)
        let phases = try report.phases(in: outcome.workspace)
        let workspace = Assessor(configuration: configuration).assess(outcome.workspace)
        let input = ReportRun.input(
            workspace: workspace, outcome: outcome, configuration: configuration, phases: phases, repository: repository,
            options: options, console: console)
        let renderer = try ReportRenderer(input: input, locales: locales, userFolder: ReportRun.templateFolder(repository: repository))
        let folder = report.outputFolder(repository: repository, configuration: configuration, console: console)
        let existing = Set(workspace.phases.map(\.id).filter {
            FileManager.default.fileExists(atPath: folder + "/" + PhaseSlug.folder(for: $0))
        })
        let files = try ReportSet(renderer: renderer, locales: locales, formats: formats).files(phases: phases, linked: existing)
        try ReportRun.write(files, to: folder, repository: repository, options: options, console: console)
        return PhasecertMain.ExitCode.success
    }
}
