import Foundation
import PhaseModel
import TextSupport

/// The claims of commit subjects kept between runs, by commit, so that a run after new commits
/// reads only the new commits' subjects (docs/design/claims-and-verdicts.md#extraction).
///
/// A commit's subject claims are a function of its id (which fixes its subject and parents),
/// of what the extractor knows of the workspace (`ClaimExtractor.fingerprint`) and of the build
/// (`salt`); the entry's key is the SHA-256 of the last two. The entry lists the claims and
/// extraction findings of every commit of the history it was written for, named by that
/// history's HEAD and its number of commits: a later history holds the same commits when that
/// HEAD is one of its commits and exactly as many commits are reachable from it as the entry
/// says (not in a shallow history, where deepening can add older commits behind it).
///
/// One file, `subject-claims-v<version>.cache`, beside the history cache, in the shape of the
/// other claims caches (`ChecksummedLines`): `key`, `head` (id and commit count), then `claim`
/// and `finding` lines (`DocumentClaimCache.Record` fields) in history order. A file that fails
/// any check is not used and is rewritten.
///
/// Why: on 100,000 commits half of whose subjects hold a figure, reading every subject again
/// after each new commit took half a second on two cores (Benchmarks/RESULTS-scale.md, twelfth round).
struct SubjectClaimCache: Sendable {
    static let formatVersion = 1
    static let header = "phasecert-subject-claims-cache \(formatVersion)\n"

    let directory: String
    let boundary: WriteBoundary
    /// The identity of the phasecert build that extracts the claims.
    let salt: String

    var file: String { directory + "/subject-claims-v\(Self.formatVersion).cache" }

    /// The cache beside `claims`, in its folder and for its build.
    init(beside claims: DocumentClaimCache) {
        directory = claims.directory
        boundary = claims.boundary
        salt = claims.salt
    }

    /// What one run kept: the claims and findings of the history from `head`, of `commitCount`
    /// commits, in history order.
    struct Entry: Equatable {
        var key: String
        var head: String
        var commitCount: Int
        var claims: [Claim]
        var findings: [Finding]
    }

    /// The key of the claims an extractor of `fingerprint` reads from commit subjects.
    func key(fingerprint: String) -> String {
        ContentDigest.sha256Hex(of: Array("\(Self.formatVersion)\n\(salt)\n\(fingerprint)".utf8))
    }

    /// The claims of `history`'s commit subjects and the findings of reading them, as
    /// `extractor.extract(subjectsOf:)` gives them, reading only the subjects of commits the
    /// kept entry does not hold; the entry is then replaced by one for `history`.
    ///
    /// An entry with at most `unwrittenLimit` new commits above its HEAD (a line of them, as
    /// `newCommits(above:in:)` finds) is left as it is: their subjects are read again by the
    /// next run, which costs less than writing every commit's claims again. Why: after one new
    /// commit on 100,000, the whole file (7 MB) was written again by every `phase-close 1`, while
    /// both cores were busy with the history (Benchmarks/RESULTS-scale.md, twenty-first round).
    func claims(
        of history: History, extractor: ClaimExtractor, unwrittenLimit: Int = Self.unwrittenLimit
    ) -> (claims: [Claim], findings: [Finding]) {
        let key = key(fingerprint: extractor.fingerprint)
        var kept = FileBytes.contents(atPath: file).flatMap { Self.entry(in: $0, key: key) }
        let result: (claims: [Claim], findings: [Finding])
        var stillKept = false
        if let new = kept.flatMap({ Self.newCommits(above: $0, in: history) }) {
            // New commits on the kept HEAD come first in the history, the kept ones after them
            // in the kept order: no commit's claims need sorting into place. The kept claims are
            // taken out of the entry and the new ones put in front of them in place (the entry
            // was read with room for them): joined into a new array, both had been held at once,
            // 35 MB twice at `phase-close 1`'s peak on 200,000 commits (Benchmarks/RESULTS-scale.md,
            // twenty-first round).
            let fresh = extractor.extract(subjectsOf: Array(history.commits[..<new]))
            var claims: [Claim] = []
            swap(&claims, &kept!.claims)
            claims.insert(contentsOf: fresh.claims, at: 0)
            result = (claims, fresh.findings + kept!.findings)
            stillKept = new <= unwrittenLimit
        } else if let kept, let known = Self.commitsHeld(by: kept, in: history) {
            result = Self.merged(history: history, known: known, kept: kept, extractor: extractor)
        } else {
            result = extractor.extract(subjectsOf: history.commits)
        }
        if !stillKept, let head = history.head, kept?.head != head || kept?.commitCount != history.commits.count {
            let entry = Entry(
                key: key, head: head, commitCount: history.commits.count, claims: result.claims, findings: result.findings)
            // A cache that cannot be written only costs the next run time.
            try? ChecksummedLines.write(header: Self.header, to: file, within: boundary) { output in Self.write(entry, to: &output) }
        }
        return result
    }

    /// How many claims of new commits an entry read from a file has room for in front of its own.
    static let claimRoom = 1_024

    /// Most new commits above a kept entry's HEAD whose subjects are read again rather than the
    /// entry written again (`claims(of:extractor:unwrittenLimit:)`).
    static let unwrittenLimit = 1_000

