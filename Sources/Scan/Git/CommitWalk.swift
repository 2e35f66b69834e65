import Foundation
import PhaseModel

/// Walks every commit reachable from HEAD, newest first, reading each one once.
///
/// The walk is phasecert's own rather than libgit2's revwalk so that a commit whose object is
/// missing is reported and passed over instead of ending the walk. Commits listed in a shallow
/// clone's `shallow` file are taken to have no parents, as git takes them.
struct CommitWalk {
    let repository: GitRepository

    struct Result {
        var commits: [GitCommit] = []
        var findings: [Finding] = []
    }

    func walk(from head: String, progress: (Int) -> Void) -> Result {
        var result = Result()
        let boundary = shallowBoundary()
        var seen: Set<String> = [head]
        // Max-heap on committer time, ties broken by id, so the order is the same on every run.
        var queue = BinaryHeap<GitCommit> { lhs, rhs in
            lhs.committer.time != rhs.committer.time ? lhs.committer.time > rhs.committer.time : lhs.id > rhs.id
        }
        func enqueue(_ id: String, childID: String?) {
            do {
                var commit = try repository.commit(id)
                if boundary.contains(id) { commit.parents = [] }
                queue.push(commit)
            } catch {
                result.findings.append(GitFindings.unreadableCommit(id, child: childID, error: error))
            }
        }
        enqueue(head, childID: nil)
        while let commit = queue.pop() {
            result.commits.append(commit)
            if result.commits.count % 5_000 == 0 { progress(result.commits.count) }
            for parent in commit.parents where seen.insert(parent).inserted {
                enqueue(parent, childID: commit.id)
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
