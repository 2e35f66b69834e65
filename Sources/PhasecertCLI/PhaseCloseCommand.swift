import ArgumentParser
import PhaseModel
import PhasecertKit
import Render
import Scan

/// `phasecert phase-close`: certify a phase — every report, a history snapshot, the gate verdict.
struct PhaseCloseCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase-close",
        abstract: LocalizedText(message: "cli.phase-close.abstract").en,
        discussion: LocalizedText(message: "cli.phase-close.discussion").en
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp(LocalizedText(message: "cli.phase-close.phase.help").en, valueName: "phase"))
    var phase: String?

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.phase-close.all.help").en))
    var all = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.phase-close.tag.help").en))
    var tag = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.phase-close.dry-run.help").en))
    var dryRun = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.phase-close.ci.help").en))
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
        let (assessment, templates) = try pipeline.assessment(factsFor: all ? nil : phase.map { [$0] }, templates: locales)
        let phases = try pipeline.phasesToClose(assessment, named: phase, all: all)
        // Checked before anything is written, so a refused tag leaves no reports behind.
        let tagging = try tag ? PhaseTagging(repository: repository, phase: phases[0], environment: console.environment) : nil
        let folder = ReportOptions.reportsFolder(repository: repository, configuration: pipeline.configuration)
        let closing = try pipeline.close(assessment, phases: phases, all: all, locales: locales, rendering: !dryRun, into: folder, templates: templates())
        let platform = CIPlatform.chosen(flag: ci, environment: console.environment)
        printVerdicts(of: closing, platform: platform, console: console)
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
                verdict, name: "phasecert_verdict_\(PhaseSlug.folder(for: id))",
                header: "phasecert: " + LocalizedText(message: "cli.phase-close.verdict-header", ["phase": .text(id)]).en,
                platform: platform))
        }
    }

    /// Writes the reports and snapshots, then tags HEAD when asked; with `--dry-run` only checks
    /// that every file could be written.
    private func write(_ closing: PhaseClosing, to folder: String, repository: String, tagging: PhaseTagging?, console: Console) throws {
        guard !dryRun else {
            try ReportWriter.checkTargets(of: closing.paths, in: folder, repository: repository)
            if !options.quiet {
                let shown = DisplayedPath.of(folder, repository: repository)
                let arguments: [String: MessageArgument] = ["count": .count(closing.paths.count), "folder": .text(shown)]
                console.say(LocalizedText(message: "cli.phase-close.dry-run", arguments))
            }
            return
        }
        try options.write(closing.files, to: folder, repository: repository, console: console)
        closing.remember()
        guard let tagging, let record = closing.input.workspace.phase(closing.phases[0]) else { return }
        guard let certification = try tagging.tag(record) else {
            console.say(LocalizedText(message: "cli.phase-close.not-tagged", ["phase": .text(record.id)]))
            return
        }
        if !options.quiet {
            let arguments: [String: MessageArgument] = [
                "commit": .text(String(tagging.head.prefix(12))), "tag": .text(tagging.name), "certification": .text(certification.id),
            ]
            console.say(LocalizedText(message: "cli.phase-close.tagged", arguments))
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
        case .noPhase: LocalizedText(message: "error.phase-close.no-phase").en
        case .phaseAndAll: LocalizedText(message: "error.phase-close.phase-and-all").en
        case .tagWithAll: LocalizedText(message: "error.phase-close.tag-with-all").en
        }
    }
}
