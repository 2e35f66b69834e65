import PhaseModel

/// Where a finding is shown in a code-review tool: a repository file and a line, always.
///
/// GitHub code scanning rejects a whole SARIF upload when one result has no location, and
/// GitLab's Code Quality widget drops an entry without a path and line, yet many findings are
/// about a task, a folder or the repository rather than a line (`tests.not-run`,
/// `naming.noncanonical` on a folder, a claim in a commit subject). Such a finding is anchored at
/// line 1 of the document that stands for what it is about:
///
/// 1. its own file, at its line (line 1 when it has none); a task folder stands for its main document;
/// 2. else its task's main document (`tasks.md`, `requirements.md`, `README.md`, else the first);
/// 3. else the master-list line that lists its task;
/// 4. else the master list, else `README.md`.
public struct FindingLocator: Sendable {
    /// A repository-relative file and a line of it, counted from 1.
    public struct Anchor: Sendable, Equatable {
        public var path: String
        public var line: Int

        public init(path: String, line: Int) {
            self.path = path
            self.line = line
        }
    }

    /// The documents that stand for a folder, most telling first.
    static let mainDocuments = ["tasks.md", "requirements.md", "README.md", "spec.md"]

    /// The file every finding without a better anchor points at.
    public static let repositoryDocument = "README.md"

    private let masterList: String?
    /// Per task id: its main document, when its folder holds one.
    private let taskDocuments: [String: String]
    /// Per task id: the master-list line that lists it.
    private let taskEntries: [String: Anchor]
    /// Per task folder: its main document.
    private let folderDocuments: [String: String]

    /// A locator for findings of `workspace` (its master list, task folders and documents).
    public init(workspace: Workspace) {
        self.init(masterList: workspace.sources.masterList, tasks: workspace.tasks)
    }

    /// A locator that knows the master list (if any) and `tasks`; with neither, every finding
    /// without a file points at `README.md`.
    public init(masterList: String? = nil, tasks: [TaskRecord] = []) {
        self.masterList = masterList
        var taskDocuments: [String: String] = [:]
        var taskEntries: [String: Anchor] = [:]
        var folderDocuments: [String: String] = [:]
        for task in tasks {
            for folder in task.directories {
                let inside = task.documents.map(\.path).filter { $0.hasPrefix(folder + "/") }
                if let document = Self.main(of: inside, in: folder), folderDocuments[folder] == nil {
                    folderDocuments[folder] = document
                }
            }
            if taskDocuments[task.id] == nil, let document = task.directories.lazy.compactMap({ folderDocuments[$0] }).first {
                taskDocuments[task.id] = document
            }
            if taskEntries[task.id] == nil, case let .file(path, line)? = task.source {
                taskEntries[task.id] = Anchor(path: path, line: max(line ?? 1, 1))
            }
        }
        self.taskDocuments = taskDocuments
        self.taskEntries = taskEntries
        self.folderDocuments = folderDocuments
    }

    /// The file and line `finding` is shown at.
    public func anchor(for finding: Finding) -> Anchor {
        if let file = finding.file, !file.isEmpty {
            if let line = finding.line, line >= 1 { return Anchor(path: file, line: line) }
            return Anchor(path: folderDocuments[file] ?? file, line: 1)
        }
        if let task = finding.task {
            if let document = taskDocuments[task] { return Anchor(path: document, line: 1) }
            if let entry = taskEntries[task] { return entry }
        }
        return Anchor(path: masterList ?? Self.repositoryDocument, line: 1)
    }

    /// The main document among `paths` (files somewhere under `folder`): a known name directly
    /// in the folder, else the first document directly in it, else the first at any depth.
    static func main(of paths: [String], in folder: String) -> String? {
        let direct = paths.filter { !$0.dropFirst(folder.count + 1).contains("/") }.sorted()
        for name in mainDocuments {
            if let match = direct.first(where: { $0.dropFirst(folder.count + 1).lowercased() == name.lowercased() }) { return match }
        }
        return direct.first ?? paths.sorted().first
    }
}
