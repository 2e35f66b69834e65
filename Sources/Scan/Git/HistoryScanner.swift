import Foundation
import PhaseModel
import TextSupport

/// Reads the history reachable from HEAD (or from a given commit) with per-commit statistics,
/// using the cache for commits already counted and worker processes for the rest when there are many.
public struct HistoryScanner: Sendable {
    /// How to start a worker process: this executable with the arguments that make it serve
    /// `StatsWorker` on the repository. `nil` computes everything in this process.
    public struct WorkerCommand: Sendable {
        /// What a worker reads and writes.
        public enum Output: Sendable {
            /// `StatsWorker`: jobs in, `HistoryRecordFormat` records out.
            case records
            /// `git log` (`GitLogCounting`): commit ids in, its output read by `GitLogRecords`.
            case gitLog
        }

        public var executable: String
        public var arguments: [String]
        /// The worker's environment; `nil`: this process's.
        public var environment: [String: String]?
        public var output: Output

        public init(executable: String, arguments: [String], environment: [String: String]? = nil, output: Output = .records) {
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
            self.output = output
        }
    }

    public let repositoryPath: String
    /// Where the cache lives, relative to the repository root; a leading `.git/` means the
    /// repository's git folder, wherever it is.
    public let cachePath: String
    public let worker: WorkerCommand?
    /// Git to count changes with, before `worker` or this process; `nil`: libgit2 counts them.
    public var gitLog: GitLogCounting?
    /// Worker processes to use at most (default: the number of processors).
    public let workerCount: Int
    /// Fewer uncached commits than this are counted in one process (git, else this one):
    /// starting more costs more than it saves.
    public let workerThreshold: Int
    /// The commit the history starts from instead of HEAD (a full id; any spelling git accepts
    /// works); `nil` for HEAD.
    public let startRevision: String?
    /// Where the cache is written while the caller goes on, when set; `nil`: before `scan`
    /// returns, with a note in the history when it cannot be.
    var backgroundWrites: BackgroundWrites?
    /// From how many commits counted in one scan their history is compacted: written in the
    /// cache's format and read back from those bytes before `scan` returns.
    ///
    /// Why: read back, each path, name and id is one string, the records lie together, and what
    /// the walk and the count left between them is given back. After a cold scan of 100,000
    /// commits the history and the memory around it had taken about 90 MB more than the same
    /// history read from the cache, until the end of the run (Benchmarks/RESULTS-scale.md,
    /// twenty-sixth round).
    var compactingCount = 1_000

    public init(
        repositoryPath: String, cachePath: String = ".git/phasecert", worker: WorkerCommand? = nil,
        workerCount: Int = ProcessInfo.processInfo.activeProcessorCount, workerThreshold: Int = 2_000,
        startRevision: String? = nil
    ) {
        self.repositoryPath = repositoryPath
        self.cachePath = cachePath
        self.worker = worker
        self.workerCount = max(1, workerCount)
        self.workerThreshold = workerThreshold
        self.startRevision = startRevision
    }

