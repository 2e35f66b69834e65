import PhaseModel

/// The history reachable from HEAD (or from the commit a scan was asked to start at), with what
/// each commit changed.
public struct History: Sendable {
    /// The commit the history starts from: the one HEAD resolves to, or the start revision the
    /// scanner was given; `nil` in an empty repository.
    public var head: String?
    /// Commits newest first (by committer date, parents after children).
    public var commits: [GitCommit]
    /// Statistics by commit id; absent for a commit whose objects could not be read.
    public var stats: [String: CommitStats]
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
        self.isShallow = isShallow
        self.isHeadDetached = isHeadDetached
        self.findings = findings
        self.notes = notes
        self.cachedCommits = cachedCommits
    }
}
