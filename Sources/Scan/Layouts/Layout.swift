import PhaseModel

/// One way a repository plans its work — a master list, Spec Kit features, Kiro specs, flat task
/// files with an index, or only reports — found by content and read into phases and tasks.
///
/// Each conformance lives in a file of its own and is registered in `Layouts.all`; adding a
/// layout is adding a file and a line there.
public protocol Layout: Sendable {
    /// The name `tasks.layout` uses: `master-list`, `spec-kit`, ….
    var name: String { get }
    /// Every place in the repository this layout could be read from, each with what it holds.
    func candidates(in context: LayoutContext) -> [LayoutCandidate]
}

/// What layouts look at: the tree, the configuration and the work tree's Markdown files.
public struct LayoutContext: Sendable {
    public let tree: RepositoryTree
    public let configuration: Configuration
    /// Repository-relative paths of the work tree's Markdown files, sorted.
    public private(set) var markdownFiles: [String]
    /// Lists them when they were not given: only a choice by content needs the walk.
    private let listMarkdownFiles: (@Sendable () -> [String])?
    /// The configured id pattern (`tasks.idPrefix`, `tasks.idWidth`).
    public let ids: TaskIDPattern
    /// The Markdown files that read as master lists, surveyed once for the layouts that use them.
    var survey: MasterListSurvey?

    public init(tree: RepositoryTree, configuration: Configuration, markdownFiles: [String], ids: TaskIDPattern) {
        self.tree = tree
        self.configuration = configuration
        self.markdownFiles = markdownFiles
        self.listMarkdownFiles = nil
        self.ids = ids
    }

    /// A context whose Markdown files are listed only if a layout is chosen by content.
    init(tree: RepositoryTree, configuration: Configuration, ids: TaskIDPattern, listMarkdownFiles: @escaping @Sendable () -> [String]) {
        self.tree = tree
        self.configuration = configuration
        self.markdownFiles = []
        self.listMarkdownFiles = listMarkdownFiles
        self.ids = ids
    }

    /// Lists the Markdown files now, if they were left for later.
    mutating func listFiles() {
        if let listMarkdownFiles { markdownFiles = listMarkdownFiles() }
    }
}

/// A place a layout could be read from, with how much planned work it holds and how to read it.
public struct LayoutCandidate: Sendable {
    public var layout: String
    /// The files it would be read from: the master list, or each feature's checklist.
    public var files: [String]
    public var phases: Int
    public var tasks: Int
    /// Why it qualifies, in a few words (`15 phases listing 112 tasks`).
    public var reason: String
    /// Reads the candidate; called only for the one chosen.
    public var read: @Sendable () -> LayoutReading

    public init(
        layout: String, files: [String], phases: Int, tasks: Int, reason: String,
        read: @escaping @Sendable () -> LayoutReading
    ) {
        self.layout = layout
        self.files = files
        self.phases = phases
        self.tasks = tasks
        self.reason = reason
        self.read = read
    }

    /// Whether the file has a name teams give their plan (`ROADMAP.md`, `FEATURES.md`).
    public var conventionalName = false

    /// How candidates are compared: tasks placed in phases count most; a plan's usual name triples it.
    var score: Int { (tasks * 4 + phases) * (conventionalName ? 3 : 1) }
}

/// The phases and tasks a layout read, and how commits name them.
public struct LayoutReading: Sendable {
    /// The folder the plan lives in (the master list's folder, `specs`, `.kiro/specs`, or `.`).
    public var tasksRoot: String
    /// The master list's path, phases, entries and claim texts (for a layout of features, a list
    /// put together from their checklists; its `file` is then the features' folder).
    public var masterList: MasterList?
    /// Task folders (documents, checklist, metadata) by task id order.
    public var folders: [TaskFolder]
    /// The documents of each task, for layouts whose tasks have files but no folder.
    public var documents: [String: [Document]]
    /// Texts already read, by path, so claim extraction does not read them again.
    public var texts: [String: String]
    /// The ids a task is named by in documents (the configured or detected prefixed pattern).
    public var ids: TaskIDPattern
    public var references: TaskReferences.Style
    /// Whether phases are features with folders of their own (Spec Kit, Kiro).
    public var phasesAreFeatures: Bool
    /// Folders of phases that have one, by phase id.
    public var phaseFolders: [String: String]
    /// Whether commits get counted per phase and ranges of ids read: on for every layout but the
    /// classic master list, whose figures stay exactly as they were.
    public var readsPhaseCommits: Bool
    /// Whether the one phase stands for the whole repository (no plan at all): what belongs to
    /// no task or phase belongs to it, and every test result counts for it.
    public var isWholeRepository = false
    public var findings: [Finding]

    public init(
        tasksRoot: String, masterList: MasterList?, folders: [TaskFolder] = [], documents: [String: [Document]] = [:],
        texts: [String: String] = [:], ids: TaskIDPattern, references: TaskReferences.Style = .prefixed,
        phasesAreFeatures: Bool = false, phaseFolders: [String: String] = [:], readsPhaseCommits: Bool = true,
        findings: [Finding] = []
    ) {
        self.tasksRoot = tasksRoot
        self.masterList = masterList
        self.folders = folders
        self.documents = documents
        self.texts = texts
        self.ids = ids
        self.references = references
        self.phasesAreFeatures = phasesAreFeatures
        self.phaseFolders = phaseFolders
        self.readsPhaseCommits = readsPhaseCommits
        self.findings = findings
    }
}

extension LayoutReading {
    /// The master list's path for the model's `sources`; `nil` where the repository has none.
    public var masterListFile: String? {
        masterList.flatMap { $0.file.isEmpty ? nil : $0.file }
    }
}

/// Which layout was chosen, from which files and why, and the close runners-up.
public struct LayoutChoice: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var layout: String
        public var files: [String]
        public var reason: String
    }

    public var chosen: Option
    /// How it was chosen: `configured`, `conventional` (`tasks/TASKS.md`) or `by content`.
    public var how: String
    /// Candidates that held at least half as much as the chosen one.
    public var runnersUp: [Option]
}