    /// How many commits of `history` come before `entry`'s HEAD, when they are a line of
    /// single-parent commits down to it (new commits on the branch the entry was written for)
    /// and the rest are exactly the commits the entry holds; `nil` otherwise. What
    /// `commitsHeld(by:in:)` finds then, without following 100,000 commits' parents (a tenth of a
    /// second of `phase-close 1` after one new commit, Benchmarks/RESULTS-scale.md, eighteenth round).
    static func newCommits(above entry: Entry, in history: History) -> Int? {
        guard !history.isShallow else { return nil }
        let commits = history.commits
        var count = 0
        while count < commits.count, commits[count].id != entry.head {
            guard count + 1 < commits.count, commits[count].parents == [commits[count + 1].id] else { return nil }
            count += 1
        }
        // Every commit is reachable from HEAD; those of the line are not from the entry's HEAD.
        return count < commits.count && commits.count - count == entry.commitCount ? count : nil
    }

    /// The commits of `history` whose subjects `entry` holds (by index): those reachable from its
    /// HEAD, when they are exactly as many as it was written for; `nil` when they are not, or the
    /// history is shallow.
    static func commitsHeld(by entry: Entry, in history: History) -> Set<Int>? {
        guard !history.isShallow else { return nil }
        var index: [String: Int] = [:]
        index.reserveCapacity(history.commits.count)
        for (position, commit) in history.commits.enumerated() where index[commit.id] == nil { index[commit.id] = position }
        guard let start = index[entry.head] else { return nil }
        var reached: Set<Int> = [start]
        var pending = [start]
        while let next = pending.popLast() {
            for parent in history.commits[next].parents {
                guard let position = index[parent], reached.insert(position).inserted else { continue }
                pending.append(position)
            }
        }
        return reached.count == entry.commitCount ? reached : nil
    }

    /// The kept claims of the commits `known` and the new ones read now, in history order.
    private static func merged(
        history: History, known: Set<Int>, kept: Entry, extractor: ClaimExtractor
    ) -> (claims: [Claim], findings: [Finding]) {
        let fresh = extractor.extract(subjectsOf: history.commits.indices.filter { !known.contains($0) }.map { history.commits[$0] })
        var claimsByCommit: [String: [Claim]] = [:]
        for claim in kept.claims + fresh.claims {
            if case let .commit(id) = claim.source { claimsByCommit[id, default: []].append(claim) }
        }
        var findingsByCommit: [String: [Finding]] = [:]
        for finding in kept.findings + fresh.findings {
            if let id = finding.commit { findingsByCommit[id, default: []].append(finding) }
        }
        var claims: [Claim] = []
        claims.reserveCapacity(kept.claims.count + fresh.claims.count)
        var findings: [Finding] = []
        for commit in history.commits {
            claims += claimsByCommit[commit.id] ?? []
            findings += findingsByCommit[commit.id] ?? []
        }
        return (claims, findings)
    }

    /// The bytes of a file holding `entry`.
    static func contents(of entry: Entry) -> [UInt8] {
        ChecksummedLines.file(header: header) { output in write(entry, to: &output) }
    }

    /// The lines of a file holding `entry`, as `contents(of:)` and the cache's writes make them.
    private static func write(_ entry: Entry, to output: inout ChecksummedLines.Output) {
        output.append(Array("key\t\(entry.key)\n".utf8))
        output.append(Array("head\t\(entry.head)\t\(entry.commitCount)\n".utf8))
        DocumentClaimCache.Record.appendClaimLines(entry.claims, to: &output)
        output.append(contentsOf: DocumentClaimCache.Record.findingLines(entry.findings))
    }

    /// The entry a file of `bytes` holds when its key is `key`; `nil` when it fails a check, holds
    /// another key, or holds a claim or finding of no commit.
    static func entry(in bytes: [UInt8], key: String) -> Entry? {
        guard bytes.dropFirst(header.utf8.count).starts(with: "key\t\(key)\n".utf8),
            let lines = ChecksummedLines.lines(in: bytes, header: header), lines.count >= 2
        else { return nil }
        let head = String(decoding: lines[1], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        guard head.count == 3, head[0] == "head", let count = Int(head[2]), count >= 0 else { return nil }
        let body = lines.dropFirst(2)
        let firstFinding = body.firstIndex(where: { $0.starts(with: "finding\t".utf8) }) ?? body.endIndex
        guard body[..<firstFinding].allSatisfy({ $0.starts(with: "claim\t".utf8) }),
            body[firstFinding...].allSatisfy({ $0.starts(with: "finding\t".utf8) })
        else { return nil }
        // Read straight into claims, not optional ones to be unwrapped into a second array (both
        // had been 35 MB of `phase-close`'s peak memory at 100,000 commits): a line that does not
        // read as a claim of a commit is marked, and loses the whole entry below.
        let unread = UnreadLines()
        let claims = Array(body[..<firstFinding]).concurrentMap(minimumPiece: 256, room: claimRoom) { line -> Claim in
            var reader = DocumentClaimCache.Record.Reader(fields: line.dropFirst(5))
            guard let claim = try? reader.claim(), reader.isAtEnd, case .commit = claim.source else {
                unread.mark()
                return Claim(kind: .status, text: "", source: .commit(""))
            }
            return claim
        }
        var findings: [Finding] = []
        for line in body[firstFinding...] {
            var reader = DocumentClaimCache.Record.Reader(fields: line.dropFirst(7))
            guard let finding = try? reader.finding(), reader.isAtEnd, finding.commit != nil else { return nil }
            findings.append(finding)
        }
        guard !unread.isMarked else { return nil }
        return Entry(key: key, head: String(head[1]), commitCount: count, claims: claims, findings: findings)
    }

    /// Whether any claim line failed to read, marked from several threads.
    private final class UnreadLines: @unchecked Sendable {
        private let lock = NSLock()
        private var marked = false
        func mark() { lock.withLock { marked = true } }
        var isMarked: Bool { lock.withLock { marked } }
    }
}
