import ArgumentParser
import Foundation
import PhaseModel
import Render
import Scan
import Score

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
        let repository = source.repository
        let (configuration, configFile) = try options.configuration(repository: repository, tree: source.tree, console: console)
        let outcome = try WorkspaceRun.scan(
            source: source, configuration: configuration, configFile: configFile, options: options, console: console)
        var scanned = outcome.workspace
        let unknown = phase.filter { id in !scanned.phases.contains { $0.id == id } }
        guard unknown.isEmpty else {
            throw UnknownPhaseError(phases: unknown, masterList: scanned.sources.masterList, known: scanned.phases.map(\.id))
        }
        if !files.isEmpty {
            scanned.claims = try claims(
                inFiles: files, workspace: scanned, outcome: outcome, configuration: configuration, source: source,
                console: console)
        }
        var workspace = Assessor(configuration: configuration).assess(scanned)
        if !phase.isEmpty {
            workspace.claims = workspace.claims(of: workspace.phases.filter { phase.contains($0.id) })
        }
        if json {
            console.out(String(decoding: try CanonicalJSON.encode(workspace), as: UTF8.self))
        } else if report.out != nil || report.format != nil {
            try writeReports(workspace: workspace, outcome: outcome, configuration: configuration, source: source, console: console)
        } else {
            console.out(AuditSummary.render(workspace.claims, all: all || options.verbose))
        }
        let broken = workspace.claims.contains { $0.verdict == .contradicted || $0.verdict == .inconsistent }
        return broken ? PhasecertMain.ExitCode.gateFailed : PhasecertMain.ExitCode.success
    }

    /// The audit report of each phase asked for: written under `--out`, else printed.
    private func writeReports(
        workspace: Workspace, outcome: WorkspaceScanner.Outcome, configuration: Configuration, source: ScanSource,
        console: Console
    ) throws {
        let repository = source.repository
        let locales = try report.locales(configuration: configuration)
        let formats = try report.formats(default: [.md, .html], allowed: [.md, .html, .codequality])
        let phases = try report.phases(in: workspace)
        // Snapshots and templates as of the commit read; the reports go to the real repository.
        let input = ReportRun.input(
            workspace: workspace, outcome: outcome, configuration: configuration, phases: phases, repository: source.tree,
            options: options, console: console)
        let renderer = try ReportRenderer(input: input, locales: locales, userFolder: ReportRun.templateFolder(repository: source.tree))
        var files = try ReportSet(renderer: renderer, locales: locales, formats: formats.filter { $0 != .codequality }, kinds: [.audit])
            .files(phases: phases)
        if formats.contains(.codequality) {
            files.append(try codeQuality(workspace: workspace, phases: phases, locale: locales.first ?? .en))
        }
        if report.out != nil {
            let folder = report.outputFolder(repository: repository, configuration: configuration, console: console)
            try ReportRun.write(files, to: folder, repository: repository, options: options, console: console)
        } else {
            for file in files { console.out(String(decoding: file.contents, as: UTF8.self)) }
        }
    }

    /// The Code Quality report of the findings that the claims about `phases` raise.
    private func codeQuality(workspace: Workspace, phases: [String], locale: ReportLocale) throws -> ReportFile {
        let findings = workspace.findings(of: phases.compactMap { workspace.phase($0) })
            .filter { FindingRule.claimVerdicts.contains($0.rule) }
        let data = try CodeQualityReport.data(findings, locale: locale, locator: FindingLocator(workspace: workspace))
        return ReportFile(path: "audit.codequality.json", contents: Array(data))
    }

    /// Claims of the given files, with file facts resolved in the tree read (the repository, or
    /// the commit `--at` named). A file inside the repository is named by its repository path,
    /// one outside by the path as given.
    private func claims(
        inFiles files: [String], workspace: Workspace, outcome: WorkspaceScanner.Outcome, configuration: Configuration,
        source: ScanSource, console: Console
    ) throws -> [Claim] {
        let repository = source.repository
        let ids = try TaskIDPattern(prefix: configuration.tasks.idPrefix, width: configuration.tasks.idWidth)
        let extractor = ClaimExtractor(ids: ids, tasks: workspace.tasks, phases: workspace.phases)
        var claims: [Claim] = []
        for file in files {
            let url = URL(fileURLWithPath: console.absolute(file))
            let shown = DisplayedPath.of(url.path, repository: repository, outside: file)
            switch TextFileReader.read(absolutePath: url.path, path: shown) {
            case let .success(text):
                claims += extractor.claims(inMarkdown: text.text, file: shown)
            case let .failure(problem):
                throw AuditInputError(file: file, problem: problem)
            }
        }
        let facts = ClaimFacts(
            tree: RepositoryTree(root: source.tree), tasks: workspace.tasks, phases: workspace.phases,
            history: outcome.history, association: outcome.association, workTree: outcome.workTree,
            repository: outcome.history == nil ? nil : source.repository)
        return facts.apply(to: claims)
    }
}

/// `--phase` named a phase the master list does not have: a usage error.
struct UnknownPhaseError: UserFacingError {
    var phases: [String]
    var masterList: String?
    var known: [String]
    /// Where the phase was named: an option, or the command for a positional argument.
    var context = "--phase"

    var exitCode: Int32 { PhasecertMain.ExitCode.usage }

    var description: String {
        let list = known.isEmpty ? "it has none" : "it has " + known.joined(separator: ", ")
        return "\(context): no phase \(phases.joined(separator: ", ")) in \(masterList ?? "the master list"); \(list)"
    }
}

/// A file given to `audit` that could not be read as text.
struct AuditInputError: UserFacingError {
    var file: String
    var problem: TextFileProblem

    var exitCode: Int32 { PhasecertMain.ExitCode.unreadableInput }

    var description: String {
        switch problem {
        case .binary: "\(file): holds binary data, not Markdown text"
        case let .tooLarge(bytes, limit): "\(file): \(bytes) bytes, over the \(limit)-byte limit for text"
        case let .unreadable(reason): "\(file): cannot be read: \(reason)"
        }
    }
}
