import ArgumentParser
import PhaseModel
import PhasecertKit
import Render

/// `phasecert report`: the completion, audit and task reports of each phase, written to files.
struct ReportCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: LocalizedText(message: "cli.report.abstract").en,
        discussion: LocalizedText(message: "cli.report.discussion").en
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var revision: RevisionOptions

    func run(console: Console) throws -> Int32 {
        try ScanSource.with(repository: options.repository(in: console), at: revision.at) { source in
            try run(source, console: console)
        }
    }

    private func run(_ source: ScanSource, console: Console) throws -> Int32 {
        let pipeline = try options.pipeline(source: source, console: console)
        let locales = try report.locales(configuration: pipeline.configuration)
        let formats = try report.formats(default: ReportFormat.standard)
        let assessment = try pipeline.assess(pipeline.scan())
        let phases = try assessment.phases(named: report.phase)
        // Snapshots and templates as of the commit read; the reports go to the real repository.
        let folder = report.outputFolder(repository: source.repository, configuration: pipeline.configuration, console: console)
        let reports = try pipeline.reportSet(assessment, phases: phases, locales: locales, formats: formats, into: folder)
        try options.write(reports, to: folder, repository: source.repository, console: console)
        return PhasecertMain.ExitCode.success
    }
}
