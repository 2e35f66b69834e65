import Foundation
import PhaseModel
import Render
import Scan
import Score

extension Pipeline {
    /// Stage 3's input for `phases`: the assessed workspace, each of their tasks' commits and
    /// files, and each phase's comparison with its previous snapshot. Snapshots are read from
    /// the tree read (as of the commit `--at` named); an unreadable one is a note, not an error.
    public func reportInput(_ assessment: Assessment, phases: [String]) -> ReportInput {
        let workspace = assessment.workspace
        // The earlier snapshots are read while the task histories are put together: read after
        // them, on one core, they left the other idle in `phase-close 1` on 100,000 commits
        // (Benchmarks/RESULTS-scale.md, twenty-first round). Their notes still come in phase order.
        let (tree, folder) = (source.tree, configuration.reports.folder)
        let lookups = BackgroundValue {
            phases.map { phase in
                Result { () throws(SnapshotStoreError) -> SnapshotLookup in
                    try SnapshotStore(root: tree, reportsFolder: folder, phaseID: phase)
                        .previous(excluding: workspace.phase(phase)?.certification?.id)
                }
            }
        }
        var histories: [String: TaskHistory] = [:]
        if let association = assessment.scan.association {
            // Task by task on every core: on 100,000 commits one phase's histories took a tenth of
            // a second of `phase-close 1` on one core while the other waited
            // (Benchmarks/RESULTS-scale.md, twenty-third round).
            var seen = Set<String>()
            let tasks = phases.flatMap { workspace.phase($0)?.tasks ?? [] }.filter { seen.insert($0).inserted }
            let built = tasks.concurrentMap(minimumPiece: 1) { association.history(for: $0) }
            histories = Dictionary(uniqueKeysWithValues: zip(tasks, built))
        }
        var comparisons: [String: PhaseComparison] = [:]
        for (phase, lookup) in zip(phases, lookups.take()) {
            switch lookup {
            case let .success(lookup):
                for problem in lookup.problems { context.note("\(problem)") }
                if let snapshot = lookup.snapshot {
                    comparisons[phase] = PhaseComparer.compare(previous: snapshot, current: workspace, phase: phase)
                }
            case let .failure(error):
                context.note(LocalizedText(message: "cli.note.no-comparison", ["phase": .text(phase), "detail": .text("\(error)")]).en)
            }
        }
        return ReportInput(
            workspace: workspace, configuration: configuration, histories: histories, comparisons: comparisons, tool: context.tool)
    }

    /// The renderer of `input`: the built-in templates, each replaced by the tree's
    /// `templates/<lang>/` file of the same name when there is one; `templates` when given.
    public func renderer(for input: ReportInput, locales: [ReportLocale], templates: [ReportTemplates]? = nil) throws -> ReportRenderer {
        ReportRenderer(input: input, templates: try templates ?? self.templates(locales))
    }

    /// The assessment of a scan whose claims get facts for `phases` (`scan(factsFor:)`,
    /// `assess(_:)`), and the templates of `locales` (`templates(_:)`), read while it scans:
    /// parsed after it, they kept one core idle in `phase-close 1` (Benchmarks/RESULTS-scale.md,
    /// twenty-second round). Their errors come when they are asked for, as they would have.
    public func assessment(
        factsFor phases: Set<String>?, templates locales: [ReportLocale]
    ) throws -> (assessment: Assessment, templates: @Sendable () throws -> [ReportTemplates]) {
        let templates = BackgroundValue { [self] in Result { try self.templates(locales) } }
        let assessment = try assess(scan(factsFor: phases))
        return (assessment, { try templates.value.get() })
    }

    /// The templates of `locales` a renderer uses: they depend on the tree alone, not on the
    /// scan, so a command may read them while it scans.
    public func templates(_ locales: [ReportLocale]) throws -> [ReportTemplates] {
        let folder = source.tree + "/templates"
        let userFolder = FileManager.default.fileExists(atPath: folder) ? folder : nil
        return try locales.map { try ReportTemplates(locale: $0, userFolder: userFolder) }
    }

    /// What `report` writes into `folder`: every report of `phases` in each locale and format,
    /// and `index.html` linking them and the phases `folder` already holds reports of.
    public func reports(
        _ assessment: Assessment, phases: [String], locales: [ReportLocale], formats: [ReportFormat], into folder: String
    ) throws -> [ReportFile] {
        try reportSet(assessment, phases: phases, locales: locales, formats: formats, into: folder, reuse: false).files
    }

    /// The reports `reports(...)` gives, or, when `reuse` and the command line's cache says that
    /// `folder` already holds exactly those reports (`ReportSetCache`), their paths alone, with
    /// nothing rendered.
    public func reportSet(
        _ assessment: Assessment, phases: [String], locales: [ReportLocale], formats: [ReportFormat], into folder: String,
        reuse: Bool = true
    ) throws -> ReportSetOutcome {
        let input = reportInput(assessment, phases: phases)
        let existing = Set(assessment.workspace.phases.map(\.id).filter {
            FileManager.default.fileExists(atPath: folder + "/" + PhaseSlug.folder(for: $0))
        })
        var outcome = ReportSetOutcome(files: [], kept: nil)
        if reuse, let salt = context.executable.flatMap(BuildIdentity.of),
            let cacheFolder = WorkspaceScanner.cacheFolder(repository: source.repository, configuration: configuration)
        {
            let templates = source.tree + "/templates"
            let request = ReportSetCache.Request(
                salt: salt, input: input, configuration: configuration,
                templates: FileManager.default.fileExists(atPath: templates) ? templates : nil, locales: locales, formats: formats,
                phases: phases, linked: existing, folder: folder)
            let cache = ReportSetCache(directory: cacheFolder.directory, boundary: cacheFolder.boundary)
            if let key = ReportSetCache.key(of: request) {
                if let kept = cache.reports(forKey: key, in: folder) { return ReportSetOutcome(files: [], kept: kept) }
                outcome.remembered = (cache, key)
            }
        }
        let renderer = try renderer(for: input, locales: locales)
        let renderedReports = reuse ? renderedReportReuse(into: folder) : nil
        outcome.renderedReports = renderedReports?.cache
        outcome.files = try ReportSet(renderer: renderer, locales: locales, formats: formats, reuse: renderedReports?.reuse)
            .files(phases: phases, linked: existing)
        return outcome
    }
}
