/// What the history says of each path, gathered in one walk over its commits: the commits that
/// changed the path, the name it had before a rename, and the days it was changed on. The claim
/// facts of documents (their versions, their dates) and of the files they name (whether the
/// history ever had them) all read this one index.
struct PathHistory: Sendable {
    /// Per path, the positions in `history.commits` of the commits that changed it, newest first.
    private let changes: [String: [Int]]
    /// Per path, the name it had before the newest rename that gave it its name.
    private let renamedFrom: [String: String]
    /// Per path, the first and last day (author or committer) of the commits that changed it.
    private let days: [String: (first: String, last: String)]
    /// Every path a commit changed, old names of renamed files included.
    let paths: Set<String>
    /// Per path, the position of the newest commit that changed it, added it, deleted it or
    /// renamed it away.
    private let newestTouch: [String: Int]

    init(_ history: History) {
        var changes: [String: [Int]] = [:]
        var renamedFrom: [String: String] = [:]
        var days: [String: (first: String, last: String)] = [:]
        var paths = Set<String>()
        var newestTouch: [String: Int] = [:]
        for (index, commit) in history.commits.enumerated() {
            guard let stats = history.stats[commit.id] else { continue }
            let (written, committed) = (commit.author.day, commit.committer.day)
            for file in stats.files {
                changes[file.path, default: []].append(index)
                paths.insert(file.path)
                if newestTouch[file.path] == nil { newestTouch[file.path] = index }
                if let old = file.oldPath, newestTouch[old] == nil { newestTouch[old] = index }
                let known = days[file.path]
                days[file.path] = (
                    min(known?.first ?? written, written, committed), max(known?.last ?? committed, committed, written)
                )
                if let old = file.oldPath {
                    paths.insert(old)
                    if old != file.path, renamedFrom[file.path] == nil { renamedFrom[file.path] = old }
                }
            }
        }
        self.changes = changes
        self.renamedFrom = renamedFrom
        self.days = days
        self.paths = paths
        self.newestTouch = newestTouch
    }

    /// The position of the newest commit that touched `path` under this name (as its new or its
    /// old name); `nil` when no commit with readable changes did.
    func newestTouch(of path: String) -> Int? {
        newestTouch[path]
    }

    /// `path`, then the names it had before, newest first, each once.
    func names(of path: String) -> [String] {
        var names = [path]
        var current = path
        while let old = renamedFrom[current], !names.contains(old) {
            names.append(old)
            current = old
        }
        return names
    }

    /// Positions of the commits that changed `path` under any of its names, newest first.
    func changes(of path: String) -> [Int] {
        Set(names(of: path).flatMap { changes[$0] ?? [] }).sorted()
    }

    /// The first day `path` was changed on under any of its names (a document moved into place
    /// keeps the days it had before), and the last day it was changed on under this one.
    func days(of path: String) -> (first: String, last: String)? {
        guard let own = days[path] else { return nil }
        let first = names(of: path).compactMap { days[$0]?.first }.min() ?? own.first
        return (first, own.last)
    }
}
