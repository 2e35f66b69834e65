import Foundation
import PhaseModel

/// Ties commits to tasks and sums what each task's commits did (docs/design/pipeline.md#commits-and-tasks).
///
/// One rule for every layout:
///
/// - A commit belongs to the tasks its **subject** names, in any spelling (`TN-99: x`,
///   `feat(TN-099): x`, `[TN-99] x`; in the layouts found by content also ranges such as
///   `T-005–T-010` and qualified ids such as `feat(015): T012`).
/// - Its **body** counts only when the subject names no task (not even one written like the
///   workspace's ids that the workspace does not list), and then under
///   `TaskReferences.tasks(inBody:…)`: every task a trailer line names (`Task: TN-201`,
///   `Tasks: TN-1, TN-2`, `Refs: TN-201`, `Closes TN-201`; see `TaskReferences.isTrailer`), and
///   the tasks the other lines name only when they name exactly one. A body that lists several
///   tasks is a summary (`docs: Phase 13 COMPLETE`) or names dependencies, and gives none of
///   them the commit; a subject that names a task keeps the commit to that task alone, whatever
///   its body mentions (`feat(TN-098): … depends on TN-201` is TN-098's only).
/// - A merge whose subject names a task as the branch merged (`Merge branch 'feature/TN-106-…'`,
///   `Merge pull request #12 from org/TN-106-x`) also gives that task every commit it brings in:
///   those reachable from its other parents but not from its first. The branch merged *into*
///   (`… into feature/TN-108-x`) does not count: what came in came from elsewhere.
///
/// Only ids of tasks the workspace knows count, so `UTF-8` in a message is not task `UTF-008`.
/// In the layouts found by content (`TaskReferences.readsRangesAndPhases`) a commit may also
/// belong to a phase or feature its subject (or, failing any task or phase there, exactly one
/// `Phase N` in its body) names.
public struct TaskAssociation: Sendable {
    /// Per task: the commits (indices into `history.commits`), newest first.
    public let commitsByTask: [String: [Int]]
    public let history: History

    /// Per phase: commits that name the phase (or feature) itself, newest first; empty for the
    /// classic layout.
    public let commitsByPhase: [String: [Int]]

    /// Per task with commits, the paths its non-merge commits changed (`pathSet(for:)`), worked
    /// out once: evidence linking, the facts of every claim scope of the task (on each thread)
    /// and the facts cache's key each asked for them again.
    private let pathSets: [String: Set<String>]

    public init(history: History, tasks: Set<String>, ids: TaskIDPattern) {
        self.init(history: history, references: .prefixed(ids, tasks: tasks))
    }

    public init(history: History, references: TaskReferences) {
        self.history = history
        // Built on the first merge that names a task as what it brought in: a history merged by
        // squashing or rebasing has none, and on 100,000 commits the graph was nearly a third
        // of linking commits to tasks.
        var graph: CommitGraph?
        var byTask: [String: Set<Int>] = [:]
        var byPhase: [String: Set<Int>] = [:]
        // Indexed access rather than copies: a commit holds several strings, and this runs over
        // every commit of the history.
        let commits = history.commits
        let named = Self.named(in: commits, references: references)
        for index in commits.indices {
            for task in named[index].tasks { byTask[task, default: []].insert(index) }
            for phase in named[index].phases { byPhase[phase, default: []].insert(index) }
            guard let merged = named[index].merged else { continue }
            if graph == nil { graph = CommitGraph(commits) }
            let brought = graph?.broughtIn(byMerge: index) ?? []
            for task in merged.tasks { byTask[task, default: []].formUnion(brought) }
            for phase in merged.phases { byPhase[phase, default: []].formUnion(brought) }
        }
        commitsByTask = byTask.mapValues { $0.sorted() }
        commitsByPhase = byPhase.mapValues { $0.sorted() }
        // Tasks on every core: on 100,000 commits these sets were a third of this initialiser,
        // on one core while the other waited (Benchmarks/RESULTS-scale.md, twentieth round).
        let withCommits = Array(commitsByTask)
        let sets = withCommits.concurrentMap(minimumPiece: 1) { task in
            var paths = Set<String>()
            for index in task.value where !commits[index].isMerge {
                for file in history.statsByPosition[index]?.files ?? [] { paths.insert(file.path) }
            }
            return paths
        }
        pathSets = Dictionary(uniqueKeysWithValues: zip(withCommits.lazy.map(\.key), sets))
    }

