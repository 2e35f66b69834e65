/// Test outcomes counted over some scope (workspace, phase or task).
public struct TestCounts: Codable, Sendable, Equatable {
    public var passed: Int
    public var failed: Int
    public var errored: Int
    public var skipped: Int
    public var flaky: Int

    public init(passed: Int = 0, failed: Int = 0, errored: Int = 0, skipped: Int = 0, flaky: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.errored = errored
        self.skipped = skipped
        self.flaky = flaky
    }

    /// Tests that ran: passed + failed + errored + skipped.
    public var executed: Int { passed + failed + errored + skipped }

    /// Both counts added up.
    public static func + (lhs: TestCounts, rhs: TestCounts) -> TestCounts {
        TestCounts(
            passed: lhs.passed + rhs.passed, failed: lhs.failed + rhs.failed, errored: lhs.errored + rhs.errored,
            skipped: lhs.skipped + rhs.skipped, flaky: lhs.flaky + rhs.flaky)
    }
}

/// What git history says about a task.
public struct GitSummary: Codable, Sendable, Equatable {
    /// Commits that belong to the task, merges included.
    public var commits: Int
    /// Of those, merge commits.
    public var merges: Int
    /// Lines added over the task's non-merge commits.
    public var linesAdded: Int
    /// Lines deleted over the task's non-merge commits.
    public var linesDeleted: Int
    /// Distinct paths the task's non-merge commits changed.
    public var filesTouched: Int
    /// Author names, sorted, without repeats.
    public var authors: [String]
    /// Author date of the earliest commit, `yyyy-MM-dd` in the author's time zone.
    @Nullable public var first: String?
    /// Author date of the latest commit, `yyyy-MM-dd` in the author's time zone.
    @Nullable public var last: String?
    /// Full ids of the commits counted, newest first (parents after children), so that every
    /// figure above can be checked with `git show`; absent in JSON written before it existed.
    public var commitIDs: [String]?
    /// `true` when some of the non-merge commits could not be counted whole (a blob or the
    /// commit's changes unreadable, see the `git.object-unreadable` findings): `linesAdded`
    /// and `linesDeleted` are then at least what they say. Absent (never `false`) otherwise, so
    /// JSON of a fully read history keeps its bytes.
    public var linesAreLowerBound: Bool?

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the many it writes (one a task).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case authors, commitIDs, commits, filesTouched, first, last, linesAdded, linesAreLowerBound, linesDeleted, merges
    }

    public init(
        commits: Int, merges: Int = 0, linesAdded: Int, linesDeleted: Int, filesTouched: Int = 0,
        authors: [String] = [], first: String?, last: String?, commitIDs: [String]? = nil, linesAreLowerBound: Bool = false
    ) {
        self.commits = commits
        self.merges = merges
        self.linesAdded = linesAdded
        self.linesDeleted = linesDeleted
        self.filesTouched = filesTouched
        self.authors = authors
        self.first = first
        self.last = last
        self.commitIDs = commitIDs
        self.linesAreLowerBound = linesAreLowerBound ? true : nil
    }

    /// Whether the line figures are lower bounds (`linesAreLowerBound`).
    public var linesAreAtLeast: Bool { linesAreLowerBound == true }
}

/// The history a workspace was read from.
public struct HistorySummary: Codable, Sendable, Equatable {
    /// The commit HEAD resolved to; `nil` in an empty repository.
    @Nullable public var head: String?
    /// Commits reachable from HEAD.
    public var commits: Int
    public var merges: Int
    /// Whether the clone is shallow, so older history is missing.
    public var shallow: Bool
    /// Whether HEAD was detached.
    public var detached: Bool
    /// Commits whose changes could not be read, whole or in part (missing or corrupt objects).
    public var unreadable: Int
    /// Author date of the oldest and newest commit, `yyyy-MM-dd`.
    @Nullable public var first: String?
    @Nullable public var last: String?
    /// HEAD's committer date, `yyyy-MM-dd` in the commit's own time zone; the date of a certification id.
    @Nullable public var headDate: String?

    public init(
        head: String?, commits: Int, merges: Int, shallow: Bool, detached: Bool, unreadable: Int, first: String?, last: String?,
        headDate: String? = nil
    ) {
        self.head = head
        self.headDate = headDate
        self.commits = commits
        self.merges = merges
        self.shallow = shallow
        self.detached = detached
        self.unreadable = unreadable
        self.first = first
        self.last = last
    }
}

/// Completion as a sum of task completions over a task count.
public struct Completion: Codable, Sendable, Equatable {
    /// Σ task completion, each in [0, 1].
    public var done: Double
    public var total: Int
    /// `done / total × 100`, unrounded; `nil` when there are no tasks.
    @Nullable public var percent: Double?

    public init(done: Double, total: Int) {
        self.done = done
        self.total = total
        self.percent = total > 0 ? done / Double(total) * 100 : nil
    }
}
