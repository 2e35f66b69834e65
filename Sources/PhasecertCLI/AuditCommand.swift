import ArgumentParser
import PhaseModel
import PhasecertKit
import Render

/// `phasecert audit`: every figure people wrote, judged against the evidence.
struct AuditCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the figures written in the master list, task documents, reports and commit subjects.",
        discussion: """
            Scans and scores the repository, extracts every claimed figure (test counts, lines of code, \
            file counts, deliverables, commit ids, coverage, n/m = p% ratios, table totals and averages, \
            completion, quality, grades, dates, durations) and judges each: verified, contradicted \
            (the evidence says otherwise), inconsistent (the document contradicts itself) or unverifiable. \
            Quality percentages and grades from other models are shown beside phasecert's own, not judged.

            With --format md or html, prints the audit report of each phase (claimed | verified | discrepancy \
            | verdict) instead of the summary; with --out DIR, writes it as DIR/phase-<id>/audit.<lang>.md and .html. \
            --format codequality prints the findings the claims raise (contradicted, inconsistent and \
            unverifiable claims, missing deliverables) as a GitLab Code Quality report; with --out DIR, writes \
            it as DIR/audit.codequality.json.

            With files, audits those Markdown files instead of the repository's own documents, against \
            the repository's evidence; they may lie outside the repository.

            With --at REV, audits commit REV as it was (its documents, evidence and phasecert.yml, and the \
            history up to it) without checking it out; files given are still read from where they are now.

            Exit codes: 0 no claim contradicted or inconsistent, 1 some claim is, 2 usage or configuration \
            error (an unknown --at revision), 3 unreadable input.

            Example:
              phasecert audit --phase 13
              phasecert audit docs/PHASE-13-SUMMARY.md --all
              phasecert audit --phase 13 --lang ru --format md,html --out reports
              phasecert audit --at HEAD~20 --all
              phasecert audit --format codequality > gl-code-quality-report.json
            """
    )

    @OptionGroup var options: CommonOptions

    /// `--phase`, `--lang`, `--format` (md, html) and `--out`, as `report` has them.
    @OptionGroup var report: ReportOptions

    var phase: [String] { report.phase }

    @OptionGroup var revision: RevisionOptions

    @Flag(name: .long, help: "Print the assessed phase model as JSON, claims and findings included.")
    var json = false

    @Flag(name: .long, help: "List every claim, not only contradicted and inconsistent ones.")
    var all = false

    @Argument(help: ArgumentHelp("Markdown files to audit (default: the repository's own documents).", valueName: "file"))
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