    /// The history, or `nil` when `repositoryPath` is not a git repository.
    /// `progress` receives short status lines for long walks.
    ///
    /// With a `startRevision` the history is the one reachable from that commit, `History.head`
    /// is that commit and `isHeadDetached` is true: the history is read as `git checkout <commit>`
    /// would leave it, at a commit rather than on a branch. The cache is then read but written
    /// only when that commit is also HEAD: it holds HEAD's history, so that a scan of an older
    /// commit neither replaces it nor is mistaken for it. Throws when the revision does not name
    /// a commit.
    public func scan(progress: @escaping @Sendable (String) -> Void = { _ in }) throws(GitError) -> History? {
        let repository: GitRepository
        do {
            guard let opened = try GitRepository(path: repositoryPath) else { return nil }
            repository = opened
        }
        // Counting's settings, whatever an earlier scan in this process left (its look-ups').
        repository.prepareForWalk(false)
        let shallow = repository.isShallow
        let currentHead = try repository.head()
        let start = try startRevision.map { revision throws(GitError) in try repository.commitID(forRevision: revision) }
        let detached = start != nil || repository.isHeadDetached
        guard let head = start ?? currentHead else {
            return History(
                head: nil, commits: [], stats: [:], isShallow: shallow, isHeadDetached: detached,
                findings: [], notes: [], cachedCommits: 0)
        }

        let cache = HistoryCache(
            directory: cacheDirectory(gitDirectory: repository.gitDirectory), boundary: cacheBoundary(gitDirectory: repository.gitDirectory))
        var notes: [String] = []
        var cached: HistoryCache.Contents?
        switch cache.load() {
        case let .loaded(contents): cached = contents
        case .missing: break
        case let .damaged(reason):
            notes.append(LocalizedText(message: "problem.git.cache.damaged", ["file": .text(cache.file), "reason": .text(reason)]).en)
            cache.discard()
        }

        // The cache taken apart, so that its commits and statistics are changed in place, not copied.
        let (cachedHead, cachedComplete, base) = (cached?.head, cached?.complete ?? false, cached?.base)
        var kept = cached?.commits ?? []
        var stats = cached?.stats ?? [:]
        cached = nil

        // The cache lists the commits of the HEAD it was written for in walk order: when HEAD has
        // not moved, that is the walk. Otherwise the walk reads only commits the cache lacks.
        var walk: CommitWalk.Result
        // New commits on the cached HEAD, when that is how the walk was made: they alone are
        // written, on top of the cache file (`HistoryCache.saveOnTop`).
        var chain: [GitCommit]?
        if cachedHead == head, cachedComplete, !shallow {
            walk = CommitWalk.Result(commits: kept, findings: [])
        } else if let cachedHead, cachedComplete, !shallow, let commits = Self.chain(from: head, onto: cachedHead, in: repository) {
            chain = commits
            kept.insert(contentsOf: commits, at: 0)
            walk = CommitWalk.Result(commits: kept, findings: [])
        } else {
            repository.prepareForWalk(true)
            defer { repository.prepareForWalk(false) }
            var walker = CommitWalk(repository: repository)
            walker.known = Dictionary(kept.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            walk = walker.walk(from: head) { count in
                progress(LocalizedText(message: "cli.git.progress.reading", ["count": .text(String(count))]).en)
            }
        }
        kept = []
        var findings = walk.findings
        if shallow { findings.insert(GitFindings.shallow(commits: walk.commits.count), at: 0) }

        // A shallow clone's boundary commits have parents the clone lacks: diffed against the empty
        // tree they would claim every file of the repository, so their changes are unknown.
        let boundary = shallow ? shallowBoundary(of: walk.commits, in: repository) : [:]
        for id in boundary.keys { stats[id] = nil }
        // One look at each commit's statistics: those to count, and where some of a commit's files
        // may be unread (looked at again once the counting is done). Two passes by id were 80
        // samples at 999 a second of `phase-close 1` on 100,000 commits after one new commit,
        // with the rest of the scan waiting (Benchmarks/RESULTS-scale.md, twenty-first round).
        var jobs: [StatsWorker.Job] = []
        var unsure: [Int] = []
        var byPosition = [CommitStats?](repeating: nil, count: walk.commits.count)
        for index in walk.commits.indices {
            let id = walk.commits[index].id
            if let entry = stats[id] {
                byPosition[index] = entry
                if !entry.isComplete { unsure.append(index) }
            } else if boundary[id] == nil {
                jobs.append(StatsWorker.Job(commit: id, parent: walk.commits[index].parents.first))
                unsure.append(index)
            }
        }
        let cachedCommits = walk.commits.count - jobs.count

        if !jobs.isEmpty {
            let (computed, gitLeftOver) = compute(jobs, repository: consume repository, progress: progress)
            if gitLeftOver > 0, let gitLog {
                notes.append(LocalizedText(
                    message: "problem.git.count.fallback", ["git": .text(gitLog.executable), "count": .text(String(gitLeftOver))]).en)
            }
            for (id, entry) in computed.stats { stats[id] = entry }
            for id in computed.order {
                if let message = computed.failures[id] { findings.append(GitFindings.unreadableStats(id, message: message)) }
            }
        }
        // Commits counted without some of their files (a blob missing or damaged), walk order.
        for index in unsure {
            let id = walk.commits[index].id
            byPosition[index] = stats[id]
            guard let entry = byPosition[index], !entry.isComplete else { continue }
            findings.append(GitFindings.unreadableFiles(id, paths: entry.files.filter(\.isUnreadable).map(\.path)))
        }
        let complete = !shallow && walk.findings.isEmpty
        let ownsCache = head == currentHead
        var compacted = false
        if ownsCache, cachedHead != head || (cachedHead != nil && cachedComplete != complete) || !jobs.isEmpty {
            // Parents are cached as the objects record them, not as a shallow boundary cuts
            // them; a boundary commit's statistics (against the empty tree) are not cached,
            // so they are counted again, properly, once the clone is complete.
            var stored = walk.commits
            var storedStats = stats
            if shallow {
                for index in stored.indices {
                    guard let parents = boundary[stored[index].id] else { continue }
                    stored[index].parents = parents
                    storedStats[stored[index].id] = nil
                }
            }
            // Only the chain's commits were counted: the cache file under it stays as it is.
            let onTop = chain.flatMap { chain in
                let ids = Set(chain.map(\.id))
                return base.flatMap { complete && jobs.allSatisfy { ids.contains($0.commit) } ? (base: $0, chain: chain) : nil }
            }
            // A history counted anew is written to the cache and read back from those bytes.
            var file: [UInt8]?
            if onTop == nil, !shallow, jobs.count >= compactingCount {
                let bytes = HistoryCache.fileBytes(head: head, complete: complete, commits: stored, stats: storedStats)
                // The cache keeps complete statistics only; the others are counted again next run.
                let incomplete = stats.filter { !$0.value.isComplete }
                (stored, storedStats, walk.commits, stats, byPosition, jobs) = ([], [:], [], [:], [], [])
                FreedMemory.giveBack()
                guard case let .loaded(contents) = cache.read(bytes, withTop: false) else {
                    // What was just written is not read back: a fault of this program's, not of
                    // the repository; counted again the way that does not read it back.
                    var again = self
                    again.compactingCount = .max
                    return try again.scan(progress: progress)
                }
                walk.commits = contents.commits
                stats = contents.stats.merging(incomplete) { kept, _ in kept }
                byPosition = walk.commits.map { stats[$0.id] }
                file = bytes
                compacted = true
            }
            let save: @Sendable () -> String? = { [stored, storedStats, file] in
                do {
                    if let file {
                        try cache.save(fileBytes: file)
                    } else if let onTop {
                        try cache.saveOnTop(over: onTop.base, head: head, newCommits: onTop.chain, commits: stored, stats: storedStats)
                    } else {
                        try cache.save(head: head, complete: complete, commits: stored, stats: storedStats)
                    }
                    return nil
                } catch {
                    let arguments: [String: MessageArgument] = ["file": .text(cache.file), "reason": .text(error.localizedDescription)]
                    return LocalizedText(message: "problem.git.cache.unwritable", arguments).en
                }
            }
            if let backgroundWrites {
                backgroundWrites.start(save)
            } else if let note = save() {
                notes.append(note)
            }
        }
        // Statistics of commits no longer reachable (HEAD moved back, a branch rewritten) go.
        if !compacted, stats.count > cachedCommits + computedCount(jobs, stats) {
            let reachable = Set(walk.commits.map(\.id))
            stats = stats.filter { reachable.contains($0.key) }
        }
        return History(
            head: head, commits: walk.commits, stats: stats, statsByPosition: byPosition, isShallow: shallow,
            isHeadDetached: detached, findings: findings, notes: notes, cachedCommits: cachedCommits)
    }

    private func computedCount(_ jobs: [StatsWorker.Job], _ stats: [String: CommitStats]) -> Int {
        jobs.count { stats[$0.commit] != nil }
    }

    /// The commits from `head` down to just above `cachedHead`, newest first, when they form one
    /// line of single-parent commits ending on it (new commits on the branch the cache was written
    /// for); `nil` otherwise, or past `limit` commits. The walk would list them first and then
    /// the cached commits in the cache's order: while it takes them, each is the only commit ready,
    /// and once the last is taken `cachedHead` is, as when the cache was written. Sorting 100,000
    /// cached commits again for one new commit took a third of a second.
    static func chain(
        from head: String, onto cachedHead: String, in repository: GitRepository, limit: Int = chainLimit
    ) -> [GitCommit]? {
        var chain: [GitCommit] = []
        var id = head
        while id != cachedHead {
            guard chain.count < limit, let commit = try? repository.commit(id), commit.parents.count == 1 else { return nil }
            chain.append(commit)
            id = commit.parents[0]
        }
        return chain
    }

    /// The most new commits `chain(from:onto:in:)` follows before leaving the order to the walk.
    static let chainLimit = 1_000

    func cacheDirectory(gitDirectory: String) -> String {
        if cachePath == ".git" { return gitDirectory }
        if cachePath.hasPrefix(".git/") { return gitDirectory + "/" + cachePath.dropFirst(5) }
        return cachePath.hasPrefix("/") ? cachePath : repositoryPath + "/" + cachePath
    }

    /// Where the cache may be written (see `WriteBoundary`): a link out of it is refused, and
    /// the refusal is a note, like any cache that cannot be written; the scan goes on without it.
    func cacheBoundary(gitDirectory: String) -> WriteBoundary {
        if cachePath == ".git" || cachePath.hasPrefix(".git/") {
            return WriteBoundary(root: gitDirectory, name: LocalizedText(message: "problem.git.cache.boundary.git-folder").en)
        }
        if cachePath.hasPrefix("/") {
            return WriteBoundary(root: cachePath, name: LocalizedText(message: "problem.git.cache.boundary.cache-folder").en)
        }
        return WriteBoundary(root: repositoryPath, name: LocalizedText(message: "problem.git.cache.boundary.repository").en)
    }

    private func compute(
        _ jobs: [StatsWorker.Job], repository: consuming GitRepository, progress: @escaping @Sendable (String) -> Void
    ) -> (HistoryRecordFormat.Parsed, gitLeftOver: Int) {
        let counter = ProgressCounter(total: jobs.count, report: progress)
        var parsed = HistoryRecordFormat.Parsed()
        var remaining = jobs
        var open: GitRepository? = consume repository
        let many = jobs.count >= workerThreshold && workerCount > 1
        // Git first; libgit2's workers for what it left (all of it when git cannot count here).
        let git = gitLog.flatMap { open.flatMap($0.command(for:)) }
        var gitLeftOver = 0
        for command in [git, many ? worker : nil].compactMap({ $0 }) where !remaining.isEmpty {
            // Let go while the workers count: the walk's pack windows and the pack's index stay
            // mapped as long as the repository is open, and were 90 MB of this process's resident
            // memory through the count of 100,000 commits (Benchmarks/RESULTS-scale.md,
            // twenty-sixth round).
            open = nil
            remaining = pooled(remaining, command: command, split: many, counter: counter, into: &parsed)
            if command.output == .gitLog { gitLeftOver = remaining.count }
        }
        guard !remaining.isEmpty else { return (parsed, gitLeftOver) }
        if open == nil {
            do {
                open = try GitRepository(path: repositoryPath)
                if open == nil {
                    fail(remaining, reason: LocalizedText(message: "error.git.export.not-a-repository", ["path": .text(repositoryPath)]).en, into: &parsed)
                }
            } catch {
                fail(remaining, reason: error.message, into: &parsed)
            }
        }
        if let open { inProcess(remaining, repository: open, counter: counter, into: &parsed) }
        return (parsed, gitLeftOver)
    }

    /// Counts `jobs` in worker processes started with `command`, adding what they counted to
    /// `parsed`; returns the jobs of workers that died or wrote something unreadable.
    private func pooled(
        _ jobs: [StatsWorker.Job], command: WorkerCommand, split: Bool, counter: ProgressCounter, into parsed: inout HistoryRecordFormat.Parsed
    ) -> [StatsWorker.Job] {
        // A worker's memory grows with the span of history it reads (pack pages it touched
        // stay mapped), so long histories are cut into more slices than processors, each a
        // fresh process, with at most `workerCount` running at once.
        let slices = (split ? Self.workerSlices(jobs.count, workers: workerCount) : [jobs.indices]).map { jobs[$0] }
        let outputs = WorkerPool(command: command, concurrency: workerCount).run(slices, counter: counter)
        var leftovers: [StatsWorker.Job] = []
        for (slice, output) in zip(slices, outputs) {
            if let part = output, part.order.count == slice.count {
                parsed.stats.merge(part.stats) { first, _ in first }
                parsed.failures.merge(part.failures) { first, _ in first }
                parsed.order += part.order
            } else {
                leftovers += slice
            }
        }
        return leftovers
    }

    /// The repository is gone since the walk: the commits' changes are unknown, and each says so.
    private func fail(_ jobs: [StatsWorker.Job], reason: String, into parsed: inout HistoryRecordFormat.Parsed) {
        for job in jobs {
            parsed.failures[job.commit] = reason
            parsed.order.append(job.commit)
        }
    }

    private func inProcess(_ jobs: [StatsWorker.Job], repository: GitRepository, counter: ProgressCounter, into parsed: inout HistoryRecordFormat.Parsed) {
        StatsWorker.run(jobs, repository: repository) { bytes in
            counter.add(bytes.count { $0 == 0x0A })
            // Records this process wrote itself always parse; a failure here is a bug, not input.
            try? HistoryRecordFormat.parse(bytes[...], into: &parsed)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Most commits one worker process counts before it exits.
    static let jobsPerWorker = 6_250

    /// The worker processes' ranges of `count` jobs, in order: at least `workers` parts of at most
    /// `jobsPerWorker`; when they take more than one round, the last `workers` of them cut in two.
    /// The last parts run at once, and one that costs more than the others (equal in commits, not
    /// in work) had left a core idle: in a cold scan of 50,000 commits the last worker ran alone for
    /// half a second or more. In one round, halves would only start more processes.
    static func workerSlices(_ count: Int, workers: Int) -> [Range<Int>] {
        let parts = slices(count, into: max(workers, (count + jobsPerWorker - 1) / jobsPerWorker))
        guard parts.count > workers else { return parts }
        let whole = parts.count - workers
        return Array(parts[..<whole]) + parts[whole...].flatMap { part in
            let middle = part.lowerBound + part.count / 2
            return part.count < 2 ? [part] : [part.lowerBound..<middle, middle..<part.upperBound]
        }
    }

    /// `count` items cut into `parts` contiguous ranges of nearly equal size.
    static func slices(_ count: Int, into parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }
}

/// Counts finished work across threads and reports it now and then.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var lines = 0
    private var lastReported = 0
    private let report: @Sendable (String) -> Void

    init(total: Int, report: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.report = report
    }

    /// Adds output lines written (a rough measure: one per file plus one per commit).
    func add(_ count: Int) {
        let message: String? = lock.withLock {
            lines += count
            guard lines - lastReported >= 20_000 else { return nil }
            lastReported = lines
            return LocalizedText(message: "cli.git.progress.counting", ["total": .text(String(total)), "count": .text(String(lines))]).en
        }
        if let message { report(message) }
    }
}

/// Runs one worker process per slice and collects each one's standard output.
struct WorkerPool {
    let command: HistoryScanner.WorkerCommand
    /// Processes running at once at most.
    var concurrency: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Each worker's records, parsed as they arrive, in slice order; `nil` for a worker that
    /// could not start, wrote something unreadable or did not exit 0.
    func run(_ slices: [ArraySlice<StatsWorker.Job>], counter: ProgressCounter) -> [HistoryRecordFormat.Parsed?] {
        // A worker that dies before reading its jobs must not take this process down with it:
        // writing to its pipe then fails with EPIPE instead of raising SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let results = ResultBox(count: slices.count)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, concurrency))
        for (index, slice) in slices.enumerated() {
            slots.wait()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command.executable)
            process.arguments = command.arguments
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            if let environment = command.environment { process.environment = environment }
            do {
                try process.run()
            } catch {
                slots.signal()
                continue
            }
            let format = command.output
            let jobs = format == .gitLog ? Self.encodeIDs(slice) : StatsWorker.encode(slice)
            let ids = format == .gitLog ? slice.map(\.commit) : []
            OwnThread.start(in: group) {
                try? input.fileHandleForWriting.write(contentsOf: jobs)
                try? input.fileHandleForWriting.close()
            }
            OwnThread.start(in: group) {
                let parsed =
                    format == .gitLog
                    ? Self.readGitLog(output.fileHandleForReading, ids: ids, counter: counter)
                    : Self.read(output.fileHandleForReading, counter: counter)
                process.waitUntilExit()
                results.set(index, process.terminationStatus == 0 ? parsed : nil)
                slots.signal()
            }
        }
        group.wait()
        return results.values
    }

    /// Parses records as they arrive, so the raw output is never held whole: each chunk is
    /// parsed up to the last record that starts in it, the rest carried over.
    private static func read(_ handle: FileHandle, counter: ProgressCounter) -> HistoryRecordFormat.Parsed? {
        var parsed = HistoryRecordFormat.Parsed()
        var pending: [UInt8] = []
        let readable = drain(handle) { chunk in
            counter.add(chunk.count { $0 == 0x0A })
            pending.append(contentsOf: chunk)
            guard let cut = lastRecordStart(in: pending), cut > 0 else { return true }
            defer { pending.removeFirst(cut) }
            return (try? HistoryRecordFormat.parse(pending[..<cut], into: &parsed)) != nil
        }
        guard readable, (try? HistoryRecordFormat.parse(pending[...], into: &parsed)) != nil else { return nil }
        return parsed
    }

    /// Converts git's output as it arrives (`GitLogRecords`); each piece it gives holds whole
    /// commits, parsed at once. `nil` when it stops short or does not read as expected.
    private static func readGitLog(_ handle: FileHandle, ids: [String], counter: ProgressCounter) -> HistoryRecordFormat.Parsed? {
        var parsed = HistoryRecordFormat.Parsed()
        var records = GitLogRecords(ids: ids)
        var bytes: [UInt8] = []
        let readable = drain(handle) { chunk in
            records.consume(chunk, into: &bytes)
            guard !records.isMalformed, (try? HistoryRecordFormat.parse(bytes[...], into: &parsed)) != nil else { return false }
            counter.add(bytes.count { $0 == 0x0A })
            bytes.removeAll(keepingCapacity: true)
            return true
        }
        guard readable, records.finish(into: &bytes), (try? HistoryRecordFormat.parse(bytes[...], into: &parsed)) != nil else { return nil }
        counter.add(bytes.count { $0 == 0x0A })
        return parsed
    }

    /// Reads `handle` to its end, giving each chunk to `take` until it returns false; what comes
    /// after is read and dropped, so that a worker never blocks on a full pipe. True when every
    /// chunk was taken.
    private static func drain(_ handle: FileHandle, _ take: (Data) -> Bool) -> Bool {
        var taking = true
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return taking }
            if taking { taking = take(chunk) }
        }
    }

    /// The commits of `jobs`, one id a line, as `git log --stdin` reads them.
    static func encodeIDs(_ jobs: ArraySlice<StatsWorker.Job>) -> Data {
        var text = ""
        text.reserveCapacity(jobs.count * 41)
        for job in jobs { text += job.commit + "\n" }
        return Data(text.utf8)
    }

    /// Index of the last `c ` or `! ` that starts a line after a complete line.
    private static func lastRecordStart(in bytes: [UInt8]) -> Int? {
        var index = bytes.count - 2
        while index > 0 {
            if bytes[index - 1] == 0x0A, bytes[index + 1] == 0x20, bytes[index] == 0x63 || bytes[index] == 0x21 { return index }
            index -= 1
        }
        return nil
    }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [HistoryRecordFormat.Parsed?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: HistoryRecordFormat.Parsed?) { lock.withLock { storage[index] = value } }
        var values: [HistoryRecordFormat.Parsed?] { lock.withLock { storage } }
    }
}

extension HistoryScanner {
    /// Commits of a shallow walk whose parents were cut off (without parents here), each with
    /// the parents its own object records.
    fileprivate func shallowBoundary(of commits: [GitCommit], in repository: GitRepository) -> [String: [String]] {
        var boundary: [String: [String]] = [:]
        for commit in commits where commit.parents.isEmpty {
            guard let parents = try? repository.commit(commit.id).parents, !parents.isEmpty else { continue }
            boundary[commit.id] = parents
        }
        return boundary
    }
}
