import Foundation
import PhaseModel

/// Adds what the files and the history say to the claims that name files or commits; the scan
/// stage owns file access, so these facts are gathered here rather than while judging.
///
/// - `loc` with a path subject: `verified` is the resolved file's line count, counted as
///   `Document.lines` counts (line terminators, plus one for a last line without one);
///   `verifiedValue` is the resolved repository-relative path. A figure is compared with the
///   file as it was when the document stating it was written: when the history has the
///   document's last commit (and the document has not been edited since) and the file differs
///   there from the work tree, the file is counted at that commit (`evidenceBasis`
///   `documentCommit`); when the history has the file but that commit did not, the figure was a
///   plan or an estimate and gets no count (`absentAtDocumentCommit`). Without a history, or for
///   a document or file the history does not have, the work tree is counted as it is. A bare name
///   several files share gets no count either (`ambiguousPath`).
/// - `loc` of a history-table row (`claimedValue` a commit prefix): `verified` is the lines the
///   one commit with that prefix added against its first parent, `verifiedValue` its full id; no
///   such commit (in a complete history) or several are told by `evidenceBasis`.
/// - `deliverable`: `verified` is 1 when the path exists as a file or folder, else 0;
///   `verifiedValue` is the resolved path.
/// - `commitRef`: `verified` is 1 with the full id when exactly one commit of the history has the
///   prefix, 0 when none has (in a complete history).
///
/// - `testCount` naming a test file (`claimedValue`), counting new tests (subject `new`), or
///   labelled by the name of one test suite: see `addTestDefinitions`.
/// - `fileCount` of a report's line: the files the commit it describes changed; see
///   `addChangedFiles`.
///
/// What cannot be known stays `nil`: a path outside the repository, an ambiguous commit prefix,
/// a missing history. See `ClaimPathResolver` for how a written path is found.
public struct ClaimFacts: Sendable {
    let tree: RepositoryTree
    let tasks: [TaskRecord]
    let phases: [Phase]
    let history: History?
    let association: TaskAssociation?
    /// The work tree's files: where a path written by a claim of no task or phase is looked up by name.
    let workTree: [String]
    /// The repository whose objects `history` was read from, for files as a past commit had them;
    /// `nil`: line counts are always of the work tree.
    let repository: String?
    /// The history's indices, when they were started ahead of the facts (on other threads, while
    /// the scan did other work); `nil`: built when the facts need them.
    let indices: BackgroundValue<HistoryIndices>?

    public init(
        tree: RepositoryTree, tasks: [TaskRecord], phases: [Phase], history: History?, association: TaskAssociation?,
        workTree: [String] = [], repository: String? = nil
    ) {
        self.init(
            tree: tree, tasks: tasks, phases: phases, history: history, association: association, workTree: workTree,
            repository: repository, indices: nil)
    }

    init(
        tree: RepositoryTree, tasks: [TaskRecord], phases: [Phase], history: History?, association: TaskAssociation?,
        workTree: [String], repository: String?, indices: BackgroundValue<HistoryIndices>?
    ) {
        self.indices = indices
        self.workTree = workTree
        self.repository = repository
        self.tree = tree
        self.tasks = tasks
        self.phases = phases
        self.history = history
        self.association = association
    }

    /// `claims` with the facts added, in the same order.
    public func apply(to claims: [Claim]) -> [Claim] {
        applyRecording(to: claims).claims
    }

    /// `claims` in the same order, with the facts added to those `needed` accepts and the others
    /// as they were written: a claim's facts depend on it and the repository alone, so leaving
    /// some out changes nothing of the rest.
    public func apply(to claims: consuming [Claim], where needed: (Claim) -> Bool) -> [Claim] {
        // Taken, not borrowed: the caller's array is the one changed, where a copy of every claim
        // had been made to change a few (38 MB of `phase-close 1` at 100,000 commits).
        var result = consume claims
        let positions = result.indices.filter { needed(result[$0]) }
        for (position, claim) in zip(positions, apply(to: positions.map { result[$0] })) { result[position] = claim }
        return result
    }

