/// What git says a task did, commit by commit and file by file: the history table and the
/// deliverables of a task report.
public struct TaskHistory: Codable, Sendable, Equatable {
    /// The task's commits newest first (parents after children), merges included and marked.
    public var commits: [TaskCommit]
    /// Every path the task's non-merge commits changed, sorted by path. Merges are left out so
    /// that what a merge brought in is not counted a second time.
    public var files: [TaskFile]

    public init(commits: [TaskCommit], files: [TaskFile]) {
        self.commits = commits
        self.files = files
    }
}

/// One row of a task's history table.
public struct TaskCommit: Codable, Sendable, Equatable {
    /// Full hexadecimal id.
    public var id: String
    /// The first 7 hexadecimal digits, as reports show it.
    public var shortID: String
    /// First line of the message.
    public var subject: String
    /// Committer date, `yyyy-MM-dd` in the committer's own time zone.
    public var date: String
    /// Lines added against the first parent; for a merge, what it brought to its first parent,
    /// which a task's totals leave out.
    public var added: Int
    /// Lines deleted against the first parent, with the same rule for merges as `added`.
    public var deleted: Int
    /// More than one parent.
    public var isMerge: Bool
    /// False when the commit's changes could not be read (missing objects): `added` and
    /// `deleted` are then 0 and say nothing.
    public var hasCounts: Bool
    /// Files of the commit whose content could not be read (a blob missing or damaged), so
    /// `added` and `deleted` are at least what they say; absent when there are none.
    public var unreadableFiles: Int?

    public init(
        id: String, shortID: String, subject: String, date: String, added: Int, deleted: Int, isMerge: Bool,
        hasCounts: Bool = true, unreadableFiles: Int = 0
    ) {
        self.id = id
        self.shortID = shortID
        self.subject = subject
        self.date = date
        self.added = added
        self.deleted = deleted
        self.isMerge = isMerge
        self.hasCounts = hasCounts
        self.unreadableFiles = unreadableFiles > 0 ? unreadableFiles : nil
    }
}

/// What kind of deliverable a path is, from its name and folders alone.
public enum FileCategory: String, Codable, Sendable, Equatable, CaseIterable {
    case docs
    case code
    case tests
    case manifests
    case other
}

/// One path a task's non-merge commits changed, summed over those commits.
public struct TaskFile: Codable, Sendable, Equatable {
    /// Path relative to the repository root, as the latest of those commits left it.
    public var path: String
    public var category: FileCategory
    /// Lines added over the task's commits; `nil` when the file was binary in any of them.
    @Nullable public var added: Int?
    /// Lines deleted over the task's commits; `nil` when the file was binary in any of them.
    @Nullable public var deleted: Int?
    /// The earliest of the task's changes to this path created it (a rename carries this over
    /// from the old path), so the task delivered the file rather than edited it.
    public var created: Bool
    /// The latest of the task's changes to this path deleted it or renamed it away.
    public var removed: Bool
    /// How many of the task's non-merge commits changed the path.
    public var commits: Int
    /// `true` when the content of the path could not be read in some of those commits (a blob
    /// missing or damaged): `added` and `deleted` then sum the others, at least, or are `nil`
    /// when no change of the path could be read. Absent otherwise.
    public var unreadable: Bool?

    public init(
        path: String, category: FileCategory, added: Int?, deleted: Int?, created: Bool, removed: Bool, commits: Int,
        unreadable: Bool = false
    ) {
        self.path = path
        self.category = category
        self.added = added
        self.deleted = deleted
        self.created = created
        self.removed = removed
        self.commits = commits
        self.unreadable = unreadable ? true : nil
    }
}
