import Foundation
import PhaseModel

/// Reads a repository into a `Workspace`: the master list, the task folders and what they
/// hold, and the git history behind them.
public struct WorkspaceScanner: Sendable {
    public let tree: RepositoryTree
    public let configuration: Configuration
    /// Repository-relative path of the configuration file that was read, if any.
    public let configurationFile: String?
    /// How to start history worker processes; `nil` counts history in this process.
    public let historyWorker: HistoryScanner.WorkerCommand?
    /// The `helm` executable to validate charts with (when `evidence.runHelm` asks and one was found).
    public let helm: URL?

    public init(
        repository: String, configuration: Configuration = Configuration(), configurationFile: String? = nil,
        historyWorker: HistoryScanner.WorkerCommand? = nil, helm: URL? = nil
    ) {
        self.tree = RepositoryTree(root: repository)
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.historyWorker = historyWorker
        self.helm = helm
    }

    /// What a scan produced beyond the model: the history it read and remarks for the user.
    public struct Outcome: Sendable {
        public var workspace: Workspace
        /// `nil` when the repository is not a git repository.
        public var history: History?
        public var association: TaskAssociation?
        /// Remarks that are not findings (a rebuilt cache, …), for standard error.
        public var notes: [String]
    }

    /// Scans the repository. Throws only when input the scan cannot do without is missing;
    /// every other problem becomes a finding and the scan goes on.
    public func scan() throws -> Workspace {
        try scanDetailed().workspace
    }

