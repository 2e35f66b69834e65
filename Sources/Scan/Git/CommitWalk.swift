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

        // First read every reachable commit once.
        var byID: [String: GitCommit] = [:]
        var pending = [(id: head, child: String?.none)]
        var seen: Set<String> = [head]
        while let (id, child) = pending.popLast() {
            do {
                var commit: GitCommit
                if let cached = known[id] { commit = cached } else { commit = try repository.commit(id) }
                if boundary.contains(id) { commit.parents = [] }
                byID[id] = commit
                if byID.count % 5_000 == 0 { progress(byID.count) }
                for parent in commit.parents.reversed() where seen.insert(parent).inserted {
                    pending.append((parent, id))
                }
            } catch {
                result.findings.append(GitFindings.unreadableCommit(id, child: child, error: error))
            }
        }

        // Then list them newest first by committer date, but never a parent before a child:
        // committer clocks can be wrong, and callers rely on the order.
        var children: [String: Int] = [:]
        for commit in byID.values {
            for parent in commit.parents where byID[parent] != nil { children[parent, default: 0] += 1 }
        }
        var ready = BinaryHeap<GitCommit> { lhs, rhs in
            lhs.committer.time != rhs.committer.time ? lhs.committer.time > rhs.committer.time : lhs.id > rhs.id
        }
        if let top = byID[head] { ready.push(top) }
        result.commits.reserveCapacity(byID.count)
        while let commit = ready.pop() {
            result.commits.append(commit)
            for parent in commit.parents {
                guard let remaining = children[parent], let parentCommit = byID[parent] else { continue }
                if remaining == 1 {
                    children[parent] = nil
                    ready.push(parentCommit)
                } else {
                    children[parent] = remaining - 1
                }
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
