import PhaseModel

/// What the history says that the facts of every claim look up: built once for all the threads
/// that work facts out, instead of once a thread.
///
/// Why: on 100,000 commits each of two threads built its own, about half a second of work each
/// before either could judge a claim of a document (Benchmarks/RESULTS-scale.md, fourteenth
/// round); here the two largest are built side by side, once.
struct HistoryIndices: Sendable {
    /// What the history says of each path, the newest commit that changed it among it.
    var paths: PathHistory
    /// The work tree's files by each trailing run of their components, when they were given.
    var workTree: PathSuffixIndex?
    /// Positions of the commits, newest first, by id; and their ids, lower-cased and sorted, for
    /// finding an abbreviated id.
    var commitPositions: CommitPositions
    /// How many of the newest commits form one chain whose changes are all known.
    var linearDepth: Int
    /// Every path the history had, by each trailing run of its components.
    ///
    /// Built here, after the path history, rather than by the facts on their first claim naming a
    /// file gone since: there, on 100,000 commits, it was 46 samples at 999 a second on the main
    /// thread at the start of the facts of `phase-close 1` with the other core idle. Built here it
    /// had stood beside everything else at the peak (twentieth round); with the subject claims no
    /// longer held twice, the peak has room for it (Benchmarks/RESULTS-scale.md, twenty-first round).
    var historySuffixes: PathSuffixIndex

    /// The indices of `history`, and of the work tree's files `workTree` when given: that index
    /// was built by each thread on its first claim naming a file (on 100,000 commits, on one core
    /// while the other was idle, in the facts of `phase-close 1` after a new commit;
    /// Benchmarks/RESULTS-scale.md, twentieth round).
    init(of history: History, workTree: [String]? = nil) {
        let paths = BackgroundValue { PathHistory(history) }
        commitPositions = CommitPositions(of: history)
        linearDepth = Self.chainDepth(of: history)
        self.workTree = workTree.map { PathSuffixIndex($0) }
        self.paths = paths.value
        historySuffixes = PathSuffixIndex(self.paths.paths)
    }

    static func sortedIDs(in history: History) -> [String] {
        if let sorted = sortedHexIDs(in: history) { return sorted }
        // Ids are read in lower case: one all in ASCII with no capital letter is kept as it is,
        // sharing its storage, where lowercasing made a new string of each (8 MB at 100,000 commits).
        return history.commits.map { commit in
            let lower = !commit.id.utf8.contains { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 >= 0x80 }
            return lower ? commit.id : commit.id.lowercased()
        }.sorted()
    }

    /// The ids sorted as `sortedIDs(in:)` sorts them, when every one is in lower-case hexadecimal
    /// (as git writes them); `nil` otherwise.
    static func sortedHexIDs(in history: History) -> [String]? {
        CommitPositions.sortedHexPositions(of: history.commits).map { sorted in sorted.map { history.commits[Int($0)].id } }
    }

    static func chainDepth(of history: History) -> Int {
        history.commits.indices.first { history.commits[$0].parents.count > 1 || history.statsByPosition[$0] == nil }
            ?? history.commits.count
    }
}