    /// `claims` with the facts added, in the same order, and every work-tree path the facts were
    /// read from, listed or looked up, with its signature from before it was read.
    /// `reads` is `nil` when a file changed while the facts were read from it.
    func applyRecording(to claims: consuming [Claim]) -> (claims: [Claim], reads: [String: FileSignature]?) {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, claims.count / Self.claimsPerWorker)
        return applyRecording(to: claims, workers: workers)
    }

    /// `claims` with the facts added, worked on by `workers` threads (one below 2).
    func apply(to claims: [Claim], workers: Int) -> [Claim] {
        applyRecording(to: claims, workers: workers).claims
    }

    /// `claims` with the facts added, worked on by `workers` threads (one below 2), and what they read.
    ///
    /// The claims are taken and each is changed in its place, by the one thread whose share it is
    /// in: the shares' results and the array they were put back into had held every claim twice
    /// more, at the cold scan's peak memory (Benchmarks/RESULTS-scale.md, twentieth round).
    func applyRecording(to claims: consuming [Claim], workers: Int) -> (claims: [Claim], reads: [String: FileSignature]?) {
        var claims = consume claims
        guard workers > 1 else {
            var lookup = Lookup(facts: self, indices: indices?.value)
            for index in claims.indices { claims[index] = Self.apply(to: claims[index], with: &lookup) }
            return (claims, lookup.reads.signatures)
        }
        // A claim's facts depend only on the claim and the repository, never on which claims
        // came before. The claims are put in document order (a document's claims share the
        // caches of one lookup) and cut into equal runs, one a core: a plan whose master list
        // holds most claims is shared too, at the cost of reading that document once a core.
        // Commit subjects, which come last and cost more each (their files are read at their
        // commits), are cut into runs of their own, so that every core gets its share of both
        // and none is left working alone on the subjects.
        var firstOfDocument: [String: Int] = [:]
        for index in claims.indices where firstOfDocument[claims[index].source.file ?? ""] == nil {
            firstOfDocument[claims[index].source.file ?? ""] = index
        }
        let ordered = claims.indices.sorted {
            let left = firstOfDocument[claims[$0].source.file ?? ""] ?? 0
            let right = firstOfDocument[claims[$1].source.file ?? ""] ?? 0
            return left != right ? left < right : $0 < $1
        }
        let documents = ordered.filter { claims[$0].source.file != nil }
        let subjects = ordered.filter { claims[$0].source.file == nil }
        let shares = (0..<workers).map { worker in
            Self.run(worker, of: workers, in: documents) + Self.run(worker, of: workers, in: subjects)
        }
        let slots = ResultSlots<[String: FileSignature]>(count: workers)
        let split = shares
        let indices = self.indices?.value ?? history.map { HistoryIndices(of: $0, workTree: workTree) }
        claims.withUnsafeMutableBufferPointer { buffer in
            // Every claim is in exactly one share: no two threads reach the same place.
            let places = DisjointPlaces(first: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var lookup = Lookup(facts: self, indices: indices)
                for index in split[worker] { places.first[index] = Self.apply(to: places.first[index], with: &lookup) }
                slots.set(worker, lookup.reads.signatures)
            }
        }
        return (claims, Self.merged(slots.values()))
    }

    /// What several threads read, together; `nil` when two saw a file with different signatures:
    /// they read it while it changed, so the facts may come from either content and no one
    /// signature vouches for them.
    static func merged(_ reads: [[String: FileSignature]]) -> [String: FileSignature]? {
        var result: [String: FileSignature] = [:]
        var agreed = true
        for read in reads {
            result.merge(read) { first, other in
                agreed = agreed && first == other
                return first
            }
        }
        return agreed ? result : nil
    }

    /// The `worker`-th of `workers` equal runs of `indices`.
    private static func run(_ worker: Int, of workers: Int, in indices: [Int]) -> [Int] {
        Array(indices[(worker * indices.count / workers)..<((worker + 1) * indices.count / workers)])
    }

    /// Below this many claims a second core costs more than it saves.
    static let claimsPerWorker = 2_000

    private static func apply(to claim: Claim, with lookup: inout Lookup) -> Claim {
        var claim = claim
        lookup.enter(claim.source)
        switch claim.kind {
        case .loc: lookup.addLines(to: &claim)
        case .deliverable: lookup.addExistence(to: &claim)
        case .commitRef: lookup.addCommit(to: &claim)
        case .date: lookup.addDocumentDays(to: &claim)
        case .testCount: lookup.addTestDefinitions(to: &claim)
        case .fileCount: lookup.addChangedFiles(to: &claim)
        default: break
        }
        return claim
    }

    /// Caches for one `apply`: the files of each scope, line counts, the sorted commit ids.
    struct Lookup {
        let facts: ClaimFacts
        /// The files of the scopes worked on last, by name.
        var filesByScope = RecentScopeIndices()
        /// Where each written path led, by what decides it: many claims name the same file from
        /// the same folder, and each lookup asks the file system about every place it tries.
        var resolutions: [ResolutionKey: ClaimPathResolver.Resolution] = [:]
        /// Whether each subject of a line-count claim names a file.
        var pathLikeSubjects: [String: Bool] = [:]
        /// The work tree as this lookup read it: each path's status asked once, and what was read.
        let reads: WorkTreeReads
        /// `facts.workTree` by name, built on first need.
        var workTreeIndex: PathSuffixIndex?
        /// Work-tree files' lines by each counting rule, by path; `.some(nil)`: not countable.
        var lines: [String: LineCounts?] = [:]
        /// What the history says of each path, built on first need; `nil` without a history.
        var pathHistory: PathHistory?
        /// Every path the history ever had, by each trailing run of components: the history's
        /// indices' when the facts were given them, else built on first need.
        var historySuffixes: PathSuffixIndex?
        let tasksByID: [String: TaskRecord]
        /// Per document, the commit its figures are compared at; `.some(nil)`: the work tree.
        var documentCommits: [String: String?] = [:]
        /// Versions of the document whose claims are worked on (`enter`), decoded, by the key of
        /// `committed`.
        var committedTexts: [String: ByteText] = [:]
        /// Where the claims worked on last were written.
        var source: Provenance?
        /// What each commit's tree holds at each path asked about, by commit (or HEAD, when it
        /// holds the path as the commit did) and path.
        var treeEntries: [String: GitRepository.TreeEntry?] = [:]
        /// Files as commits had them, by blob and path (`blobKey`): their line count, or why none.
        /// Kept by blob because most files are the same at most commits: on 100,000 commits
        /// 190,000 reads by commit and path were of 12,700 blobs. Their bytes are not kept: they
        /// were 650 MB of such a scan's peak memory, and the few uses after the first read
        /// (`committedData`) are each kept by the same key.
        var committed: [String: CommittedLines] = [:]
        /// Whether a committed file holds the work tree's bytes, by the key of `committed`.
        var sameAsWorkTree: [String: Bool] = [:]
        /// `committed` files counted by every rule, by the same key; `.some(nil)`: not countable.
        var sourceCounts: [String: LineCounts?] = [:]
        /// The blob read last, by id. A file's lines (`committedEntry`) and then its counts by
        /// every rule or its text (`committedData`) are asked for one after the other: this reads
        /// its blob once for both, where keeping every blob's bytes would hold them all.
        var lastBlob: (id: String, file: GitRepository.CommittedFile)?
        /// What test counts were worked out from, kept between claims.
        var tests = TestCountCache()
        /// The files each commit changed, counted by category, by commit: a plan's first commit
        /// adds thousands of files, and every file count of the lines it wrote is judged against them.
        var fileTallies: [String: ChangedFileTally] = [:]
        /// Opened on first need; `.some(nil)` when it cannot be.
        var git: GitRepository??
        /// Every path of HEAD's tree, read in one walk on first need; `.some(nil)` when it cannot be.
        var headEntries: [String: GitRepository.TreeEntry]??
        /// Positions of the history's commits by id, and their ids sorted, built on first need.
        var commitPositions: CommitPositions?
        /// How many of the newest commits form one chain from HEAD whose changes are all known.
        var linearDepth: Int?

        /// A file as a commit had it.
        enum CommittedLines {
            case absent
            /// Not countable there: not a regular file, binary or too large.
            case uncountable
            case lines(Int)
        }

        init(facts: ClaimFacts, indices: HistoryIndices? = nil) {
            self.facts = facts
            reads = WorkTreeReads(tree: facts.tree)
            tasksByID = Dictionary(facts.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            if let indices {
                pathHistory = indices.paths
                if let workTree = indices.workTree { workTreeIndex = workTree }
                commitPositions = indices.commitPositions
                linearDepth = indices.linearDepth
                historySuffixes = indices.historySuffixes
            }
        }

        /// Starts on the claims written at `source`, a document or a commit subject. A document's
        /// versions are read for its own claims alone, and the trees of past commits mostly for
        /// the claims of one document or subject; the claims come one document or commit after
        /// the other. What the ones before read is let go: kept for every claim, the tree entries
        /// alone were 48 MB of the 260 MB heap peak of a cold scan of 50,000 commits
        /// (Benchmarks/RESULTS-scale.md, seventeenth round).
        mutating func enter(_ source: Provenance) {
            let place: Provenance = if case let .file(path, _) = source { .file(path, line: nil) } else { source }
            guard place != self.source else { return }
            self.source = place
            committedTexts.removeAll()
            tests.lineIndexes.removeAll()
            treeEntries.removeAll()
        }

        mutating func addLines(to claim: inout Claim) {
            var namesFile = false
            if let subject = claim.subject { namesFile = self.namesFile(subject) }
            if !namesFile, let prefix = claim.claimedValue {
                addCommitLines(to: &claim, prefix: prefix)
                return
            }
            if !namesFile, case let .commit(id) = claim.source {
                // `feat(TN-99): … (538 LOC)` names no file: it speaks of the commit's own lines.
                // A commit counted without some of its files has no figure to hold a claim against.
                guard let stats = facts.history?.stats[id], stats.isComplete else { return }
                claim.verified = Double(stats.linesAdded)
                claim.verifiedValue = String(id.prefix(7))
                return
            }
            guard let subject = claim.subject, namesFile else { return }
            let commit = claim.source.file.flatMap { documentCommit(of: $0) }
            let path: String
            switch resolve(subject, for: claim, folders: false) {
            case let .found(found):
                path = found
            case .ambiguous:
                claim.evidenceBasis = ClaimEvidenceBasis(.ambiguousPath)
                return
            case .missing:
                // Gone from the work tree since: the document's commit may still have it.
                guard let commit, let document = claim.source.file,
                    let found = committedFile(subject, document: document, commit: commit)
                else { return }
                claim.verified = Double(found.lines)
                claim.verifiedValue = found.path
                claim.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: commit)
                claim.lineCounts = committedLineCounts(found.path, at: commit)
                // A document kept over time may have stated the figure long before its last commit.
                closestDuringDocument(to: &claim, path: found.path)
                return
            case .outside:
                return
            }
            if let commit {
                switch committedLines(path, at: commit) {
                case .absent?:
                    // A file the history never had (untracked, ignored) says nothing of when it appeared.
                    if everInHistory(path) {
                        claim.verifiedValue = path
                        claim.evidenceBasis = ClaimEvidenceBasis(.absentAtDocumentCommit, commit: commit)
                        return
                    }
                case let .lines(count)?:
                    if !workTreeHolds(path, asOf: commit) {
                        claim.verified = Double(count)
                        claim.lineCounts = committedLineCounts(path, at: commit)
                        claim.verifiedValue = path
                        claim.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: commit)
                        closestDuringDocument(to: &claim, path: path)
                        return
                    }
                case .uncountable?, nil:
                    break
                }
            }
            if lines[path] == nil {
                let read = reads.text(of: path)
                lines[path] = .some((try? read.get()).map(SourceLineCounter.counts(of:)))
            }
            guard let counts = lines[path] ?? nil else { return }
            claim.verified = Double(counts.physical)
            claim.lineCounts = counts
            claim.verifiedValue = path
            closestDuringDocument(to: &claim, path: path)
        }

        /// Whether a claim's subject names a file, worked out once a subject: a report's claims
        /// name the same files again and again, and the test reads the subject a character at a time.
        private mutating func namesFile(_ subject: String) -> Bool {
            if let known = pathLikeSubjects[subject] { return known }
            let pathLike = PathToken.isPathLike(PathToken.trimmed(Substring(subject)))
            pathLikeSubjects[subject] = pathLike
            return pathLike
        }

        /// A document kept over time (a progress log, notes appended phase by phase) states each
        /// figure at the time its line was written, which may be any of the document's commits:
        /// the file's lines at each of them (the newest `documentVersions`) are candidates, and
        /// the one nearest the claimed figure by any counting rule is kept, so a figure is
        /// contradicted only when the file never had about that many lines while the document was
        /// written.
        private mutating func closestDuringDocument(to claim: inout Claim, path: String) {
            guard let claimed = claim.claimed, let current = claim.verified, let document = claim.source.file else { return }
            let exact = claim.bound == nil
            let nearest =
                claim.lineCounts.map { Self.difference(claimed, $0, otherRules: exact) } ?? (current - claimed).magnitude
            guard nearest > 0 else { return }
            var best = (difference: nearest, lines: current, counts: claim.lineCounts, commit: nil as String?)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            for commit in commitsChanging(document).prefix(Self.documentVersions) {
                // Only versions of the document that already stated the figure: before its line
                // was written, the file's size then is no reading of it.
                guard documentStates(name: name, figure: claimed, in: document, at: commit),
                    case let .lines(count)? = committedLines(path, at: commit)
                else { continue }
                let counts = committedLineCounts(path, at: commit)
                let difference =
                    counts.map { Self.difference(claimed, $0, otherRules: exact) } ?? (Double(count) - claimed).magnitude
                if difference < best.difference { best = (difference, Double(count), counts, commit) }
            }
            guard let commit = best.commit else { return }
            claim.verified = best.lines
            claim.lineCounts = best.counts
            claim.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: commit)
        }

        /// The file at `path` as `commit` had it, counted by every rule; kept, since a file is
        /// counted for each claim naming it and each version of the document that does; `nil`
        /// when it is not text.
        private mutating func committedLineCounts(_ path: String, at commit: String) -> LineCounts? {
            guard let (key, file) = committedEntry(path, at: commit), case .lines = file else { return nil }
            if let known = sourceCounts[key] { return known }
            guard let data = committedData(path, at: commit) else { return nil }
            var counts: LineCounts?
            if case let .success(file) = TextFileReader.decode(data, path: path) { counts = SourceLineCounter.counts(of: file) }
            sourceCounts[key] = .some(counts)
            return counts
        }

        /// How far `claimed` is from `counts.physical`, or from a count by another rule that it
        /// fits as the judge holds it (`LineCounts.otherRuleShare`) when `otherRules`: only a
        /// figure written exactly is held to other rules.
        private static func difference(_ claimed: Double, _ counts: LineCounts, otherRules: Bool) -> Double {
            let physical = (Double(counts.physical) - claimed).magnitude
            guard otherRules else { return physical }
            let others = LineCounts.Rule.allCases.dropFirst().compactMap { counts.count(by: $0) }.map(Double.init)
                .filter { ($0 - claimed).magnitude <= LineCounts.otherRuleShare * $0 }.map { ($0 - claimed).magnitude }
            return ([physical] + others).min() ?? physical
        }

        /// Whether the document as `commit` left it names the file and writes the figure
        /// (`137`, or `1,920` with a separator); a document renamed since is looked up under
        /// the name it had then through the history, so a miss only leaves a version out.
        private mutating func documentStates(name: String, figure: Double, in document: String, at commit: String) -> Bool {
            for path in history()?.names(of: document) ?? [document] {
                guard let text = committedText(path, at: commit) else { continue }
                guard text.contains(name), figure.magnitude < 1e15 else { return false }
                let whole = Int(figure)
                let plain = String(whole)
                if text.contains(plain) { return true }
                let grouped = whole.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
                return text.contains(grouped)
            }
            return false
        }

        /// A document as `commit` had it, decoded once: a progress log is asked about for each of
        /// its figures.
        mutating func committedText(_ path: String, at commit: String) -> ByteText? {
            guard let key = committedEntry(path, at: commit)?.key else { return nil }
            if let known = committedTexts[key] { return known }
            guard let data = committedData(path, at: commit) else { return nil }
            // Decoded and re-encoded once, so that invalid bytes read as U+FFFD as they did when
            // the text was searched as a `String`.
            let text = ByteText(Array(String(decoding: data, as: UTF8.self).utf8))
            committedTexts[key] = text
            return text
        }

        /// How many of a document's commits, newest first, are looked at for a file's lines.
        static let documentVersions = 40

        /// The commits that changed `document`, under its name or the names it had before a
        /// rename, newest first.
        mutating func commitsChanging(_ document: String) -> [String] {
            guard let commits = facts.history?.commits, let history = history() else { return [] }
            return history.changes(of: document).map { commits[$0].id }
        }

        /// The path index of the history, built on first need.
        mutating func history() -> PathHistory? {
            if pathHistory == nil, let history = facts.history { pathHistory = PathHistory(history) }
            return pathHistory
        }

        /// A history-table row's lines: what the one commit with `prefix` added.
        private mutating func addCommitLines(to claim: inout Claim, prefix: String) {
            guard let history = facts.history else { return }
            let matches = commits(withPrefix: prefix.lowercased())
            switch matches.count {
            case 0:
                // A shallow history lacks older commits: not finding one proves nothing.
                if !history.isShallow { claim.evidenceBasis = ClaimEvidenceBasis(.unknownCommit, commit: prefix) }
            case 1:
                guard let id = matches.first, let stats = history.stats[id] else { return }
                claim.verified = Double(stats.linesAdded)
                claim.verifiedValue = id
            default:
                claim.evidenceBasis = ClaimEvidenceBasis(.ambiguousCommit, commit: prefix)
            }
        }

        /// The commit a document's figures are compared at: the newest commit of the history that
        /// changed it, when the work tree still holds the document as that commit left it. `nil`:
        /// no history, a document the history does not have, changes of a newer commit that
        /// could not be read, or a document edited since.
        mutating func documentCommit(of document: String) -> String? {
            if let known = documentCommits[document] { return known }
            var result: String?
            // The newest commit that changed it; none when a newer commit's changes could not be read.
            if let commit = history()?.lastChange(of: document) ?? nil, workTreeHolds(document, asOf: commit) {
                result = commit
            }
            documentCommits[document] = .some(result)
            return result
        }

        /// A path the document's commit had, tried from the document's folder and from the root.
        mutating func committedCandidate(_ written: String, document: String, commit: String) -> (path: String, lines: Int)? {
            let path = String(RepositoryPath.trimmingCurrentFolder(PathToken.trimmed(Substring(written))))
            guard !path.hasPrefix("/"), !path.hasPrefix("~") else { return nil }
            let tries = [ClaimPathResolver.normalize(path, under: ClaimPathResolver.folder(of: document)),
                         ClaimPathResolver.normalize(path, under: "")].compactMap { $0 }
            for candidate in tries {
                if case let .lines(count)? = committedLines(candidate, at: commit) { return (candidate, count) }
            }
            return nil
        }

        /// The file at `path` as `commit` had it; `nil` when the repository cannot be read.
        mutating func committedLines(_ path: String, at commit: String) -> CommittedLines? {
            committedEntry(path, at: commit)?.file
        }

        /// `committedLines(path, at: commit)`, the key it is kept under in `committed` (and its
        /// counts in `sourceCounts`): the file's blob and `path` (counting rules go by the name),
        /// or the commit and `path` when there is no blob.
        mutating func committedEntry(_ path: String, at commit: String) -> (key: String, file: CommittedLines)? {
            guard let entry = treeEntry(path, at: commit) else { return nil }
            guard let blob = entry?.blob else {
                return (commit + "\u{0}" + path, entry == nil ? .absent : .uncountable)
            }
            let key = blob + "\u{0}" + path
            if let known = committed[key] { return (key, known) }
            guard let file = readBlob(blob) else { return nil }
            let result: CommittedLines
            switch file {
            case .absent: result = .absent
            case .notAFile, .tooLarge: result = .uncountable
            case let .content(data):
                result = TextFileReader.lineCounts(of: data).map { .lines($0.lines) } ?? .uncountable
            }
            committed[key] = result
            return (key, result)
        }

        /// The bytes of `path` as `commit` had it, read again: `nil` unless it is a countable file
        /// (`CommittedLines.lines`), or when the repository cannot be read.
        mutating func committedData(_ path: String, at commit: String) -> Data? {
            guard case .lines? = committedEntry(path, at: commit)?.file, let blob = treeEntry(path, at: commit)??.blob,
                case let .content(data)? = readBlob(blob)
            else { return nil }
            return data
        }

        /// Whether the work tree holds `path` as `commit` had it, a countable file in both.
        mutating func workTreeHolds(_ path: String, asOf commit: String) -> Bool {
            guard let key = committedEntry(path, at: commit)?.key else { return false }
            if let known = sameAsWorkTree[key] { return known }
            let same = committedData(path, at: commit).map { workTreeBytes(path) == $0 } ?? false
            sameAsWorkTree[key] = same
            return same
        }

        /// What `commit`'s tree holds at `path` (`.some(nil)`: nothing); `nil` when the repository
        /// cannot be read. HEAD's tree, listed once, answers for a commit whose file HEAD still has.
        private mutating func treeEntry(_ path: String, at commit: String) -> GitRepository.TreeEntry?? {
            guard let repository = openedRepository() else { return nil }
            let head = isUnchangedSince(path, commit) ? facts.history?.head : nil
            if let head, let entries = headTree(repository, head) { return .some(entries[path]) }
            let key = commit + "\u{0}" + path
            if let known = treeEntries[key] { return .some(known) }
            // Not `try?`: it would flatten "nothing there" into "cannot be read".
            let entry: GitRepository.TreeEntry?
            do { entry = try repository.treeEntry(at: path, inCommit: commit) } catch { return nil }
            treeEntries[key] = .some(entry)
            return .some(entry)
        }

        /// The blob `blob`, up to the size a file is read; `nil` when the repository cannot be read.
        private mutating func readBlob(_ blob: String) -> GitRepository.CommittedFile? {
            if let lastBlob, lastBlob.id == blob { return lastBlob.file }
            guard let repository = openedRepository(),
                let file = try? repository.committedFile(blob: blob, limit: TextFileReader.defaultLimit)
            else { return nil }
            lastBlob = (blob, file)
            return file
        }

        private mutating func openedRepository() -> GitRepository? {
            if git == nil {
                let opened = facts.repository.flatMap { try? GitRepository(path: $0) }
                opened?.prepareForLookups()
                git = .some(opened)
            }
            return git ?? nil
        }

        /// Whether `path` is in HEAD's tree as `commit` had it: the commits from HEAD down to
        /// `commit` form one chain (no merge), their changes are all known, and none of them
        /// touched `path` after `commit`. Then HEAD's tree, listed once, answers for every such
        /// commit, instead of one walk down a commit's tree per document and file.
        private mutating func isUnchangedSince(_ path: String, _ commit: String) -> Bool {
            guard let history = facts.history, let head = history.head, history.commits.first?.id == head,
                let position = position(of: commit), position <= chainDepth(history)
            else { return false }
            guard let touched = self.history()?.newestTouch(of: path) else { return true }
            return touched >= position
        }

        mutating func position(of commit: String) -> Int? {
            positions()?.position(of: commit)
        }

        private mutating func positions() -> CommitPositions? {
            if commitPositions == nil, let history = facts.history { commitPositions = CommitPositions(of: history) }
            return commitPositions
        }

        /// How many commits from the newest one on are single-parent commits with known changes.
        private mutating func chainDepth(_ history: History) -> Int {
            if let linearDepth { return linearDepth }
            let depth = HistoryIndices.chainDepth(of: history)
            linearDepth = depth
            return depth
        }

        private mutating func headTree(_ repository: GitRepository, _ head: String) -> [String: GitRepository.TreeEntry]? {
            if headEntries == nil { headEntries = .some(try? repository.treeEntries(ofCommit: head)) }
            return headEntries ?? nil
        }

        func workTreeBytes(_ path: String) -> Data? {
            reads.bytes(of: path)
        }

        /// Whether any commit of the history changed `path`.
        private mutating func everInHistory(_ path: String) -> Bool {
            history()?.everChanged(path) ?? false
        }

        mutating func addExistence(to claim: inout Claim) {
            // `app/filter.py:19-21` names lines of `app/filter.py`.
            guard let subject = claim.subject.map(PathToken.withoutLineReference) else { return }
            switch resolve(subject, for: claim, folders: true) {
            case let .found(path):
                claim.verified = 1
                claim.verifiedValue = path
            case .missing:
                // Missing is evidence only where the written path's folder is there without the
                // file: a bare name (`Next.js`) or a list of names (`Chrome/Firefox/Safari`) may not
                // be a path of this repository at all.
                // A file the history once had was there when a report written then named it; whether
                // it was needs the document's own commit, so it is no evidence of a missing file here.
                // A folder that holds nothing (a submodule not checked out) says nothing either, and
                // a near namesake beside it (`x-_research.md` for `x.md`) is a path written wrong
                // rather than a file not made.
                // Gone since: the file was there when the document was written if one of the
                // document's commits has it.
                if let document = claim.source.file {
                    for commit in commitsChanging(document).prefix(Self.documentVersions) {
                        guard let found = committedFile(subject, document: document, commit: commit) else { continue }
                        claim.verified = 1
                        claim.verifiedValue = found.path
                        claim.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: commit)
                        return
                    }
                }
                if let folder = existingFolder(subject, for: claim), !everInHistory(subject, for: claim),
                    !isEmptyFolder(folder), !hasNamesake(of: subject, in: folder)
                {
                    claim.verified = 0
                }
            case .ambiguous:
                // Several files end with a path written with folders (`app/api/v1/models.py` in two
                // services): which one is meant is unknown, but it exists whichever it is. A bare
                // name (`index.ts`) several files share says nothing of the one meant.
                if PathToken.trimmed(Substring(subject)).contains("/") {
                    claim.verified = 1
                    claim.evidenceBasis = ClaimEvidenceBasis(.ambiguousPath)
                }
            case .outside:
                break
            }
        }

        /// The one path any commit ever changed that ends with the written path, when it has
        /// folders (`services/x.py` for `src/app/services/x.py`); `nil` for none or several.
        /// The file a document names as `commit` had it: written from the document's folder or
        /// the root (`committedCandidate`), else (with folders in it) as the end of the one path
        /// the history ever had that it ends. A file gone from the work tree since is found so,
        /// for a deliverable and for a line count alike.
        private mutating func committedFile(_ written: String, document: String, commit: String) -> (path: String, lines: Int)? {
            committedCandidate(written, document: document, commit: commit)
                ?? historySuffixMatch(written).flatMap { committedCandidate($0, document: "", commit: commit) }
        }

        private mutating func historySuffixMatch(_ written: String) -> String? {
            let path = String(RepositoryPath.trimmingCurrentFolder(PathToken.trimmed(Substring(written))))
            guard path.contains("/"), !path.hasPrefix("/"), !path.contains("..") else { return nil }
            // An index, not a search of every path the history had for each name: a plan of
            // thousands of files gone since would search it thousands of times.
            if historySuffixes == nil { historySuffixes = PathSuffixIndex(history()?.paths ?? []) }
            guard case let .one(match)? = historySuffixes?.match(path), match != path else { return nil }
            return match
        }

        /// Whether a path (as written, from the document's folder or the root) was ever changed by a commit.
        private mutating func everInHistory(_ written: String, for claim: Claim) -> Bool {
            guard let paths = history() else { return false }
            let document = claim.source.file.map(ClaimPathResolver.folder(of:)) ?? ""
            return [ClaimPathResolver.normalize(written, under: document), ClaimPathResolver.normalize(written, under: "")]
                .compactMap { $0 }.contains { paths.everChanged($0) }
        }

        /// The nearest folder of the written path that stands in the work tree (from the
        /// document's folder, then the root): its own folder, or one above it but below the root
        /// (`src/lib` for `src/lib/constants/x.ts` when `constants` was never made); `nil` when
        /// none does, or the path names no folder.
        private func existingFolder(_ written: String, for claim: Claim) -> String? {
            var path = RepositoryPath.trimmingCurrentFolder(written)
            while path.hasSuffix("/") { path.removeLast() }
            guard let slash = path.lastIndex(of: "/") else { return nil }
            var folder = String(path[..<slash])
            let document = claim.source.file.map(ClaimPathResolver.folder(of:)) ?? ""
            while !folder.isEmpty {
                let found = [ClaimPathResolver.normalize(folder, under: document), ClaimPathResolver.normalize(folder, under: "")]
                    .compactMap { $0 }.first { reads.isDirectory($0) }
                if let found { return found }
                guard let up = folder.lastIndex(of: "/") else { return nil }
                folder = String(folder[..<up])
            }
            return nil
        }

        private func isEmptyFolder(_ folder: String) -> Bool {
            ((try? reads.entries(of: folder)) ?? []).isEmpty
        }

        /// Whether `folder` holds a file whose name, without extension, begins or ends the written
        /// name's (or the other way round) with at least eight characters in common.
        private func hasNamesake(of written: String, in folder: String) -> Bool {
            let name = written.split(separator: "/").last.map(String.init) ?? written
            let stem = Self.stem(name)
            guard stem.count >= 8 else { return false }
            let entries = (try? reads.entries(of: folder)) ?? []
            return entries.contains { entry in
                let other = Self.stem(entry.name)
                guard other != stem, min(other.count, stem.count) >= 8 else { return false }
                return other.hasPrefix(stem) || stem.hasPrefix(other) || other.hasSuffix(stem) || stem.hasSuffix(other)
            }
        }

        private static func stem(_ name: String) -> String {
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }

        /// A date that dates its document: the first and last days of the commits that changed
        /// the document, as `first/last`, following renames back for the first. A document no
        /// commit touched (not committed yet) gets none.
        mutating func addDocumentDays(to claim: inout Claim) {
            guard claim.subject == Claim.documentDateSubject, let file = claim.source.file,
                let days = history()?.days(of: file)
            else { return }
            claim.verifiedValue = "\(days.first)/\(days.last)"
        }

        mutating func addCommit(to claim: inout Claim) {
            guard let history = facts.history, let prefix = claim.claimedValue?.lowercased(), !prefix.isEmpty else { return }
            let matches = commits(withPrefix: prefix)
            switch matches.count {
            case 0:
                // A shallow history lacks older commits: not finding one proves nothing.
                if !history.isShallow { claim.verified = 0 }
            case 1:
                claim.verified = 1
                claim.verifiedValue = matches.first
            default:
                break
            }
        }

        /// The ids of the history (at most two) that start with the lower-cased `prefix`.
        mutating func commits(withPrefix prefix: String) -> [String] {
            positions()?.ids(withPrefix: prefix) ?? []
        }

        /// What `ClaimPathResolver.resolve` reads of a claim: the path, the document's folder, the scope.
        struct ResolutionKey: Hashable {
            var written: String, folder: String, folders: Bool, scope: ClaimScope
        }

        mutating func resolve(_ written: String, for claim: Claim, folders: Bool) -> ClaimPathResolver.Resolution {
            let scope = ClaimScope(task: claim.task, phase: claim.task == nil ? claim.phase : nil)
            let key = ResolutionKey(
                written: PathToken.trimmed(Substring(written)), folder: claim.source.file.map(ClaimPathResolver.folder(of:)) ?? "",
                folders: folders, scope: scope)
            if let known = resolutions[key] { return known }
            let result = resolve(key, document: claim.source.file)
            resolutions[key] = result
            return result
        }

        private mutating func resolve(_ key: ResolutionKey, document: String?) -> ClaimPathResolver.Resolution {
            let (scope, folders) = (key.scope, key.folders)
            let scoped = scope.task != nil || scope.phase != nil
            var files = scoped ? filesByScope.index(of: scope) : workTreeIndex
            var whole = workTreeIndex
            let result = ClaimPathResolver(files: reads).resolve(
                key.written, from: document, folders: folders,
                taskFolders: taskFolders(of: scope), scoped: scoped,
                workTree: {
                    let found = whole ?? PathSuffixIndex(facts.workTree)
                    whole = found
                    return found
                }
            ) {
                let found = files ?? (scoped ? PathSuffixIndex(self.files(of: scope)) : whole ?? PathSuffixIndex(facts.workTree))
                files = found
                return found
            }
            if scoped, let files { filesByScope.keep(files, for: scope) }
            if !scoped, let files { workTreeIndex = files }
            if let whole { workTreeIndex = whole }
            return result
        }

        /// The folders of the scope's tasks.
        private func taskFolders(of scope: ClaimScope) -> [String] {
            let ids = scope.task.map { [$0] } ?? scope.phase.map { phase in facts.phases.first { $0.id == phase }?.tasks ?? [] } ?? []
            return ids.flatMap { tasksByID[$0]?.directories ?? [] }
        }

        /// The files the scope's tasks hold in their folders or touched in their commits.
        private func files(of scope: ClaimScope) -> [String] {
            let ids: [String]
            if let task = scope.task {
                ids = [task]
            } else if let phase = scope.phase {
                ids = facts.phases.first { $0.id == phase }?.tasks ?? []
            } else {
                return facts.workTree
            }
            var result = Set<String>()
            for id in ids {
                for directory in tasksByID[id]?.directories ?? [] {
                    result.formUnion(reads.files(under: directory))
                }
                result.formUnion(facts.association?.pathSet(for: id) ?? [])
            }
            return result.sorted()
        }
    }
}
