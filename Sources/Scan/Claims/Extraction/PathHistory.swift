/// What the history says of each path, gathered in one walk over its commits: the commits that
/// changed the path, the name it had before a rename, and the days it was changed on. The claim
/// facts of documents (their versions, their dates, the commit they are compared at) and of the
/// files they name (whether the history ever had them) all read this one index.
///
/// Each path is looked up once per change and given a slot; what is known of it is kept in
/// arrays by slot. Why: kept in five dictionaries by path, each change of each commit hashed its
/// path five or six times, and on the 100,000-commit claim-heavy repository building this index
/// was the largest part of what `phase-close 1` works out from the history after a new commit
/// (Benchmarks/RESULTS-scale.md, twentieth round).
struct PathHistory: Sendable {
    /// Each path a commit changed (old names of renamed files included), by its slot.
    private let slots: [String: Int]
    /// Per slot, the positions in `history.commits` of the commits that changed the path (under
    /// this name, as the new name), newest first.
    private let changes: [[Int]]
    /// Per slot, the slot of the name the path had before the newest rename that gave it its name.
    private let renamedFrom: [Int?]
    /// Per slot, the first and last day (author or committer) of the commits that changed the path.
    private let days: [(first: String, last: String)?]
    /// Per slot, the position of the newest commit that changed the path, added it, deleted it
    /// or renamed it away.
    private let newestTouch: [Int?]
    /// The path of each slot.
    private let names: [String]
    /// The position of the newest commit whose changes could not be read; `nil` when every
    /// commit's were.
    private let newestUnread: Int?
    /// The commits' ids, by position.
    private let ids: [String]

    init(_ history: History) {
        var slots: [String: Int] = [:]
        var names: [String] = []
        var changes: [[Int]] = []
        var renamedFrom: [Int?] = []
        var days: [(first: String, last: String)?] = []
        var newestTouch: [Int?] = []
        var newestUnread: Int?
        func slot(of path: String) -> Int {
            if let known = slots[path] { return known }
            let new = names.count
            slots[path] = new
            names.append(path)
            changes.append([])
            renamedFrom.append(nil)
            days.append(nil)
            newestTouch.append(nil)
            return new
        }
        // Each day's text made once: a commit's two days were made for each of 100,000 commits,
        // a sixth of this index (Benchmarks/RESULTS-scale.md, twenty-first round).
        var dayTexts: [Int64: String] = [:]
        func day(_ signature: GitSignature) -> String {
            let number = signature.dayNumber
            if let known = dayTexts[number] { return known }
            let text = signature.day
            dayTexts[number] = text
            return text
        }
        let commits = history.commits
        for index in commits.indices {
            guard let stats = history.statsByPosition[index] else {
                if newestUnread == nil { newestUnread = index }
                continue
            }
            let (written, committed) = (day(commits[index].author), day(commits[index].committer))
            for file in stats.files {
                let path = slot(of: file.path)
                changes[path].append(index)
                if newestTouch[path] == nil { newestTouch[path] = index }
                if let known = days[path] {
                    days[path] = (min(known.first, written, committed), max(known.last, committed, written))
                } else {
                    days[path] = (min(written, committed), max(committed, written))
                }
                if let oldPath = file.oldPath {
                    let old = slot(of: oldPath)
                    if newestTouch[old] == nil { newestTouch[old] = index }
                    if old != path, renamedFrom[path] == nil { renamedFrom[path] = old }
                }
            }
        }
        self.slots = slots
        self.names = names
        self.changes = changes
        self.renamedFrom = renamedFrom
        self.days = days
        self.newestTouch = newestTouch
        self.newestUnread = newestUnread
        ids = commits.map(\.id)
    }

    /// Every path a commit changed, old names of renamed files included, each once, in the order
    /// the walk met them.
    var paths: [String] { names }

    /// Whether a commit changed `path`, as its new or its old name.
    func everChanged(_ path: String) -> Bool {
        slots[path] != nil
    }

    /// The position of the newest commit that touched `path` under this name (as its new or its
    /// old name); `nil` when no commit with readable changes did.
    func newestTouch(of path: String) -> Int? {
        slots[path].flatMap { newestTouch[$0] }
    }

    /// The newest commit of the history that changed `path` (under this name, as the new name):
    /// `nil` when none did, `.some(nil)` when a newer commit's changes could not be read, so
    /// that it may have changed the path after.
    func lastChange(of path: String) -> String?? {
        guard let position = slots[path].flatMap({ changes[$0].first }) else { return nil }
        if let newestUnread, newestUnread < position { return .some(nil) }
        return .some(ids[position])
    }

    /// `path`, then the names it had before, newest first, each once.
    func names(of path: String) -> [String] {
        var result = [path]
        var current = slots[path]
        while let slot = current, let old = renamedFrom[slot], !result.contains(names[old]) {
            result.append(names[old])
            current = old
        }
        return result
    }

    /// Positions of the commits that changed `path` under any of its names, newest first.
    func changes(of path: String) -> [Int] {
        Set(names(of: path).flatMap { slots[$0].map { changes[$0] } ?? [] }).sorted()
    }

    /// The first day `path` was changed on under any of its names (a document moved into place
    /// keeps the days it had before), and the last day it was changed on under this one.
    func days(of path: String) -> (first: String, last: String)? {
        guard let own = slots[path].flatMap({ days[$0] }) else { return nil }
        let first = names(of: path).compactMap { slots[$0].flatMap { days[$0]?.first } }.min() ?? own.first
        return (first, own.last)
    }
}