    /// Scans the repository and keeps the history it read. `progress` receives status lines
    /// during long work.
    public func scanDetailed(progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> Outcome {
        let (root, ids) = try tasksRootAndIDs()

        var findings: [Finding] = []
        // The history (mostly the cache, on a second run) is read while the task folders are.
        let pending = PendingHistory()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { [self] in
            pending.result = Result { try readHistory(progress: progress) }
        }
        // Evidence files are read at the same time; linking them waits for the history.
        let evidence = PendingEvidence()
        let evidenceGroup = DispatchGroup()
        // The work-tree walk is shared: claim extraction picks the existing reports out of it.
        let filesGroup = DispatchGroup()
        filesGroup.enter()
        // At lower priority: the history read and the task figures built on it are the longer path.
        DispatchQueue.global(qos: .utility).async(group: evidenceGroup) { [self] in
            let files = WorkTreeFiles(
                tree: tree, reportsFolder: configuration.reports.folder,
                include: configuration.evidence.include.map(Glob.init))
            evidence.files = files.paths
            filesGroup.leave()
            evidence.collection = EvidenceCollector(tree: tree, configuration: configuration, helm: helm)
                .collect(files, progress: progress)
        }
        let masterList: MasterList?
        do {
            masterList = try readMasterList(root: root, ids: ids, findings: &findings)
        } catch {
            group.wait()
            evidenceGroup.wait()
            throw error
        }
        let (folders, assembled) = readTasks(root: root, ids: ids, masterList: masterList, findings: &findings)
        var tasks = assembled

        // Claims in documents need the tasks and phases, not the history: read them while it loads.
        let claimReader = WorkspaceClaimReader(
            tree: tree, configuration: configuration,
            extractor: ClaimExtractor(ids: ids, tasks: tasks, phases: masterList?.phases ?? []))
        filesGroup.wait()
        let documentClaims = claimReader.documentClaims(
            masterList: masterList, tasks: tasks, workTree: evidence.files,
            texts: folders.reduce(into: [:]) { texts, folder in texts.merge(folder.texts) { first, _ in first } })
        findings += documentClaims.findings

        group.wait()
        let history: History?
        do {
            history = try pending.result?.get() ?? readHistory(progress: progress)
        } catch {
            evidenceGroup.wait()
            throw error
        }
        var association: TaskAssociation?
        if let history {
            let linked = TaskAssociation(history: history, tasks: Set(tasks.map(\.id)), ids: ids)
            for index in tasks.indices { tasks[index].git = linked.summary(for: tasks[index].id) }
            findings += history.findings
            association = linked
        } else {
            findings.append(GitFindings.noRepository())
        }
        let claims = claimReader.allClaims(
            documentClaims: documentClaims.claims, history: history,
            facts: ClaimFacts(
                tree: tree, tasks: tasks, phases: masterList?.phases ?? [], history: history, association: association))
        var workspace = Workspace(
            sources: .init(tasksRoot: root, masterList: masterList?.file, config: configurationFile),
            git: history.map(TaskAssociation.summary(of:)),
            phases: masterList?.phases ?? [],
            tasks: tasks,
            findings: findings,
            claims: claims,
            claimTexts: masterList?.claimTexts ?? []
        )
        let pathsByTask = association.map { linked in
            Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, linked.pathSet(for: $0.id)) })
        }
        // Task figures from git were computed while evidence was still being read; linking needs both.
        evidenceGroup.wait()
        workspace = EvidenceLinker(collection: evidence.collection ?? EvidenceCollection(), pathsByTask: pathsByTask)
            .link(workspace)
        return Outcome(workspace: workspace, history: history, association: association, notes: history?.notes ?? [])
    }

    /// The evidence read on another thread, handed over once that thread is done.
    private final class PendingEvidence: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: EvidenceCollection?
        private var storedFiles: [String] = []
        var collection: EvidenceCollection? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
        /// The work tree's files, handed over as soon as the walk is done.
        var files: [String] {
            get { lock.withLock { storedFiles } }
            set { lock.withLock { storedFiles = newValue } }
        }
    }

    /// The master list and the task folders alone, without git history, evidence or claims: what
    /// checks of task folder names need, at a fraction of a full scan's cost on a long history.
    public func scanTasks() throws -> Workspace {
        let (root, ids) = try tasksRootAndIDs()
        var findings: [Finding] = []
        let masterList = try readMasterList(root: root, ids: ids, findings: &findings)
        let tasks = readTasks(root: root, ids: ids, masterList: masterList, findings: &findings).tasks
        return Workspace(
            sources: .init(tasksRoot: root, masterList: masterList?.file, config: configurationFile),
            git: nil, phases: masterList?.phases ?? [], tasks: tasks, findings: findings, claims: [],
            claimTexts: masterList?.claimTexts ?? [])
    }

    /// The tasks folder (checked to exist) and the id pattern.
    private func tasksRootAndIDs() throws -> (root: String, ids: TaskIDPattern) {
        guard tree.isDirectory("") else { throw ScanError.repositoryMissing(path: tree.root) }
        let root = normalized(configuration.tasks.root)
        guard tree.isDirectory(root) else { throw ScanError.tasksFolderMissing(path: root, repository: tree.root) }
        return (root, try TaskIDPattern(prefix: configuration.tasks.idPrefix, width: configuration.tasks.idWidth))
    }

    /// The task folders under `root` and the tasks of the master list and the folders together;
    /// the folders' and the master list's findings are added to `findings`.
    private func readTasks(
        root: String, ids: TaskIDPattern, masterList: MasterList?, findings: inout [Finding]
    ) -> (folders: [TaskFolder], tasks: [TaskRecord]) {
        let prefixes = Set((masterList?.entries ?? []).map { TaskFolderScanner.prefix(of: $0.id) })
        let (folders, folderFindings) = TaskFolderScanner(
            tree: tree, ids: ids, configuration: configuration.tasks, knownPrefixes: prefixes
        ).scan(root: root)
        findings += folderFindings + (masterList?.findings ?? [])
        return (folders, assemble(entries: masterList?.entries ?? [], folders: folders))
    }

    /// The history read on another thread, handed over once that thread is done.
    private final class PendingHistory: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Result<History?, any Error>?
        var result: Result<History?, any Error>? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    private func readHistory(progress: @escaping @Sendable (String) -> Void) throws -> History? {
        let scanner = HistoryScanner(repositoryPath: tree.root, cachePath: configuration.git.cache, worker: historyWorker)
        do {
            return try scanner.scan(progress: progress)
        } catch {
            throw ScanError.gitUnreadable(path: tree.root, reason: error.message)
        }
    }

    /// Tasks in master-list order, then tasks that only have folders, by id.
    private func assemble(entries: [MasterList.Entry], folders: [TaskFolder]) -> [TaskRecord] {
        let foldersByID = Dictionary(grouping: folders, by: \.id)
        var tasks = entries.map { entry in
            TaskRecord(id: entry.id, title: entry.title, phase: entry.phase, source: entry.source, checked: entry.checked)
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
            tasks[index].metadata = ordered.lazy.compactMap(\.metadata).first
            if tasks[index].title == nil, let slug = ordered.lazy.compactMap(\.slug).first, !slug.isEmpty {
                tasks[index].title = slug.replacingOccurrences(of: "-", with: " ")
            }
        }
        return tasks
    }

    /// The configured master list, else `<root>/TASKS.md`, else the Markdown file directly under
    /// the tasks root with the most phases that list tasks.
    private func readMasterList(root: String, ids: TaskIDPattern, findings: inout [Finding]) throws -> MasterList? {
        if let configured = configuration.tasks.masterList.map(normalized) {
            switch TextFileReader.read(absolutePath: tree.absolute(configured), path: configured) {
            case let .success(file):
                if file.hadInvalidUTF8 { findings.append(ScanFindings.invalidUTF8(configured)) }
                return MasterListParser.parse(file.text, file: configured, ids: ids)
            case let .failure(problem):
                throw ScanError.masterListUnreadable(path: configured, reason: describe(problem))
            }
        }
        let conventional = root + "/TASKS.md"
        var candidates: [String] = []
        if tree.isFile(conventional) {
            candidates = [conventional]
        } else {
            let entries = (try? tree.entries(of: root)) ?? []
            candidates = entries.filter { $0.kind == .file && $0.name.lowercased().hasSuffix(".md") }.map(\.path)
        }
        var best: MasterList?
        for candidate in candidates {
            switch TextFileReader.read(absolutePath: tree.absolute(candidate), path: candidate) {
            case let .success(file):
                let list = MasterListParser.parse(file.text, file: candidate, ids: ids)
                if candidate == conventional || list.phasesWithTasks > (best?.phasesWithTasks ?? 0) {
                    if file.hadInvalidUTF8 { findings.append(ScanFindings.invalidUTF8(candidate)) }
                    best = list
                }
            case let .failure(problem):
                findings.append(ScanFindings.unreadable(candidate, problem: problem))
            }
        }
        if best == nil { findings.append(ScanFindings.noMasterList(tasksRoot: root)) }
        return best
    }

    private func normalized(_ path: String) -> String {
        var result = path
        while result.hasPrefix("./") { result.removeFirst(2) }
        while result.hasSuffix("/") && result.count > 1 { result.removeLast() }
        return result
    }

    private func describe(_ problem: TextFileProblem) -> String {
        switch problem {
        case .binary: "it holds binary data"
        case let .tooLarge(bytes, limit): "\(bytes) bytes, over the \(limit)-byte limit"
        case let .unreadable(reason): reason
        }
    }
}