    /// The tasks and phases each commit names, by the rules of the type's comment, and those each
    /// merge names as the branch it merged (what that brings in is worked out after, on the
    /// graph), read on every core: on 100,000 commits reading them one after another kept one
    /// core busy for 0.15 s of `phase-close 1` while the other waited (Benchmarks/RESULTS-scale.md,
    /// twenty-second round; merges' subjects since the twenty-third).
    private static func named(in commits: [GitCommit], references: TaskReferences) -> [Named] {
        let pieceSize = 4_096
        let pieces = stride(from: 0, to: commits.count, by: pieceSize).map { $0..<min($0 + pieceSize, commits.count) }
        let tasks = references.tasks
        let extended = references.readsRangesAndPhases
        let named = pieces.concurrentMap(minimumPiece: 1) { piece in
            var scanner = TaskIDScanner(pattern: references.ids)
            return piece.map { index -> Named in
                let subject = commits[index].subject
                let merged = commits[index].parents.count > 1 ? Self.merged(by: subject, references: references, scanner: &scanner) : nil
                var named: [String]
                // The subject names a task id the workspace does not list (`feat(TN-098): …` with
                // TN-098 in another list): the commit is that task's, not one its body mentions.
                var namesOtherTask = false
                switch references.style {
                case .prefixed:
                    let written = scanner.ids(in: subject)
                    named = written.filter(tasks.contains)
                    if extended { named += references.prefixedRanges(in: subject).filter { !named.contains($0) } }
                    namesOtherTask = named.isEmpty && written.contains(where: references.hasTaskPrefix)
                case .qualified:
                    named = references.qualifiedTasks(in: subject)
                }
                // The body only speaks when the subject names no task (see the type's comment).
                if named.isEmpty, !namesOtherTask, !commits[index].body.isEmpty {
                    let features = references.style == .qualified ? references.phases(in: subject) : []
                    named = references.tasks(
                        inBody: commits[index].body, subjectFeature: features.count == 1 ? features[0] : nil, scanner: &scanner)
                }
                guard extended else { return Named(tasks: named, phases: [], merged: merged) }
                var phases = references.phases(in: subject)
                // A squash merge often names its phase only in the body: that counts when the
                // subject names no task or phase and the body names exactly one `Phase N`.
                if phases.isEmpty, named.isEmpty {
                    let inBody = references.phasesByWord(in: commits[index].body)
                    if inBody.count == 1 { phases = inBody }
                }
                return Named(tasks: named, phases: phases, merged: merged)
            }
        }
        return named.flatMap { $0 }
    }

    /// What one commit names itself, and, for a merge, the tasks and phases it names as the
    /// branch merged (`nil` when it names none): those are given what the merge brings in.
    private struct Named {
        var tasks: [String]
        var phases: [String]
        var merged: (tasks: [String], phases: [String])?
    }

    /// The tasks and phases the subject of a merge names as the branch merged; `nil` for none.
    private static func merged(
        by subject: String, references: TaskReferences, scanner: inout TaskIDScanner
    ) -> (tasks: [String], phases: [String])? {
        let source = MergeSubject.source(of: subject)
        let tasks: [String]
        switch references.style {
        case .prefixed: tasks = scanner.ids(in: source).filter(references.tasks.contains)
        case .qualified: tasks = references.qualifiedTasks(in: source)
        }
        let phases = references.readsRangesAndPhases && source != subject ? references.phases(in: source) : []
        return tasks.isEmpty && phases.isEmpty ? nil : (tasks, phases)
    }

    /// The `git` block of a phase whose commits name it: its own commits and its tasks'.
    public func summary(forPhase phase: Phase) -> GitSummary {
        var indices = Set(commitsByPhase[phase.id] ?? [])
        for task in phase.tasks { indices.formUnion(commitsByTask[task] ?? []) }
        return summary(of: indices.sorted())
    }

    /// The `git` block of a task: zero commits when none names it (that is evidence too). It
    /// lists the commits' ids; its lines are lower bounds when a non-merge commit, or some file
    /// of one, could not be read.
    public func summary(for task: String) -> GitSummary {
        summary(of: commitsByTask[task] ?? [], paths: pathSets[task] ?? [])
    }

    /// The `git` blocks of `tasks`, in order (`summary(for:)` of each), worked out on every core.
    public func summaries(for tasks: [String]) -> [GitSummary] {
        tasks.concurrentMap(minimumPiece: 8) { summary(for: $0) }
    }

