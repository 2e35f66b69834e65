import ArgumentParser
import PhasecertKit
import Render

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

            --format codequality adds GitLab Code Quality reports: <out>/phase-<id>/codequality.json per \
            phase and <out>/codequality.json for every phase written (for artifacts:reports:codequality). \
            --format badge adds <out>/phase-<id>/badge.json, a shields.io endpoint badge (phase, completion, \
            grade, colour by gate verdict). Neither is written unless asked for.

            Templates come built in; a templates/<lang>/ file of the same name in the repository replaces \
            the built-in one. Every file is rendered before any is written, and each is replaced atomically.

            With --at REV, reports on commit REV as it was (its tasks folder, evidence, phasecert.yml, \
            templates and history snapshots, and the history up to it) without checking it out; the reports \
            are written to --out, else to the reports folder of the repository's work tree.

            Exit codes: 0 written, 2 usage, configuration or template error (an unknown --at revision), \
            3 unreadable input or unwritable output.

            Example:
              phasecert report --phase 13 --lang ru --format md,html --out build/reports
              phasecert report --format codequality,badge --out build/ci
              phasecert report --at phase-13-certified --out build/reports-13
            """
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
        let files = try pipeline.reports(assessment, phases: phases, locales: locales, formats: formats, into: folder)
        try options.write(files, to: folder, repository: source.repository, console: console)
        return PhasecertMain.ExitCode.success
    }
}
