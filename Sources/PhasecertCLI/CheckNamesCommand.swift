import ArgumentParser
import Foundation
import PhaseModel
import PhasecertKit
import Render
import Scan
import TaskNaming

/// `phasecert check-names`: task folder names against `<ID>-<slug>`, and `--fix` to rename them.
struct CheckNamesCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-names",
        abstract: LocalizedText(message: "cli.check-names.abstract").en,
        discussion: LocalizedText(message: "cli.check-names.discussion").en
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.check-names.fix.help").en))
    var fix = false

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(LocalizedText(message: "cli.check-names.dry-run.help").en))
    var dryRun = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.check-names.ci.help").en))
    var ci = false

    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.check-names.format.help").en, valueName: "format"))
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, codequality
    }

    func validate() throws {
        if dryRun && !fix { throw ValidationError(LocalizedText(message: "error.check-names.dry-run-without-fix").en) }
    }

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let (configuration, configFile) = try options.configuration(repository: repository, console: console)
        let names = try FolderNames.check(repository: repository, configuration: configuration, configurationFile: configFile)
        guard var report = names.report else { return try noFolders(names, console: console) }
        if options.verbose {
            let folders = names.workspace.tasks.reduce(0) { $0 + $1.directories.count }
            console.say(LocalizedText(message: "cli.check-names.checked", ["count": .count(folders), "root": .text(report.tasksRoot)]))
        }
        let fixed = try fix ? renameFolders(report, tree: names.tree, console: console) : nil
        report = fixed?.report ?? report
        try show(report, fixed: fixed, workspace: names.workspace, console: console)
        if fixed?.failed == true { return PhasecertMain.ExitCode.unreadableInput }
        return report.fails ? PhasecertMain.ExitCode.gateFailed : PhasecertMain.ExitCode.success
    }

    /// Flat task files, a list whose tasks have no folders, or no plan at all: nothing to check.
    private func noFolders(_ names: FolderNames, console: Console) throws -> Int32 {
        if format == .text {
            console.out(LocalizedText(message: "cli.check-names.no-folders", ["layout": .text("\(names.layout)")]).en + "\n")
        } else {
            let empty = NameReport(tasksRoot: names.workspace.sources.tasksRoot, violations: [])
            console.out(try document(empty, fix: nil, workspace: names.workspace, console: console))
        }
        return PhasecertMain.ExitCode.success
    }

    /// `--fix`: the plan shown, then carried out unless `--dry-run`.
    private func renameFolders(_ report: NameReport, tree: RepositoryTree, console: Console) throws -> FixRun {
        let run = try NameFixer(tree: tree).run(report, dryRun: dryRun) { plan in
            note(plan, console: console)
            show(NameCheckText.plan(plan, dryRun: dryRun), console: console)
        }
        if let outcome = run.outcome, !run.plan.renames.isEmpty { show(NameCheckText.outcome(outcome), console: console) }
        return run
    }

    /// The report in the format asked for, with CI output.
    private func show(_ report: NameReport, fixed: FixRun?, workspace: Workspace, console: Console) throws {
        let platform = CIPlatform.chosen(flag: ci, environment: console.environment)
        if format == .text {
            let text = NameCheckText.report(report)
            console.out(CIOutput.section(text, name: "phasecert_check_names", header: "phasecert check-names", platform: platform))
        } else {
            console.out(try document(report, fix: fixed, workspace: workspace, console: console))
        }
        if platform == .gitHubActions {
            // The runner reads workflow commands from either stream; a JSON or SARIF document keeps
            // standard output to itself.
            let findings = report.violations.map(\.finding)
            for line in GitHubAnnotations.commands(for: findings, locale: .en, detailsPath: nil) {
                if format == .text { console.out(line + "\n") } else { console.err(line + "\n") }
            }
        }
    }

    /// `report` as the JSON, SARIF or Code Quality document `--format` asks for.
    private func document(_ report: NameReport, fix: FixRun?, workspace: Workspace, console: Console) throws -> String {
        let locator = FindingLocator(workspace: workspace)
        let data: Data
        switch format {
        case .text, .json: data = try NameCheckJSON.render(report, fix: fix)
        case .sarif: data = try NameCheckSARIF.render(report, tool: console.version, locator: locator)
        case .codequality: data = try CodeQualityReport.data(report.violations.map(\.finding), locator: locator)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The plan and what was done: on standard output beside the text report, else on standard
    /// error, which keeps a JSON or SARIF document alone on standard output.
    private func show(_ text: String, console: Console) {
        if format == .text {
            console.out(text)
        } else if !options.quiet {
            console.err(text)
        }
    }

    private func note(_ plan: FixPlan, console: Console) {
        guard !options.quiet else { return }
        for skipped in plan.skippedFiles {
            let arguments: [String: MessageArgument] = ["path": .text(skipped.path), "reason": .text(skipped.reason.description)]
            console.say(LocalizedText(message: "cli.check-names.links-not-checked", arguments))
        }
    }
}
