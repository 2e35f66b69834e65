import PhaseModel
import PropertyBased
import Testing
@testable import Scan

/// `PathHistory` keeps what it knows of each path in arrays by slot; it must answer exactly as
/// the same walk kept in dictionaries by path did (`Reference`, below), on histories with
/// renames, a path renamed back and forth, and commits whose changes could not be read.
struct PathHistorySlotsTests {
    /// The walk as it was written with a dictionary per fact, and the newest change of each path
    /// as `HistoryIndices.lastChanges(in:)` worked it out.
    struct Reference {
        var changes: [String: [Int]] = [:]
        var renamedFrom: [String: String] = [:]
        var days: [String: (first: String, last: String)] = [:]
        var paths = Set<String>()
        var newestTouch: [String: Int] = [:]
        var lastChange: [String: String?] = [:]

        init(_ history: History) {
            var unread = false
            for (index, commit) in history.commits.enumerated() {
                guard let stats = history.stats[commit.id] else {
                    unread = true
                    continue
                }
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
                    if lastChange[file.path] == nil { lastChange[file.path] = .some(unread ? nil : commit.id) }
                }
            }
        }

        func names(of path: String) -> [String] {
            var names = [path]
            var current = path
            while let old = renamedFrom[current], !names.contains(old) {
                names.append(old)
                current = old
            }
            return names
        }

        func changes(of path: String) -> [Int] { Set(names(of: path).flatMap { changes[$0] ?? [] }).sorted() }

        func days(of path: String) -> (first: String, last: String)? {
            guard let own = days[path] else { return nil }
            return (names(of: path).compactMap { days[$0]?.first }.min() ?? own.first, own.last)
        }
    }

    static let names = ["a.md", "b.md", "docs/a.md", "c.swift", "é.md"]
    static let change = Gen.int(in: 0...(names.count - 1)).array(of: 2).map { pair in
        // A rename from the second name when they differ and the first is even; else a change in place.
        FileChange(
            path: names[pair[0]], oldPath: pair[0] != pair[1] && pair[0] % 2 == 0 ? names[pair[1]] : nil,
            status: pair[0] != pair[1] && pair[0] % 2 == 0 ? .renamed : .modified, added: 1, deleted: 0)
    }
    /// A commit: its changes, or `nil` for changes that could not be read, and its author's and committer's days.
    static let commit = Gen.int(in: 0...4).array(of: 3)

    static func history(_ shapes: [[Int]], _ changes: [[FileChange]]) -> History {
        var commits: [GitCommit] = []
        var stats: [String: CommitStats] = [:]
        for (index, shape) in shapes.enumerated() {
            let id = String(format: "%040x", index + 1)
            let author = GitSignature(name: "a", email: "a@example.com", time: Int64(shape[0]) * 86_400 * 3, offsetMinutes: 0)
            let committer = GitSignature(name: "a", email: "a@example.com", time: Int64(shape[1]) * 86_400 * 5, offsetMinutes: 0)
            commits.append(GitCommit(id: id, parents: [], author: author, committer: committer, subject: "x", body: ""))
            if shape[2] != 0 { stats[id] = CommitStats(files: changes[index % max(1, changes.count)]) }
        }
        return History(
            head: commits.first?.id, commits: commits, stats: stats, isShallow: false, isHeadDetached: false, findings: [],
            notes: [], cachedCommits: 0)
    }

    @Test func answersAsTheWalkByPathDid() async {
        await propertyCheck(count: 1_500, input: Self.commit.array(of: 0...8), Self.change.array(of: 0...3).array(of: 1...8)) { shapes, changes in
            let history = Self.history(shapes, changes)
            let index = PathHistory(history)
            let reference = Reference(history)
            #expect(Set(index.paths) == reference.paths)
            #expect(index.paths.count == reference.paths.count, "each path once")
            for path in Self.names + ["missing.md"] {
                #expect(index.everChanged(path) == reference.paths.contains(path))
                #expect(index.newestTouch(of: path) == reference.newestTouch[path])
                #expect(index.names(of: path) == reference.names(of: path))
                #expect(index.changes(of: path) == reference.changes(of: path))
                #expect(index.days(of: path)?.first == reference.days(of: path)?.first)
                #expect(index.days(of: path)?.last == reference.days(of: path)?.last)
                #expect(index.lastChange(of: path) == reference.lastChange[path], "\(path) in \(shapes)")
            }
        }
    }

    @Test func aChangeAfterAnUnreadCommitIsNotKnownToBeTheLast() {
        let history = Self.history([[1, 1, 1], [1, 1, 0], [1, 1, 1]], [[FileChange(path: "a.md", added: 1, deleted: 0)]])
        let index = PathHistory(history)
        // The newest commit changed a.md and was read: it is the last change.
        #expect(index.lastChange(of: "a.md") == .some(history.commits[0].id))
        let older = Self.history([[1, 1, 0], [1, 1, 1]], [[FileChange(path: "a.md", added: 1, deleted: 0)]])
        // A newer commit could not be read: it may have changed a.md after.
        #expect(PathHistory(older).lastChange(of: "a.md") == .some(nil))
        #expect(PathHistory(older).lastChange(of: "b.md") == nil)
    }
}
