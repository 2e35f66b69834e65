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
        abstract: "Check task folder names against <ID>-<slug>; --fix renames them (git-aware).",
        discussion: """
            Checks every folder under the tasks root (tasks.root): task folders must be named \
            <ID>-<lower-case-kebab-slug> with the id written canonically (tasks.idPrefix, zero-padded to \
            tasks.idWidth) and no status suffix such as -150pct unless tasks.allowedSuffixes allows it \
            (naming.noncanonical); one folder per id (naming.duplicate-id); every folder holds a task or \
            groups task folders (naming.no-id); every listed task has a folder (naming.missing-directory, info). \
            Prints the problems grouped, each with the canonical name to use; --format json, sarif or \
            codequality (GitLab Code Quality) for tools.

            --fix renames a folder only when its canonical name follows from its own name (the id's \
            spelling, the slug's case and separators); a status suffix, a missing slug and duplicates are \
            reported, never renamed, and an existing folder is never overwritten. It prints the plan, then \
            does it: inside a git work tree the index entries move with the folder (git shows a staged \
            rename); relative links in the repository's .md files that pointed into the old folder are \
            rewritten. A folder with uncommitted changes (modified, staged, deleted or untracked files) is \
            not renamed: it is listed as refused, with its files, and its violation stays. With --dry-run \
            only the plan is printed and nothing changes. With --format json or sarif the plan goes to \
            standard error (unless --quiet), and JSON also carries it, and what was done, as its "fix" object.

            --ci (or CI=true) adds CI output: on GitHub Actions (GITHUB_ACTIONS=true, or --ci where no \
            service is named) an annotation per violation (at most 10 per level); on GitLab CI \
            (GITLAB_CI=true) the text report in a log section, and no :: line.

            Exit codes: 0 no violation above info (after --fix: none left), 1 violations (after --fix: some \
            left, refused ones included), 2 usage or configuration error, 3 unreadable input, or a rename or \
            link rewrite that failed (the folder keeps one whole name, old or new, as the message says).

            Example:
              phasecert check-names
              phasecert check-names --fix --dry-run
              phasecert check-names --fix --format json > names.json
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Rename folders whose canonical name follows from their name, and rewrite links to them.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print the plan, change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Add CI output: a GitHub Actions annotation per violation, or a GitLab CI log section (also when CI=true).")
    var ci = false

    @Option(name: .long, help: ArgumentHelp("Output format: text, json, sarif or codequality.", valueName: "format"))
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, codequality
    }

    func validate() throws {
        if dryRun && !fix { throw ValidationError("--dry-run applies to --fix; add --fix to see the plan") }
    }

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let (configuration, configFile) = try options.configuration(repository: repository, console: console)
        let names = try FolderNames.check(repository: repository, configuration: configuration, configurationFile: configFile)
        guard var report = names.report else { return try noFolders(names, console: console) }
        if options.verbose {
            let folders = names.workspace.tasks.reduce(0) { $0 + $1.directories.count }
            console.err("phasecert: checked \(folders) task folders under \(report.tasksRoot)/\n")
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
            console.out("Layout \(names.layout): no task folders to check.\n")
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
            console.err("phasecert: note: \(skipped.path): links not checked: \(skipped.reason)\n")
        }
    }
}
