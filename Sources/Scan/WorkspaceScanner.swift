import Foundation
import PhaseModel
import TextSupport

/// Reads a repository into a `Workspace`: the master list, the task folders and what they
/// hold, and the git history behind them.
public struct WorkspaceScanner: Sendable {
    public let tree: RepositoryTree
    public let configuration: Configuration
    /// Repository-relative path of the configuration file that was read, if any.
    public let configurationFile: String?
    /// How to start history worker processes; `nil` counts history in this process.
    public let historyWorker: HistoryScanner.WorkerCommand?
    /// Git to count the history's changes with (`HistoryScanner.gitLog`).
    public let historyGit: GitLogCounting?
    /// The `helm` executable to validate charts with (when `evidence.runHelm` asks and one was found).
    public let helm: URL?
    /// The repository whose git folder the history is read from, when the files are read from
    /// elsewhere (a commit's tree exported for `--at`); `nil`: the repository itself.
    public let historyRepository: String?
    /// The commit the history starts from instead of HEAD (a full id); `nil`: HEAD.
    public let revision: String?
    /// The identity of the phasecert build that scans, which the claims of documents are cached
    /// under beside the history cache (`DocumentClaimCache`); `nil` extracts every document anew.
    public let claimCacheSalt: String?
    /// The phases whose claims get the facts of files and history (`ClaimFacts`); `nil`: every
    /// claim. A command that reports on these phases alone names them: the other claims are left
    /// out (but those written on a line with one of theirs, which are kept as written), since what
    /// it reports shows only the claims a phase owns (`PhaseMembership`), and the facts kept for
    /// whole scans are neither used nor replaced.
    public let factsPhases: Set<String>?

    public init(
        repository: String, configuration: Configuration = Configuration(), configurationFile: String? = nil,
        historyWorker: HistoryScanner.WorkerCommand? = nil, historyGit: GitLogCounting? = nil, helm: URL? = nil,
        historyRepository: String? = nil, revision: String? = nil, claimCacheSalt: String? = nil,
        factsPhases: Set<String>? = nil
    ) {
        self.factsPhases = factsPhases
        self.tree = RepositoryTree(root: repository, log: PathLog())
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.historyWorker = historyWorker
        self.historyGit = historyGit
        self.helm = helm
        self.historyRepository = historyRepository
        self.revision = revision
        self.claimCacheSalt = claimCacheSalt
    }

    /// What a scan produced beyond the model: the history it read and remarks for the user.
    public struct Outcome: Sendable {
        public var workspace: Workspace
        /// `nil` when the repository is not a git repository.
        public var history: History?
        public var association: TaskAssociation?
        /// Remarks that are not findings (a rebuilt cache, …), for standard error.
        public var notes: [String]
        /// Which layout the plan was read in, from which files and why.
        public var layout: LayoutChoice?
        /// The work tree's files, as the scan walked them.
        public var workTree: [String] = []
        /// When the scan began, in seconds since 1970: a file changed after that may have been
        /// read as it was before or after the change.
        public var startedAt: Double = 0
        /// Every repository-relative path the scan looked at (`PathLog`), in byte order, but the
        /// git folder: what the scan reads from it is read through git, from HEAD.
        public var lookedAt: [String] = []
        /// The phases whose claims alone got facts and were kept (`WorkspaceScanner.factsPhases`);
        /// `nil`: every claim.
        public var factsPhases: Set<String>?
    }

    /// Scans the repository. Throws only when input the scan cannot do without is missing;
    /// every other problem becomes a finding and the scan goes on.
    public func scan() throws -> Workspace {
        try scanDetailed().workspace
    }

