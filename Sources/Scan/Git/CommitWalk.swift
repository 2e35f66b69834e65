import Foundation
import PhaseModel

/// Walks every commit reachable from a start commit (HEAD, or the one `--at` names), reading
/// each one once, and lists them newest first with every commit before its parents.
///
/// The walk is phasecert's own rather than libgit2's revwalk so that a commit whose object is
/// missing is reported and passed over instead of ending the walk. Commits listed in a shallow
/// clone's `shallow` file are taken to have no parents, as git takes them.
struct CommitWalk {
    let repository: GitRepository
    /// Commits already known (from the cache), by id, with parents as their objects record them;
    /// these are not read again.
    var known: [String: GitCommit] = [:]

    struct Result {
        var commits: [GitCommit] = []
        var findings: [Finding] = []
    }

    func walk(from head: String, progress: (Int) -> Void) -> Result {
        var result = Result()
        let boundary = shallowBoundary()

        // First read every reachable commit once. Each id gets a position when first seen, and
        // everything after is arrays by position: on 200,000 commits, dictionaries and a heap of
        // commits keyed by 40-character ids were about a fiftieth of a cold scan's main process.
        var position: [String: Int] = [head: 0]
        position.reserveCapacity(max(known.count, 1_024))
        var read: [GitCommit?] = [nil]
        var pending = [(at: 0, id: head, child: String?.none)]
        var count = 0
        var names = SignatureTexts()
        while let (at, id, child) = pending.popLast() {
            do {
                var commit: GitCommit
                if let cached = known[id] {
                    commit = cached
                } else {
                    commit = try repository.commit(id)
                    names.share(&commit)
                }
                if boundary.contains(id) { commit.parents = [] }
                read[at] = commit
                count += 1
                if count % 5_000 == 0 { progress(count) }
                for parent in commit.parents.reversed() where position[parent] == nil {
                    position[parent] = read.count
                    pending.append((read.count, parent, id))
                    read.append(nil)
                }
            } catch {
                result.findings.append(GitFindings.unreadableCommit(id, child: child, error: error))
            }
        }

        // Then list them newest first by committer date, but never a parent before a child:
        // committer clocks can be wrong, and callers rely on the order.
        let parents = read.map { commit in commit?.parents.compactMap { parent in position[parent].flatMap { read[$0] == nil ? nil : $0 } } ?? [] }
        var children = [Int](repeating: 0, count: read.count)
        for list in parents {
            for parent in list { children[parent] += 1 }
        }
        let times = read.map { $0?.committer.time ?? 0 }
        let ids = read.map { $0?.id ?? "" }
        var ready = BinaryHeap<Int> { lhs, rhs in
            times[lhs] != times[rhs] ? times[lhs] > times[rhs] : ids[lhs] > ids[rhs]
        }
        if read[0] != nil { ready.push(0) }
        result.commits.reserveCapacity(count)
        while let next = ready.pop() {
            guard let commit = read[next] else { continue }
            result.commits.append(commit)
            for parent in parents[next] {
                children[parent] -= 1
                if children[parent] == 0 { ready.push(parent) }
            }
        }
        return result
    }

    private func shallowBoundary() -> Set<String> {
        guard repository.isShallow,
            let text = try? String(contentsOfFile: repository.gitDirectory + "/shallow", encoding: .utf8)
        else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map(String.init))
    }
}

/// One `String` for each distinct author or committer name and e-mail address the walk reads.
///
/// Why: libgit2 hands each commit's signatures over as C strings, and each text longer than 15
/// bytes becomes a heap allocation of its own; a history has few people and many commits (in
/// a cold scan of 100,000 commits they were 15.6 MB of the heap at its peak). Shared by their
/// bytes, as the history cache's texts are when it is read: texts that are equal only by
/// canonical equivalence stay as they were written.
private struct SignatureTexts {
    private var texts = RecordTextInterner(capacity: 64)

    mutating func share(_ commit: inout GitCommit) {
        share(&commit.author.name)
        share(&commit.author.email)
        share(&commit.committer.name)
        share(&commit.committer.email)
    }

    private mutating func share(_ text: inout String) {
        // Up to 15 bytes a `String` holds its text itself: nothing to share.
        guard text.utf8.count > 15 else { return }
        text = text.withUTF8 { texts.text($0[...]) }
    }
}
