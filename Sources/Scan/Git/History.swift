import PhaseModel

/// The history reachable from HEAD, with what each commit changed.
public struct History: Sendable {
    /// The commit HEAD resolves to; `nil` in an empty repository.
    public var head: String?
    /// Commits newest first (by committer date, parents after children).
    public var commits: [GitCommit]
    /// Statistics by commit id; absent for a commit whose objects could not be read.
    public var stats: [String: CommitStats]
    public var isShallow: Bool
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