    /// Scans the repository and keeps the history it read. `progress` receives status lines
    /// during long work.
    public func scanDetailed(progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> Outcome {
        let startedAt = Date().timeIntervalSince1970
        let ids = try checkedIDs()
        let writes = BackgroundWrites()

        var findings: [Finding] = []
        // The history (mostly the cache, on a second run) is read while the plan is.
        let pending = BackgroundValue { [self] in Result { try readHistory(progress: progress, writes: writes) } }
        // The work-tree walk is shared: layouts look for plans in it, claim extraction picks the
        // existing reports out of it, evidence is read from it.
        let files = WorkTreeFiles(
            tree: tree, reportsFolder: configuration.reports.folder, include: configuration.evidence.include.map(Glob.init))
        let evidence = PendingEvidence()
        let evidenceGroup = DispatchGroup()
        // At lower priority: the history read and the task figures built on it are the longer path.
        DispatchQueue.global(qos: .utility).async(group: evidenceGroup) { [self] in
            evidence.collection = EvidenceCollector(tree: tree, configuration: configuration, helm: helm, cache: evidenceCache())
                .collect(files, progress: progress)
        }
        let layout: (choice: LayoutChoice, reading: LayoutReading)
        do {
            layout = try resolveLayout(ids: ids, workTree: files.paths)
        } catch {
            _ = pending.value
            evidenceGroup.wait()
            _ = writes.finish()
            throw error
        }
        let reading = layout.reading
        let masterList = reading.masterList
        findings += reading.findings
        var tasks = assemble(reading)
        var phases = masterList?.phases ?? []

        // Claims in documents need the tasks and phases, not the history: read them while it loads.
        let claimCache = claimCache()
        let claimReader = WorkspaceClaimReader(
            tree: tree, configuration: configuration,
            extractor: ClaimExtractor(ids: reading.ids, tasks: tasks, phases: phases))
        var documentClaims = claimReader.documentClaims(
            masterList: masterList, tasks: tasks, workTree: files.paths, texts: reading.texts, cache: claimCache)
        findings += documentClaims.findings

        let history: History?
        do {
            history = try pending.value.get()
        } catch {
            evidenceGroup.wait()
            _ = writes.finish()
            throw error
        }
        // What reading the history freed goes back before the facts' lookups are built beside it.
        if let history, history.commits.count - history.cachedCommits >= 1_000 { FreedMemory.giveBack() }
        // The history's own summary needs nothing else: worked out while tasks are linked to it.
        let historySummary = history.map { history in BackgroundValue { TaskAssociation.summary(of: history) } }
        // A scan focused on some phases works their facts out whatever facts were kept: the
        // history's indices the facts look things up in are built meanwhile, on other threads.
        let indices = factsPhases == nil ? nil : history.map { history in
            BackgroundValue { [paths = files.paths] in HistoryIndices(of: history, workTree: paths) }
        }
        // A commit subject's claims need only the history: after new commits (a cold run, or one
        // after new commits) they are read while the tasks are linked to the history and the
        // facts' key is worked out, since the kept facts cannot then be the last run's.
        let runCache = history == nil || historyRepository != nil ? nil : claimCache
        let subjectCache = runCache.map(SubjectClaimCache.init(beside:))
        let subjects = history.flatMap { history in
            history.cachedCommits < history.commits.count
                ? BackgroundValue { claimReader.subjectClaims(of: history, cache: subjectCache) } : nil
        }
        var association: TaskAssociation?
        if let history {
            let linked = TaskAssociation(history: history, references: references(for: reading, tasks: tasks, phases: phases))
            let summaries = linked.summaries(for: tasks.map(\.id))
            for index in tasks.indices {
                let summary = summaries[index]
                // In a shallow clone a task whose commits are not there has no evidence, not zero commits.
                tasks[index].git = history.isShallow && summary.commits == 0 ? nil : summary
            }
            if reading.readsPhaseCommits {
                for index in phases.indices { phases[index].git = linked.summary(forPhase: phases[index]) }
            }
            findings += history.findings
            association = linked
        } else {
            findings.append(GitFindings.noRepository())
        }
        // Evidence is linked to the tasks and phases while the claims' facts are worked out: it
        // needs the tasks, the phases and the files their commits changed, never the claims.
        // Linked on the main thread after the facts, it was a tenth of `phase-close 1` after a new
        // commit on 100,000 commits, with the other core idle (Benchmarks/RESULTS-scale.md,
        // twentieth round).
        let pathsByTask = association.map { linked in
            Dictionary(tasks.map { ($0.id, linked.pathSet(for: $0.id)) }) { first, _ in first }
        }
        let linking = BackgroundValue { [tasks, phases, configurationFile] in
            // Task figures from git were computed while evidence was still being read; linking needs both.
            evidenceGroup.wait()
            return EvidenceLinker(collection: evidence.collection ?? EvidenceCollection(), pathsByTask: pathsByTask).link(Workspace(
                sources: .init(tasksRoot: reading.tasksRoot, masterList: reading.masterListFile, config: configurationFile),
                phases: phases, tasks: tasks, findings: []))
        }
        // A commit's tree exported for `--at` is read from a new folder each run: nothing to keep.
        // Handed over, not shared: the array is joined with the subjects' and changed in place.
        let claimsOfDocuments = documentClaims.claims
        documentClaims.claims = []
        let allClaims = claimReader.allClaims(
            documentClaims: consume claimsOfDocuments, history: history,
            facts: ClaimFacts(
                tree: tree, tasks: tasks, phases: phases, history: history, association: association, workTree: files.paths,
                repository: history == nil ? nil : historyRepository ?? tree.root, indices: indices),
            factsCache: runCache.map(ClaimFactsCache.init(beside:)), subjectCache: subjectCache, writes: writes,
            subjects: subjects, needsFacts: factsPhases.map { Self.owned(by: $0, among: phases, wholeRepository: reading.isWholeRepository) })
        var claims = allClaims.claims
        findings += allClaims.findings
        if reading.isWholeRepository {
            // One scope: what belongs to no task and no phase belongs to the repository's.
            for index in claims.indices where claims[index].task == nil && claims[index].phase == nil {
                claims[index].phase = ReportsOnlyLayout.scopeID
            }
            for index in findings.indices where findings[index].task == nil && findings[index].phase == nil {
                findings[index].phase = ReportsOnlyLayout.scopeID
            }
        }
        // The linked workspace, with what the scan found before the linker's findings.
        var workspace = linking.take()
        workspace.git = historySummary?.value
        workspace.findings = findings + workspace.findings
        workspace.claims = consume claims
        workspace.claimTexts = masterList?.claimTexts ?? []
        workspace.claimsNotKept = allClaims.notKept
        if reading.isWholeRepository, let tests = workspace.tests {
            // The one scope is the whole repository: every result counts for it, linked or not.
            for index in workspace.phases.indices where workspace.phases[index].id == ReportsOnlyLayout.scopeID {
                workspace.phases[index].tests = TestEvidence(tests.counts, defined: tests.defined)
            }
        }
        // The caches are on disk before the scan returns, as if written in line (the subjects'
        // cache among them, when the kept facts made their claims unneeded).
        subjects?.wait()
        let notes = (history?.notes ?? []) + writes.finish()
        return Outcome(
            workspace: workspace, history: history, association: association, notes: notes,
            layout: layout.choice, workTree: files.paths, startedAt: startedAt,
            lookedAt: (tree.log?.paths ?? []).filter { path in !path.split(separator: "/").contains(".git") },
            factsPhases: factsPhases)
    }

    /// Whether a claim belongs to one of the phases with these ids, by the rule reports go by
    /// (`Phase.owns(task:phase:)`), after a whole repository's scope takes what no task or phase has.
    static func owned(by ids: Set<String>, among phases: [Phase], wholeRepository: Bool) -> (Claim) -> Bool {
        let owners = phases.filter { ids.contains($0.id) }
        return { claim in
            let phase = wholeRepository && claim.task == nil && claim.phase == nil ? ReportsOnlyLayout.scopeID : claim.phase
            return owners.contains { $0.owns(task: claim.task, phase: phase) }
        }
    }

    /// The evidence read on another thread, handed over once that thread is done.
    private final class PendingEvidence: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: EvidenceCollection?
        var collection: EvidenceCollection? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    /// The plan alone — layout, phases, tasks and their folders — without git history, evidence or
    /// claims: what checks of task folder names need, at a fraction of a full scan's cost.
    public func scanTasks() throws -> Workspace {
        try scanPlan().workspace
    }

    /// The plan alone, with the layout it was read in.
    public func scanPlan() throws -> (workspace: Workspace, layout: LayoutChoice) {
        let ids = try checkedIDs()
        // The work tree is walked only when the plan has to be found by content.
        let (tree, configuration) = (self.tree, self.configuration)
        let (choice, reading) = try Layouts.resolve(LayoutContext(tree: tree, configuration: configuration, ids: ids) {
            Self.markdown(in: WorkTreeFiles(tree: tree, reportsFolder: configuration.reports.folder).paths)
        })
        let workspace = Workspace(
            sources: .init(tasksRoot: reading.tasksRoot, masterList: reading.masterListFile, config: configurationFile),
            git: nil, phases: reading.masterList?.phases ?? [], tasks: assemble(reading), findings: reading.findings,
            claims: [], claimTexts: reading.masterList?.claimTexts ?? [])
        return (workspace, choice)
    }

    /// The configured id pattern, once the repository is known to exist.
    private func checkedIDs() throws -> TaskIDPattern {
        guard tree.isDirectory("") else { throw ScanError.repositoryMissing(path: tree.root) }
        return try TaskIDPattern(prefix: configuration.tasks.idPrefix, width: configuration.tasks.idWidth)
    }

    private func resolveLayout(ids: TaskIDPattern, workTree: [String]) throws -> (choice: LayoutChoice, reading: LayoutReading) {
        try Layouts.resolve(
            LayoutContext(tree: tree, configuration: configuration, markdownFiles: Self.markdown(in: workTree), ids: ids))
    }

    private static func markdown(in paths: [String]) -> [String] {
        paths.filter { path in
            let lower = path.lowercased()
            return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
        }
    }

    /// How commits name the tasks and phases of the layout read.
    private func references(for reading: LayoutReading, tasks: [TaskRecord], phases: [Phase]) -> TaskReferences {
        let known = Set(tasks.map(\.id))
        guard reading.readsPhaseCommits else { return .prefixed(reading.ids, tasks: known) }
        var names: [String: String] = [:]
        for phase in phases {
            for name in TaskReferences.names(
                ofPhase: phase.id, folder: reading.phaseFolders[phase.id], isFeature: reading.phasesAreFeatures)
            where names[name] == nil {
                names[name] = phase.id
            }
        }
        return TaskReferences(
            style: reading.references, ids: reading.ids, tasks: known, phaseNames: names,
            phasesAreFeatures: reading.phasesAreFeatures)
    }

    /// The cache of document claims, in the history cache's folder; `nil` without a salt or a git repository.
    private func claimCache() -> DocumentClaimCache? {
        guard let claimCacheSalt, let folder = Self.cacheFolder(repository: historyRepository ?? tree.root, configuration: configuration)
        else { return nil }
        return DocumentClaimCache(directory: folder.directory, boundary: folder.boundary, salt: claimCacheSalt)
    }

    /// The cache of what evidence files held, in the history cache's folder; `nil` without a salt,
    /// outside a git repository, or for a tree exported from a commit (its files are new each run).
    private func evidenceCache() -> EvidenceCache? {
        guard let claimCacheSalt, historyRepository == nil, let folder = Self.cacheFolder(repository: tree.root, configuration: configuration)
        else { return nil }
        return EvidenceCache(directory: folder.directory, boundary: folder.boundary, salt: claimCacheSalt)
    }

    /// The folder phasecert keeps its caches in for the repository at `repository` (the history
    /// cache's, `git.cache`), and the boundary writes to it stay within; `nil` outside a git repository.
    public static func cacheFolder(repository: String, configuration: Configuration) -> (directory: String, boundary: WriteBoundary)? {
        guard let git = try? GitRepository(path: repository) else { return nil }
        let history = HistoryScanner(repositoryPath: repository, cachePath: configuration.git.cache)
        return (history.cacheDirectory(gitDirectory: git.gitDirectory), history.cacheBoundary(gitDirectory: git.gitDirectory))
    }

    private func readHistory(progress: @escaping @Sendable (String) -> Void, writes: BackgroundWrites) throws -> History? {
        let repository = historyRepository ?? tree.root
        var scanner = HistoryScanner(
            repositoryPath: repository, cachePath: configuration.git.cache, worker: historyWorker, startRevision: revision)
        scanner.backgroundWrites = writes
        scanner.gitLog = historyGit
        do {
            return try scanner.scan(progress: progress)
        } catch {
            throw ScanError.gitUnreadable(path: repository, reason: error.message)
        }
    }

    /// Tasks in master-list order, then tasks that only have folders, by id; each with its
    /// folders' (or flat files') documents, checklist and metadata.
    private func assemble(_ reading: LayoutReading) -> [TaskRecord] {
        let entries = reading.masterList?.entries ?? []
        let folders = reading.folders
        let foldersByID = Dictionary(grouping: folders, by: \.id)
        var tasks = entries.map { entry in
            TaskRecord(
                id: entry.id, title: entry.title, phase: entry.phase, source: entry.source, checked: entry.checked,
                // An index's `Dependencies` column, where the task has no metadata file of its own.
                metadata: entry.dependencies.isEmpty
                    ? nil : TaskMetadata(dependencies: entry.dependencies, linkedPaths: [], targets: [:], source: entry.source))
        }
        let listed = Set(entries.map(\.id))
        tasks += foldersByID.keys.filter { !listed.contains($0) }.sorted().map { TaskRecord(id: $0) }
        for index in tasks.indices {
            guard let own = foldersByID[tasks[index].id] else { continue }
            // The folder named exactly as canonical leads; the others still count as directories.
            let ordered = own.sorted { lhs, rhs in
                let lhsCanonical = lhs.writtenID == lhs.id
                let rhsCanonical = rhs.writtenID == rhs.id
                return lhsCanonical != rhsCanonical ? lhsCanonical : lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8)
            }
            tasks[index].directories = own.map(\.path)
            tasks[index].documents = own.flatMap(\.documents)
            tasks[index].checklist = ordered.lazy.compactMap(\.checklist).first
            let unread = own.flatMap(\.unread)
            tasks[index].unread = unread.isEmpty ? nil : unread.sorted()
            tasks[index].metadata = ordered.lazy.compactMap(\.metadata).first ?? tasks[index].metadata
            if tasks[index].title == nil, let slug = ordered.lazy.compactMap(\.slug).first, !slug.isEmpty {
                tasks[index].title = slug.replacingOccurrences(of: "-", with: " ")
            }
        }
        for index in tasks.indices {
            if let documents = reading.documents[tasks[index].id] { tasks[index].documents += documents }
        }
        return tasks
    }
}
