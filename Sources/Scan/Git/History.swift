import PhaseModel

/// The history reachable from HEAD (or from the commit a scan was asked to start at), with what
/// each commit changed.
public struct History: Sendable {
    /// The commit the history starts from: the one HEAD resolves to, or the start revision the
    /// scanner was given; `nil` in an empty repository.
    public var head: String?
    /// Commits newest first (by committer date, parents after children).
    public var commits: [GitCommit] {
        didSet { statsByPosition = Self.statsByPosition(commits, stats) }
    }
    /// Statistics by commit id; absent for a commit whose objects could not be read.
    public var stats: [String: CommitStats] {
        didSet { statsByPosition = Self.statsByPosition(commits, stats) }
    }
    /// What `stats` holds of each commit, by its position in `commits`, looked up once.
    ///
    /// Why: the history's path index, the task figures and the history's summary each looked
    /// every commit up by its id, hashing 100,000 forty-digit ids several times over in
    /// `phase-close 1` after one new commit (Benchmarks/RESULTS-scale.md, twenty-first round).
    public private(set) var statsByPosition: [CommitStats?]
    public var isShallow: Bool
    /// Whether HEAD is detached; always true for a history read from a given start revision,
    /// which is read as if that commit were checked out.
    public var isHeadDetached: Bool
    /// Problems met in the history itself (shallow clone, missing objects).
    public var findings: [Finding]
    /// Things worth telling the user that are not findings (the cache was rebuilt, …).
    public var notes: [String]
    /// How many commits' statistics came from the cache.
    public var cachedCommits: Int

    public init(
        head: String?, commits: [GitCommit], stats: [String: CommitStats], isShallow: Bool, isHeadDetached: Bool,
        findings: [Finding], notes: [String], cachedCommits: Int
    ) {
        self.head = head
        self.commits = commits
        self.stats = stats
        statsByPosition = Self.statsByPosition(commits, stats)
        self.isShallow = isShallow
        self.isHeadDetached = isHeadDetached
        self.findings = findings
        self.notes = notes
        self.cachedCommits = cachedCommits
    }

    /// A history whose scanner looked each commit's statistics up already: `statsByPosition`
    /// holds, for each of `commits`, what `stats` holds under its id.
    init(
        head: String?, commits: [GitCommit], stats: [String: CommitStats], statsByPosition: [CommitStats?], isShallow: Bool,
        isHeadDetached: Bool, findings: [Finding], notes: [String], cachedCommits: Int
    ) {
        precondition(statsByPosition.count == commits.count)
        self.head = head
        self.commits = commits
        self.stats = stats
        self.statsByPosition = statsByPosition
        self.isShallow = isShallow
        self.isHeadDetached = isHeadDetached
        self.findings = findings
        self.notes = notes
        self.cachedCommits = cachedCommits
    }

    private static func statsByPosition(_ commits: [GitCommit], _ stats: [String: CommitStats]) -> [CommitStats?] {
        commits.map { stats[$0.id] }
    }
}