    /// The summary of the commits at `indices`; `paths`, when given, are the paths their non-merge
    /// commits changed (`pathSet(for:)` of a task), so they are not gathered again.
    private func summary(of indices: [Int], paths known: Set<String>? = nil) -> GitSummary {
        var added = 0
        var deleted = 0
        var merges = 0
        var paths = Set<String>()
        var authors = Set<String>()
        var earliest: GitSignature?
        var latest: GitSignature?
        var lowerBound = false
        let commits = history.commits
        for index in indices {
            let time = commits[index].author.time
            authors.insert(commits[index].author.name)
            if earliest.map({ time < $0.time }) ?? true { earliest = commits[index].author }
            if latest.map({ time > $0.time }) ?? true { latest = commits[index].author }
            if commits[index].parents.count > 1 {
                merges += 1
                continue
            }
            guard let stats = history.statsByPosition[index] else {
                lowerBound = true
                continue
            }
            added += stats.linesAdded
            deleted += stats.linesDeleted
            if !stats.isComplete { lowerBound = true }
            if known == nil { for file in stats.files { paths.insert(file.path) } }
        }
        return GitSummary(
            commits: indices.count, merges: merges, linesAdded: added, linesDeleted: deleted,
            filesTouched: known?.count ?? paths.count,
            authors: authors.sorted(), first: earliest?.day, last: latest?.day, commitIDs: indices.map { commits[$0].id },
            linesAreLowerBound: lowerBound)
    }

    /// Paths changed by a task's non-merge commits, sorted.
    public func paths(for task: String) -> [String] {
        pathSet(for: task).sorted()
    }

    /// Paths changed by a task's non-merge commits: how evidence is linked to tasks.
    public func pathSet(for task: String) -> Set<String> {
        pathSets[task] ?? []
    }

    /// A task's history table and the files its non-merge commits changed (empty when no
    /// commit names the task).
    ///
    /// A file's `created` and `removed` follow its changes oldest first. A rename is, for the
    /// old path, the change that removed it and, for the new path, a change that carries over
    /// whether the task created the old one: a file the task added and then moved is still
    /// one it delivered. The rename's line counts belong to the new path.
    public func history(for task: String) -> TaskHistory {
        let indices = commitsByTask[task] ?? []
        let commits = history.commits
        var rows: [TaskCommit] = []
        rows.reserveCapacity(indices.count)
        for index in indices {
            let stats = history.statsByPosition[index]
            rows.append(TaskCommit(
                id: commits[index].id, shortID: String(commits[index].id.prefix(7)), subject: commits[index].subject,
                date: commits[index].committer.day, added: stats?.linesAdded ?? 0, deleted: stats?.linesDeleted ?? 0,
                isMerge: commits[index].isMerge, hasCounts: stats != nil, unreadableFiles: stats?.unreadableFiles ?? 0))
        }

        var files: [String: FileTally] = [:]
        // `indices` is newest first; the oldest change of a path decides `created`.
        for index in indices.reversed() where !commits[index].isMerge {
            for change in history.statsByPosition[index]?.files ?? [] {
                var carriedCreation = false
                if change.status == .renamed, let oldPath = change.oldPath {
                    carriedCreation = files[oldPath]?.created ?? false
                    files[oldPath, default: FileTally(firstChange: .deleted)].record(.deleted, added: 0, deleted: 0, in: index)
                }
                var tally = files[change.path] ?? FileTally(firstChange: change.status)
                if tally.commits == 0, carriedCreation { tally.created = true }
                tally.record(
                    change.status, added: change.added, deleted: change.deleted, unreadable: change.isUnreadable, in: index)
                if change.isUnreadable { tally.unreadable = true }
                files[change.path] = tally
            }
        }
        let taskFiles = files.sorted { $0.key < $1.key }.map { path, tally in
            TaskFile(
                path: path, category: FileCategory.classify(path: path), added: tally.hasCounts ? tally.added : nil,
                deleted: tally.hasCounts ? tally.deleted : nil, created: tally.created, removed: tally.removed,
                commits: tally.commits, unreadable: tally.unreadable)
        }
        return TaskHistory(commits: rows, files: taskFiles)
    }

    /// One path's changes within a task, accumulated oldest first.
    private struct FileTally {
        var created: Bool
        var removed = false
        var added = 0
        var deleted = 0
        var binary = false
        /// Some change of the path could not be read: `added` and `deleted` are lower bounds.
        var unreadable = false
        /// Some change of the path was read (and none was binary).
        var counted = false
        var commits = 0
        /// The commit (index into the history) of the latest change, so a commit that both
        /// renames a path away and adds it again counts once.
        var lastCommit = -1

        init(firstChange: FileChange.Status) { created = firstChange == .created }

