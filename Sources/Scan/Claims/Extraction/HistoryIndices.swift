import PhaseModel

/// What the history says that the facts of every claim look up: built once for all the threads
/// that work facts out, instead of once a thread.
///
/// Why: on 100,000 commits each of two threads built its own, about half a second of work each
/// before either could judge a claim of a document (Benchmarks/RESULTS-scale.md, fourteenth
/// round); here the two largest are built side by side, once.
struct HistoryIndices: Sendable {
    /// What the history says of each path.
    var paths: PathHistory
    /// Per path, the newest commit that changed it; `nil` inside: unknown (see `lastChanges(in:)`).
    var lastChange: [String: String?]
    /// Positions of the commits, newest first, by id.
    var commitPositions: [String: Int]
    /// The commits' ids, lower-cased and sorted, for finding an abbreviated id.
    var sortedCommits: [String]
    /// How many of the newest commits form one chain whose changes are all known.
    var linearDepth: Int

    init(of history: History) {
        let paths = BackgroundValue { PathHistory(history) }
        lastChange = Self.lastChanges(in: history)
        commitPositions = Self.positions(in: history)
        sortedCommits = Self.sortedIDs(in: history)
        linearDepth = Self.chainDepth(of: history)
        self.paths = paths.value
    }

    /// The newest commit that changed each path the history's changes name; `nil` for a path
    /// whose newest change could be in a newer commit whose changes could not be read.
    static func lastChanges(in history: History) -> [String: String?] {
        var result: [String: String?] = [:]
        var unread = false
        for commit in history.commits {
            guard let stats = history.stats[commit.id] else {
                // Whatever this commit changed is unknown: an older change is not the last one.
                unread = true
                continue
            }
            for file in stats.files where result[file.path] == nil {
                result[file.path] = .some(unread ? nil : commit.id)
            }
        }
        return result
    }

    static func positions(in history: History) -> [String: Int] {
        Dictionary(history.commits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func sortedIDs(in history: History) -> [String] {
        // Ids are read in lower case: one all in ASCII with no capital letter is kept as it is,
        // sharing its storage, where lowercasing made a new string of each (8 MB at 100,000 commits).
        history.commits.map { commit in
            let lower = !commit.id.utf8.contains { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 >= 0x80 }
            return lower ? commit.id : commit.id.lowercased()
        }.sorted()
    }

    static func chainDepth(of history: History) -> Int {
        history.commits.firstIndex { $0.parents.count > 1 || history.stats[$0.id] == nil } ?? history.commits.count
    }
}
