/// A commit as read from the object database: identity, people, dates and message.
public struct GitCommit: Sendable, Equatable {
    /// Full hexadecimal id.
    public var id: String
    /// Parent ids in order; the first parent is the mainline.
    public var parents: [String]
    public var author: GitSignature
    public var committer: GitSignature
    /// First line of the message.
    public var subject: String
    /// The message after the subject and its blank line; empty when there is none.
    public var body: String

    /// More than one parent.
    public var isMerge: Bool { parents.count > 1 }

    public init(id: String, parents: [String], author: GitSignature, committer: GitSignature, subject: String, body: String) {
        self.id = id
        self.parents = parents
        self.author = author
        self.committer = committer
        self.subject = subject
        self.body = body
    }
}

/// A name, an e-mail address and a moment with the time-zone offset it was written in.
public struct GitSignature: Sendable, Equatable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Minutes east of UTC, as recorded in the commit.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// The calendar day in the signature's own time zone, as days since 1970-01-01: two
    /// signatures with the same number have the same `day`.
    public var dayNumber: Int64 {
        let local = time + Int64(offsetMinutes) * 60
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The calendar day in the signature's own time zone, `yyyy-MM-dd`.
    public var day: String {
        let (year, month, day) = CivilDate.fromDays(dayNumber)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"

        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }
}

/// Proleptic Gregorian calendar arithmetic, so dates never depend on the machine's time zone.
enum CivilDate {
    /// Year, month and day of the day `days` after 1970-01-01 (Howard Hinnant's algorithm).
    static func fromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

/// One file a commit changed, counted as `git diff --numstat` counts it.
public struct FileChange: Sendable, Equatable, Hashable {
    /// What happened to the path, as libgit2's delta status says (`git diff --name-status`).
    public enum Status: Sendable, Hashable {
        /// The path did not exist before (`A`); every file of a root commit is one.
        case created
        /// Content, mode or type changed in place (`M`, `T`).
        case modified
        /// The path no longer exists (`D`).
        case deleted
        /// The content moved here from `oldPath` (`R`), possibly with changes.
        case renamed
    }

    /// The path after the change (before it, for a deletion).
    public var path: String
    /// The path before a rename or copy; `nil` otherwise.
    public var oldPath: String?
    /// Lines added; `nil` for a binary file, or one whose content could not be read.
    public var added: Int?
    /// Lines deleted; `nil` for a binary file, or one whose content could not be read.
    public var deleted: Int?
    /// `.renamed` exactly when `oldPath` is set, in what `GitRepository` reports.
    public var status: Status
    /// A blob of the change (before or after) could not be read (missing or damaged object):
    /// the path is known to have changed, its lines are not, and `added`/`deleted` are `nil`.
    public var isUnreadable: Bool

    public init(
        path: String, oldPath: String? = nil, status: Status = .modified, added: Int?, deleted: Int?,
        isUnreadable: Bool = false
    ) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.added = isUnreadable ? nil : added
        self.deleted = isUnreadable ? nil : deleted
        self.isUnreadable = isUnreadable
    }

    public var isBinary: Bool { added == nil && !isUnreadable }

    /// Whether the commit brought the path into existence (libgit2's `GIT_DELTA_ADDED`).
    public var isCreation: Bool { status == .created }
}

/// What a commit changed against its first parent (the empty tree for a root commit).
public struct CommitStats: Sendable, Equatable {
    public var files: [FileChange]

    public init(files: [FileChange]) { self.files = files }

    /// Lines added over the files whose content was read: with `unreadableFiles` above 0, the
    /// commit's true figure is at least this.
    public var linesAdded: Int { files.reduce(0) { $0 + ($1.added ?? 0) } }
    /// Lines deleted, with the same rule as `linesAdded`.
    public var linesDeleted: Int { files.reduce(0) { $0 + ($1.deleted ?? 0) } }
    /// Files whose blobs could not be read, so their lines are unknown.
    public var unreadableFiles: Int { files.count(where: \.isUnreadable) }
    /// Whether every file's lines are known (binary files have none to know).
    public var isComplete: Bool { !files.contains(where: \.isUnreadable) }
}
