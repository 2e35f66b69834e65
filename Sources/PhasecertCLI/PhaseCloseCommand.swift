import ArgumentParser
import Foundation
import PhaseModel
import Render
import Scan
import Score

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

    func run(console: Console) throws -> Int32 {
        try validateArguments()
        let repository = options.repository(in: console)
        let (configuration, configFile) = try options.configuration(repository: repository, console: console)
        let locales = try ReportOptions.locales(nil, configuration: configuration)
        let outcome = try WorkspaceRun.scan(
            repository: repository, configuration: configuration, configFile: configFile, options: options, console: console)
        let phases = try chosenPhases(in: outcome.workspace)
        let workspace = Assessor(configuration: configuration).assess(outcome.workspace)
        let tagging = try tag ? PhaseTagging(repository: repository, phase: phases[0], environment: console.environment) : nil

        let input = ReportRun.input(
            workspace: workspace, outcome: outcome, configuration: configuration, phases: phases, repository: repository,
            options: options, console: console)
        let renderer = try ReportRenderer(input: input, locales: locales, userFolder: ReportRun.templateFolder(repository: repository))
        let set = ReportSet(renderer: renderer, locales: locales, formats: ReportFormat.standard)
        let folder = ReportOptions.reportsFolder(repository: repository, configuration: configuration)
        var files: [ReportFile]
        if all {
            files = try set.files(phases: phases, linked: [])
        } else {
            files = try set.files(phase: phases[0])
        }
        files += snapshots(of: phases, in: workspace, files: files)

        let style = TerminalStyle(isTerminal: console.outputIsTerminal, environment: console.environment)
        let platform = CIPlatform.chosen(flag: ci, environment: console.environment)
        for id in phases {
            guard let record = workspace.phase(id) else { continue }
            let verdict = PhaseCloseText.verdict(record, comparison: input.comparisons[id], style: style)
            console.out(CIOutput.section(
                verdict, name: "phasecert_verdict_\(PhaseSlug.folder(for: id))", header: "phasecert: gate verdict of phase \(id)",
                platform: platform))
        }
        let passed = phases.allSatisfy { workspace.phase($0)?.gate?.passed ?? false }

        if dryRun {
            try ReportRun.checkTargets(of: files, in: folder, repository: repository)
            if !options.quiet {
                let shown = DisplayedPath.of(folder, repository: repository)
                console.err("phasecert: dry run: would write \(files.count) files to \(shown)/; nothing was written\n")
            }
        } else {
            try ReportRun.write(files, to: folder, repository: repository, options: options, console: console)
            if let tagging, let record = workspace.phase(phases[0]) {
                try tagging.tag(record, console: console, quiet: options.quiet)
            }
        }
        if let platform {
            try CIOutput.publish(
                platform: platform, phases: phases, input: input, locale: locales.first ?? .en,
                reportsFolder: DisplayedPath.of(folder, repository: repository), console: console, options: options)
        }
        return passed ? PhasecertMain.ExitCode.success : PhasecertMain.ExitCode.gateFailed
    }

    private func validateArguments() throws {
        if all, phase != nil { throw PhaseCloseUsageError.phaseAndAll }
        if !all, phase == nil { throw PhaseCloseUsageError.noPhase }
        if all, tag { throw PhaseCloseUsageError.tagWithAll }
    }

    private func chosenPhases(in workspace: Workspace) throws -> [String] {
        if all {
            guard !workspace.phases.isEmpty else { throw PhaseCloseUsageError.noPhases(masterList: workspace.sources.masterList) }
            return workspace.phases.map(\.id)
        }
        let id = phase ?? ""
        guard workspace.phase(id) != nil else {
            throw UnknownPhaseError(phases: [id], masterList: workspace.sources.masterList, known: workspace.phases.map(\.id), context: "phase-close")
        }
        return [id]
    }

    /// One history snapshot per phase: its `phase.json`, under the certification id.
    private func snapshots(of phases: [String], in workspace: Workspace, files: [ReportFile]) -> [ReportFile] {
        let models = Dictionary(
            files.filter { $0.path.hasSuffix("/phase.json") }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return phases.compactMap { id in
            let slug = PhaseSlug.folder(for: id)
            guard let certification = workspace.phase(id)?.certification, let model = models["\(slug)/phase.json"] else { return nil }
            return ReportFile(path: SnapshotStore.snapshotPath(phaseID: id, certificationID: certification.id), contents: model.contents)
        }
    }
}

/// A `phase-close` command line that cannot be carried out.
enum PhaseCloseUsageError: UserFacingError, Equatable {
    case noPhase
    case phaseAndAll
    case tagWithAll
    case noPhases(masterList: String?)

    var exitCode: Int32 { PhasecertMain.ExitCode.usage }

    var description: String {
        switch self {
        case .noPhase: "phase-close: name the phase to close (phase-close 13), or use --all"
        case .phaseAndAll: "phase-close: name one phase or use --all, not both"
        case .tagWithAll: "phase-close: --tag tags one phase; name it instead of using --all"
        case let .noPhases(masterList): "phase-close --all: \(masterList ?? "the master list") has no phases"
        }
    }
}
