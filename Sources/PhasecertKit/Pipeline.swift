import Foundation
import PhaseModel
import Scan
import Score

/// phasecert's one pipeline, `scan → assess → render`, as every command runs it.
///
/// A pipeline reads one `ScanSource` with one configuration. Each stage is a method that takes
/// the previous stage's result, so a command computes each stage once and hands the result on:
///
///     let pipeline = Pipeline(source: source, configuration: configuration, context: context)
///     let assessment = try pipeline.assess(pipeline.scan())
///     let files = try pipeline.reports(assessment, phases: ["13"], locales: [.en], formats: [.md])
public struct Pipeline: Sendable {
    /// What is read: the repository's work tree, or a commit's tree.
    public var source: ScanSource
    public var configuration: Configuration
    /// The repository-relative path the configuration came from; `nil` for the defaults.
    public var configurationFile: String?
    public var context: PipelineContext

    public init(source: ScanSource, configuration: Configuration, configurationFile: String? = nil, context: PipelineContext = .init()) {
        self.source = source
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.context = context
    }

    /// The configuration of `repository`, and the path it is named by (`nil` for the defaults):
    /// the file at `file` (absolute) when given, else `phasecert.yml` in `tree` (the repository
    /// itself, or the commit's tree that `--at` exported) when it has one.
    public static func configuration(file: String?, repository: String, tree: String? = nil) throws -> (Configuration, String?) {
        if let file {
            let shown = DisplayedPath.of(file, repository: repository)
            return (try ConfigurationLoader.load(fileAt: file, displayPath: shown), shown)
        }
        let conventional = (tree ?? repository) + "/phasecert.yml"
        guard FileManager.default.fileExists(atPath: conventional) else { return (Configuration(), nil) }
        return (try ConfigurationLoader.load(fileAt: conventional, displayPath: "phasecert.yml"), "phasecert.yml")
    }

    /// Stage 1: the workspace as read, with the history it was read from. Throws only when input
    /// the scan cannot do without is missing; every other problem is a finding.
    ///
    /// With `phases`, only the claims those phases own get the facts of files and history: what a
    /// command shows of those phases alone is the same, and the other claims' facts are not
    /// worked out (`WorkspaceScanner.factsPhases`).
    public func scan(factsFor phases: Set<String>? = nil) throws -> WorkspaceScanner.Outcome {
        let repository = source.repository
        let worker = context.executable.map {
            HistoryScanner.WorkerCommand(executable: $0, arguments: ["history-worker", "--repo", repository])
        }
        // The command line only (the process that can start workers): a library caller counts
        // with libgit2 unless it asks for git, so that its figures do not depend on a PATH.
        let git = context.executable == nil ? nil : ExecutableLocator.executable(named: "git", path: context.searchPath).map {
            GitLogCounting(executable: $0.path)
        }
        var helm: URL?
        if configuration.evidence.runHelm {
            helm = HelmLocator.executable(path: context.searchPath)
            if helm == nil { context.note(LocalizedText(message: "cli.note.no-helm").en) }
        }
        let scanner = WorkspaceScanner(
            repository: source.tree, configuration: configuration, configurationFile: configurationFile, historyWorker: worker, historyGit: git,
            helm: helm, historyRepository: source.commit == nil ? nil : repository, revision: source.commit,
            claimCacheSalt: context.executable.flatMap(BuildIdentity.of), factsPhases: phases)
        defer { context.finishProgress() }
        let outcome = try scanner.scanDetailed(progress: context.progress)
        for note in outcome.notes { context.note(note) }
        if context.executable != nil {
            // A process that can start workers is the command line, which ends right after the
            // command: tearing down a history of 100,000 commits object by object would only
            // delay that, so it is left to the exit. Its claims are not kept here: the assessment
            // takes them, to judge them in place (`assess`).
            var kept = outcome
            kept.workspace.claims = []
            _ = Unmanaged.passRetained(KeptUntilExit(kept))
        }
        // What the scan's stages built for themselves is freed by now; the report stages come next.
        FreedMemory.giveBack()
        return outcome
    }

    /// Stage 2: the scanned workspace scored — findings, verdicts, gates and certifications; of
    /// the phases the scan gave facts for when it named them (`scan(factsFor:)`).
    public func assess(_ scanned: consuming WorkspaceScanner.Outcome) -> Assessment {
        // The scored workspace holds the claims (judged); kept in the scan as well, they had been
        // a second copy of every claim for the rest of the run.
        let workspace = scanned.workspace
        scanned.workspace.claims = []
        let phases = scanned.factsPhases
        let assessed = Assessor(configuration: configuration).assess(consume workspace, phases: phases)
        return Assessment(scan: scanned, workspace: assessed)
    }

    private final class KeptUntilExit {
        let value: WorkspaceScanner.Outcome
        init(_ value: WorkspaceScanner.Outcome) { self.value = value }
    }
}
