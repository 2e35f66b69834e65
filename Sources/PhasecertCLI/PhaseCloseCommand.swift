import ArgumentParser
import PhaseModel
import PhasecertKit
import Render
import Scan

/// `phasecert phase-close`: certify a phase — every report, a history snapshot, the gate verdict.
struct PhaseCloseCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase-close",
        abstract: "Close a phase: write all its reports and a history snapshot, and print the gate verdict.",
        discussion: """
            Scans and scores the repository, then writes every report of the phase in each configured \
            language and every format (completion, audit and task reports as Markdown and HTML, phase.json, \
            findings.sarif) under the reports folder, and the phase model as a history snapshot, \
            <reports>/.history/phase-<id>/<certification-id>.json. The "before / after" section of the \
            reports compares with the latest earlier snapshot: findings resolved and new, completion, \
            quality and test changes. Then it prints the gate verdict with each condition's actual value.

            --tag creates the annotated git tag phase-<id>-certified on HEAD, naming the certification id; \
            it refuses when the gate failed or the tag exists. The tagger is GIT_COMMITTER_NAME and \
            GIT_COMMITTER_EMAIL when set, else user.name and user.email from git config.

            --ci (or CI=true) adds output for the CI service: on GitHub Actions (GITHUB_ACTIONS=true, or --ci \
            where no service is named) a workflow annotation for each finding of the phase, and a Markdown \
            summary appended to $GITHUB_STEP_SUMMARY when that is set; on GitLab CI (GITLAB_CI=true) each \
            verdict in a log section and the findings as plain lines in a folded one, with no :: line. CI=true \
            alone, on another service, adds nothing.

            Exit codes: 0 every gate passed, 1 a gate failed, 2 usage or configuration error (also: the tag \
            exists), 3 unreadable input or unwritable output.

            Examples:
              phasecert phase-close 13 --tag
              phasecert phase-close --all --dry-run
            """
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The phase to close, as the master list numbers it (13, 14.6).", valueName: "phase"))
    var phase: String?

    @Flag(name: .long, help: "Close every phase and write index.html.")
    var all = false

    @Flag(name: .long, help: "Create the annotated tag phase-<id>-certified on HEAD when the gate passes.")
    var tag = false

    @Flag(name: .long, help: "Print the verdict and write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Add CI output: GitHub Actions annotations and step summary, or GitLab CI log sections (also when CI=true).")
    var ci = false

    func validate() throws {
        if all, phase != nil { throw PhaseCloseUsageError.phaseAndAll }
        if !all, phase == nil { throw PhaseCloseUsageError.noPhase }
        if all, tag { throw PhaseCloseUsageError.tagWithAll }
    }

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let pipeline = try options.pipeline(source: ScanSource(repository: repository), console: console)
        let locales = try ReportOptions.locales(nil, configuration: pipeline.configuration)
        let assessment = try pipeline.assess(pipeline.scan())
        let phases = try pipeline.phasesToClose(assessment, named: phase, all: all)
        // Checked before anything is written, so a refused tag leaves no reports behind.
        let tagging = try tag ? PhaseTagging(repository: repository, phase: phases[0], environment: console.environment) : nil
        let closing = try pipeline.close(assessment, phases: phases, all: all, locales: locales)
        let platform = CIPlatform.chosen(flag: ci, environment: console.environment)
        printVerdicts(of: closing, platform: platform, console: console)
        let folder = ReportOptions.reportsFolder(repository: repository, configuration: pipeline.configuration)
        try write(closing, to: folder, repository: repository, tagging: tagging, console: console)
        let shown = DisplayedPath.of(folder, repository: repository)
        try publish(closing, on: platform, reportsFolder: shown, locale: locales.first ?? .en, console: console)
        return closing.passed ? PhasecertMain.ExitCode.success : PhasecertMain.ExitCode.gateFailed
    }

    /// The CI output of `--ci` (or `CI=true`), for the platform the run is on.
    private func publish(_ closing: PhaseClosing, on platform: CIPlatform?, reportsFolder: String, locale: ReportLocale, console: Console) throws {
        guard let platform else { return }
        try CIOutput.publish(platform: platform, closing: closing, locale: locale, reportsFolder: reportsFolder, console: console, options: options)
    }

    /// Each closed phase's gate verdict, in its own log section on GitLab.
    private func printVerdicts(of closing: PhaseClosing, platform: CIPlatform?, console: Console) {
        let style = TerminalStyle(isTerminal: console.outputIsTerminal, environment: console.environment)
        for id in closing.phases {
            guard let record = closing.input.workspace.phase(id) else { continue }
            let verdict = PhaseCloseText.verdict(record, comparison: closing.input.comparisons[id], style: style)
            console.out(CIOutput.section(
                verdict, name: "phasecert_verdict_\(PhaseSlug.folder(for: id))", header: "phasecert: gate verdict of phase \(id)",
                platform: platform))
        }
    }

    /// Writes the reports and snapshots, then tags HEAD when asked; with `--dry-run` only checks
    /// that every file could be written.
    private func write(_ closing: PhaseClosing, to folder: String, repository: String, tagging: PhaseTagging?, console: Console) throws {
        guard !dryRun else {
            try ReportWriter.checkTargets(of: closing.files, in: folder, repository: repository)
            if !options.quiet {
                let shown = DisplayedPath.of(folder, repository: repository)
                console.err("phasecert: dry run: would write \(closing.files.count) files to \(shown)/; nothing was written\n")
            }
            return
        }
        try options.write(closing.files, to: folder, repository: repository, console: console)
        guard let tagging, let record = closing.input.workspace.phase(closing.phases[0]) else { return }
        guard let certification = try tagging.tag(record) else {
            console.err("phasecert: not tagged: the gate of phase \(record.id) failed\n")
            return
        }
        if !options.quiet {
            console.err("phasecert: tagged \(String(tagging.head.prefix(12))) as \(tagging.name) (\(certification.id))\n")
        }
    }
}

/// A `phase-close` command line that cannot be carried out.
enum PhaseCloseUsageError: UserFacingError, Equatable {
    case noPhase
    case phaseAndAll
    case tagWithAll

    var exitCode: Int32 { PhasecertMain.ExitCode.usage }

    var description: String {
        switch self {
        case .noPhase: "phase-close: name the phase to close (phase-close 13), or use --all"
        case .phaseAndAll: "phase-close: name one phase or use --all, not both"
        case .tagWithAll: "phase-close: --tag tags one phase; name it instead of using --all"
        }
    }
}
