import ArgumentParser
import PhaseModel
import PhasecertKit
import Scan
import Render

/// `phasecert scan`: the phase model as phasecert reads it.
struct ScanCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: LocalizedText(message: "cli.scan.abstract").en,
        discussion: LocalizedText(message: "cli.scan.discussion").en
    )

    @OptionGroup var options: CommonOptions

    @OptionGroup var revision: RevisionOptions

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.scan.json.help").en))
    var json = false

    func run(console: Console) throws -> Int32 {
        try ScanSource.with(repository: options.repository(in: console), at: revision.at) { source in
            try run(source, console: console)
        }
    }

    private func run(_ source: ScanSource, console: Console) throws -> Int32 {
        let pipeline = try options.pipeline(source: source, console: console)
        // JSON is written the same for the same repository state: a run on an unchanged one writes
        // what the last run wrote, without scanning (`ScanOutputCache`).
        let cache = json ? pipeline.scanOutputCache(request: "scan --json") : nil
        if let cache, let kept = cache.cache.kept(forKey: cache.key, repository: source.repository) {
            show(kept, from: cache.cache.outputFile, source: source, console: console)
            return 0
        }
        if options.verbose { console.say(LocalizedText(message: "cli.scan.scanning", ["source": .text(source.displayName)])) }
        try output(of: try pipeline.scan(), from: source, through: pipeline, keepingIn: cache, console: console)
        return 0
    }

    /// The scan's JSON, or its layout and summary. Handed the scan rather than sharing it: kept by
    /// the caller past the assessment, the scan's claims were a second copy of every claim beside
    /// the judged ones until the output was written.
    private func output(
        of scanned: consuming WorkspaceScanner.Outcome, from source: ScanSource, through pipeline: Pipeline,
        keepingIn cache: (cache: ScanOutputCache, key: String)?, console: Console
    ) throws {
        if json {
            try write(consume scanned, of: source, through: pipeline, keepingIn: cache, console: console)
        } else {
            show(pipeline.assess(consume scanned), console: console)
        }
    }

    /// The phase model as JSON; with a `cache`, kept there too (a cache that cannot be written
    /// only costs the next run time). What the kept output depends on is looked at (after the
    /// scan, as keeping needs) while the scan is assessed, and the kept copy is written while the
    /// output is: 56,683 paths and 147 MB on 100,000 commits of generated history.
    private func write(
        _ scanned: consuming WorkspaceScanner.Outcome, of source: ScanSource, through pipeline: Pipeline,
        keepingIn cache: (cache: ScanOutputCache, key: String)?, console: Console
    ) throws {
        // Vouching reads the history and the paths looked at; its copy of the scan holds no
        // claims, so that the assessment's judged claims replace the scan's rather than stand
        // beside them (38.8 MB of a cold scan's heap at 100,000 commits).
        var basis = copy scanned
        basis.workspace.claims = []
        let vouching = cache.map { [basis] cache in
            BackgroundValue { [repository = source.repository] in cache.cache.vouching(for: basis, repository: repository) }
        }
        let assessment = pipeline.assess(consume scanned)
        let remarks = Self.remarks(on: assessment.workspace)
        // Written a part at a time as it is made, never whole (`CanonicalJSON.stream`), and kept
        // as it is written.
        if let cache {
            try cache.cache.keep(
                key: cache.key, remarks: remarks, vouching: { vouching?.value }, emit: console.outBytes
            ) { write in
                try CanonicalJSON.stream(assessment.workspace, to: write)
            }
        } else {
            try CanonicalJSON.stream(assessment.workspace, to: console.outBytes)
        }
        say(remarks, console: console)
    }

    /// The layout and the summary table; then what is said on standard error.
    private func show(_ assessment: Assessment, console: Console) {
        if let layout = assessment.scan.layout { console.out(LayoutText.render(layout)) }
        console.out(ScanSummary.render(assessment.workspace))
        say(Self.remarks(on: assessment.workspace), console: console)
    }

    /// An output kept from the last run (in `file`), written as that run wrote it, and what that run said.
    private func show(_ kept: ScanOutputCache.Kept, from file: String, source: ScanSource, console: Console) {
        if options.verbose {
            let shown = DisplayedPath.of(file, repository: source.repository)
            console.say(LocalizedText(message: "cli.scan.kept", ["source": .text(source.displayName), "file": .text(shown)]))
        }
        kept.write(to: console.outBytes)
        say(kept.remarks, console: console)
    }

    /// The warnings of input that was skipped, and the counts `--verbose` says.
    private static func remarks(on workspace: Workspace) -> ScanOutputCache.Remarks {
        ScanOutputCache.Remarks(
            warnings: workspace.findings.filter { $0.rule.rawValue.hasPrefix("scan.") }.map { ControlText.neutralized($0.message.en) },
            counts: [workspace.phases.count, workspace.tasks.count, workspace.findings.count])
    }

    /// What goes to standard error after the output: warnings of skipped input with `--json`
    /// (standard output is for machines there) unless `--quiet`, and the counts with `--verbose`.
    private func say(_ remarks: ScanOutputCache.Remarks, console: Console) {
        if json, !options.quiet {
            for warning in remarks.warnings {
                console.say(LocalizedText(message: "cli.warning", ["message": .text(warning)]))
            }
        }
        if options.verbose, remarks.counts.count == 3 {
            let counts: [String: MessageArgument] = [
                "phases": .count(remarks.counts[0]), "tasks": .count(remarks.counts[1]), "findings": .count(remarks.counts[2]),
            ]
            console.say(LocalizedText(message: "cli.scan.counts", counts))
        }
    }
}
