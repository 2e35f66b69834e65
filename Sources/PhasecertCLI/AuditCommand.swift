import ArgumentParser
import PhaseModel
import PhasecertKit
import Render

/// `phasecert audit`: every figure people wrote, judged against the evidence.
struct AuditCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: LocalizedText(message: "cli.audit.abstract").en,
        discussion: LocalizedText(message: "cli.audit.discussion").en
    )

    @OptionGroup var options: CommonOptions

    /// `--phase`, `--lang`, `--format` (md, html) and `--out`, as `report` has them.
    @OptionGroup var report: ReportOptions

    var phase: [String] { report.phase }

    @OptionGroup var revision: RevisionOptions

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.audit.json.help").en))
    var json = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.audit.all.help").en))
    var all = false

    @Argument(help: ArgumentHelp(LocalizedText(message: "cli.audit.files.help").en, valueName: "file"))
    var files: [String] = []

    func run(console: Console) throws -> Int32 {
        try ScanSource.with(repository: options.repository(in: console), at: revision.at) { source in
            try run(source, console: console)
        }
    }

    private func run(_ source: ScanSource, console: Console) throws -> Int32 {
        let pipeline = try options.pipeline(source: source, console: console)
        let given = files.map { AuditedFile(path: console.absolute($0), given: $0) }
        let assessment = try pipeline.audit(pipeline.scan(), phases: phase, files: given)
        if json {
            console.out(String(decoding: try CanonicalJSON.encode(assessment.workspace), as: UTF8.self))
        } else if report.out != nil || report.format != nil {
            try writeReports(assessment, pipeline: pipeline, console: console)
        } else {
            console.out(AuditSummary.render(assessment.workspace.claims, all: all || options.verbose))
        }
        return assessment.hasBrokenClaims ? PhasecertMain.ExitCode.gateFailed : PhasecertMain.ExitCode.success
    }

    /// The audit report of each phase asked for: written under `--out`, else printed.
    private func writeReports(_ assessment: Assessment, pipeline: Pipeline, console: Console) throws {
        let locales = try report.locales(configuration: pipeline.configuration)
        let formats = try report.formats(default: [.md, .html], allowed: [.md, .html, .codequality])
        let phases = try assessment.phases(named: report.phase)
        // Snapshots and templates as of the commit read; the reports go to the real repository.
        let files = try pipeline.auditReports(assessment, phases: phases, locales: locales, formats: formats)
        guard report.out != nil else {
            for file in files { console.out(String(decoding: file.contents, as: UTF8.self)) }
            return
        }
        let repository = pipeline.source.repository
        let folder = report.outputFolder(repository: repository, configuration: pipeline.configuration, console: console)
        try options.write(files, to: folder, repository: repository, console: console)
    }
}