        mutating func record(
            _ status: FileChange.Status, added: Int?, deleted: Int?, unreadable unreadableChange: Bool = false, in commit: Int
        ) {
            if commit != lastCommit { commits += 1 }
            lastCommit = commit
            removed = status == .deleted
            if let added, let deleted {
                self.added += added
                self.deleted += deleted
                counted = true
            } else if !unreadableChange {
                binary = true
            }
        }

        /// Counts to show: none for a file binary in any change, or unread in every one.
        var hasCounts: Bool { !binary && (counted || !unreadable) }
    }

    /// The workspace-level summary of the history.
    public static func summary(of history: History) -> HistorySummary {
        var oldest: GitSignature?
        var newest: GitSignature?
        var merges = 0
        var unreadable = 0
        let commits = history.commits
        for index in commits.indices {
            let time = commits[index].author.time
            if oldest.map({ time < $0.time }) ?? true { oldest = commits[index].author }
            if newest.map({ time > $0.time }) ?? true { newest = commits[index].author }
            if commits[index].parents.count > 1 { merges += 1 }
            if history.statsByPosition[index]?.isComplete != true { unreadable += 1 }
        }
        return HistorySummary(
            head: history.head, commits: commits.count, merges: merges,
            shallow: history.isShallow, detached: history.isHeadDetached, unreadable: unreadable,
            first: oldest?.day, last: newest?.day,
            headDate: commits.first { $0.id == history.head }?.committer.day)
    }

}

/// Reads which branch a merge commit's subject says was merged.
enum MergeSubject {
    private static let patterns: [NSRegularExpression] = [
        #"^Merge (?:remote-tracking )?branch(?:es)? (.+?)(?: into \S.*)?$"#,  // program text: git's merge subject, matched
        #"^Merge pull request #\d+ from (\S+)"#,  // program text: GitHub's merge subject, matched
        #"^Merge (?:tag|commit) (.+?)(?: into \S.*)?$"#,  // program text: git's merge subject, matched
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    /// The part of `subject` naming what was merged; the whole subject when it has no known shape.
    static func source(of subject: String) -> String {
        let range = NSRange(subject.startIndex..., in: subject)
        for pattern in patterns {
            if let match = pattern.firstMatch(in: subject, range: range), let source = Range(match.range(at: 1), in: subject) {
                return String(subject[source])
            }
        }
        return subject
    }
}

/// Parent links and generation numbers of a history, for finding what a merge brought in.
struct CommitGraph {
    let parents: [[Int]]
    /// 1 for a commit without (known) parents, else one more than its highest parent.
    let generation: [Int]

    init(_ commits: [GitCommit]) {
        // Indexed access, not copies of each commit (a third of building the graph).
        var position: [String: Int] = [:]
        position.reserveCapacity(commits.count)
        for index in commits.indices { position[commits[index].id] = index }
        var parents: [[Int]] = []
        parents.reserveCapacity(commits.count)
        for index in commits.indices { parents.append(commits[index].parents.compactMap { position[$0] }) }
        var generation = [Int](repeating: 0, count: commits.count)
        // `commits` lists every commit before its parents, so walking it backwards meets parents first.
        for index in commits.indices.reversed() {
            generation[index] = 1 + (parents[index].map { generation[$0] }.max() ?? 0)
        }
        self.parents = parents
        self.generation = generation
    }

    /// Commits reachable from the merge's second and later parents but not from its first.
    ///
    /// Both sides are walked highest generation first; a side commit is settled once the
    /// first-parent walk has gone below its generation, so each walk stops at the fork point.
    func broughtIn(byMerge merge: Int) -> Set<Int> {
        let mergeParents = parents[merge]
        guard mergeParents.count > 1 else { return [] }
        var mainSeen: Set<Int> = [mergeParents[0]]
        let generation = self.generation
        var mainQueue = BinaryHeap<Int> { generation[$0] > generation[$1] }
        mainQueue.push(mergeParents[0])
        var sideSeen = Set<Int>()
        var sideQueue = BinaryHeap<Int> { generation[$0] > generation[$1] }
        for parent in mergeParents.dropFirst() where sideSeen.insert(parent).inserted { sideQueue.push(parent) }
        var result = Set<Int>()
        while let candidate = sideQueue.pop() {
            // Advance the first-parent walk to every ancestor at least as high as the candidate.
            while let top = mainQueue.first, generation[top] >= generation[candidate] {
                _ = mainQueue.pop()
                for parent in parents[top] where mainSeen.insert(parent).inserted { mainQueue.push(parent) }
            }
            guard !mainSeen.contains(candidate) else { continue }
            result.insert(candidate)
            for parent in parents[candidate] where sideSeen.insert(parent).inserted { sideQueue.push(parent) }
        }
        return result
    }
}
