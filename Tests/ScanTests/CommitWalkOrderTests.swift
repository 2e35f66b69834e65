import Foundation
import Testing
import TestSupport
@testable import Scan

/// The walk lists commits in the order the walk over commit objects by id gave before it went by
/// positions: newest committer date first, ties by the larger id, never a parent before a child.
/// Histories are random DAGs of empty-tree commits with merges of up to three parents, committer
/// dates from a narrow range (many ties, many children dated before their parents), and, in half
/// of them, a commit whose object is gone.
struct CommitWalkOrderTests {
    @Test(arguments: 1...6)
    func randomHistoriesWalkInTheOrderByIDsGave(seed: UInt64) throws {
        var random = DocumentClaimCacheFormatTests.SplitMix(state: seed)
        let repo = try GitRepositoryBuilder()
        let tree = try GitFixture.emptyTree(in: repo.path)
        var ids: [String] = []
        var times: [String: Int] = [:]
        for index in 0..<36 {
            var arguments = ["commit-tree", tree, "-m", "commit \(index)"]
            if !ids.isEmpty {
                let window = Array(ids.suffix(8)).shuffled(using: &random)
                for parent in window.prefix(Int.random(in: 1...3, using: &random)) { arguments += ["-p", parent] }
            }
            let time = 1_700_000_000 + Int.random(in: 0...6, using: &random)
            let id = try GitFixture.git(arguments, in: repo.path, date: "\(time) +0000").trimmingCharacters(in: .whitespacesAndNewlines)
            ids.append(id)
            times[id] = time
        }
        // One head that reaches nearly everything: a merge of the last few commits.
        let tips = ids.suffix(4).flatMap { ["-p", $0] }
        let head = try GitFixture.git(["commit-tree", tree, "-m", "head"] + tips, in: repo.path, date: "1700000003 +0000")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        times[head] = 1_700_000_003
        let parents = try GitFixture.parentsByCommitObjects(ids + [head], in: repo.path)
        var gone: String?
        if seed.isMultiple(of: 2) {
            // A commit the head reaches, so the walk meets its missing object.
            let reachable = Self.orderByIDs(from: head) { parents[$0] } time: { times[$0] ?? 0 }
            let victim = reachable[reachable.count / 2]
            try FileManager.default.removeItem(atPath: repo.path + "/.git/objects/" + victim.prefix(2) + "/" + victim.dropFirst(2))
            gone = victim
        }

        let expected = Self.orderByIDs(from: head) { id in id == gone ? nil : parents[id] } time: { times[$0] ?? 0 }
        let repository = try #require(try GitRepository(path: repo.path))
        let walked = CommitWalk(repository: repository).walk(from: head) { _ in }
        #expect(walked.commits.map { $0.id } == expected)
        #expect(walked.findings.count == (gone == nil ? 0 : 1))
    }

    /// The walk as it was written over dictionaries by id and a heap of commits. `parents` gives
    /// `nil` for a commit that cannot be read.
    static func orderByIDs(from head: String, parents: (String) -> [String]?, time: (String) -> Int) -> [String] {
        var byID: [String: [String]] = [:]
        var pending = [head]
        var seen: Set<String> = [head]
        while let id = pending.popLast() {
            guard let list = parents(id) else { continue }
            byID[id] = list
            for parent in list.reversed() where seen.insert(parent).inserted { pending.append(parent) }
        }
        var children: [String: Int] = [:]
        for list in byID.values {
            for parent in list where byID[parent] != nil { children[parent, default: 0] += 1 }
        }
        var ready = byID[head] == nil ? [] : [head]
        var order: [String] = []
        while !ready.isEmpty {
            let best = ready.indices.min { lhs, rhs in
                let (a, b) = (ready[lhs], ready[rhs])
                return time(a) != time(b) ? time(a) > time(b) : a > b
            }!
            let id = ready.remove(at: best)
            order.append(id)
            for parent in byID[id] ?? [] {
                guard let remaining = children[parent], byID[parent] != nil else { continue }
                if remaining == 1 {
                    children[parent] = nil
                    ready.append(parent)
                } else {
                    children[parent] = remaining - 1
                }
            }
        }
        return order
    }
}

extension GitFixture {
    /// Each commit's parents as its object records them (`git cat-file`), for commits whose
    /// objects exist.
    static func parentsByCommitObjects(_ ids: [String], in directory: String) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for id in ids {
            let text = try gitLine(["cat-file", "commit", id], in: directory)
            result[id] = text.split(separator: "\n").prefix { !$0.isEmpty }.filter { $0.hasPrefix("parent ") }.map { String($0.dropFirst(7)) }
        }
        return result
    }
}
