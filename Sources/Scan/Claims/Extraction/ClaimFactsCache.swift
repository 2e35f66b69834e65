import Foundation
import PhaseModel
import TextSupport

/// Claims with their facts kept between runs, so that a run on an unchanged repository reads the
/// facts instead of working them out again (docs/design/claims-and-verdicts.md#facts).
///
/// Facts are a function of the claims, of what the scan knows (tasks, phases, the files each task
/// touched, the work tree's file list, the history read from HEAD) and of the work-tree files
/// they were read from. The first part is the entry's key, the SHA-256 of all of it with the build
/// of phasecert (`salt`): the claims of documents as they are, the claims of commit subjects as
/// what they come from (the history and `ClaimExtractor.fingerprint`), so that a run that finds
/// the entry does not extract them either. The files are listed in the entry with the signature each had when the
/// facts first looked at it (`WorkTreeReads`), and the entry is used only when every one of them
/// still has that signature. An entry is not written when one of those files changed in the two
/// seconds before the run began: a change within the file system's timestamp granularity could
/// leave the signature as it was (git's "racy" files).
///
/// One file, `claim-facts-v<version>.cache`, beside the history cache, holding the one entry of
/// the last run: a header, `key`, the files read (`read` lines: path and signature), the claims
/// (`claim` lines: `DocumentClaimCache.Record` fields and the line counts), the findings of reading
/// commit subjects (`finding` lines), and a trailer with the line count and an FNV-1a checksum. A
/// file that fails any check is not used and is rewritten. Version 1 keyed on the subjects' claims
/// themselves and kept no findings.
///
/// Why: on a repository of 31,000 claims in 640 documents working facts out was half of a warm
/// `phase-close --all --dry-run` (Benchmarks/RESULTS-scale.md, eleventh round); reading them here
/// takes a few hundredths of a second.
struct ClaimFactsCache: Sendable {
    static let formatVersion = 2
    static let header = "phasecert-claim-facts-cache \(formatVersion)\n"
    /// How long before a run a file's last change must be for its signature to be trusted.
    static let racyWindow = FileSignature.racyWindow

    let directory: String
    let boundary: WriteBoundary
    /// The identity of the phasecert build that works facts out.
    let salt: String

    var file: String { directory + "/claim-facts-v\(Self.formatVersion).cache" }

    init(directory: String, boundary: WriteBoundary, salt: String) {
        self.directory = directory
        self.boundary = boundary
        self.salt = salt
    }

    /// The cache beside `claims`, in its folder and for its build.
    init(beside claims: DocumentClaimCache) {
        self.init(directory: claims.directory, boundary: claims.boundary, salt: claims.salt)
    }

    /// What one run kept: its key, the files its facts were read from, its claims, and the
    /// findings of reading commit subjects.
    struct Entry: Equatable {
        var key: String
        var reads: [String: FileSignature]
        var claims: [Claim]
        var findings: [Finding] = []
    }

    /// The key of the facts `facts` gives `documentClaims` and the claims of the history's commit
    /// subjects as an extractor of `subjectFingerprint` reads them: everything they depend on but
    /// the files.
    func key(of documentClaims: [Claim], subjectFingerprint: String, facts: ClaimFacts) -> String {
        var bytes = Array("\(Self.formatVersion)\n\(salt)\n\(facts.tree.root)\n\(facts.repository ?? "-")\n".utf8)
        if let history = facts.history {
            let complete = history.stats.values.reduce(0) { $0 + ($1.isComplete ? 1 : 0) }
            bytes += "\(history.head ?? "-") \(history.commits.count) \(history.stats.count) \(complete) \(history.isShallow)\n".utf8
        } else {
            bytes += "no history\n".utf8
        }
        // Canonical JSON of value types cannot fail to encode.
        bytes += (try? CanonicalJSON.encode(facts.tasks, pretty: false)) ?? Data()
        bytes += (try? CanonicalJSON.encode(facts.phases, pretty: false)) ?? Data()
        for task in facts.tasks.map(\.id).sorted() {
            bytes += "\n\(task)\n".utf8
            for path in (facts.association?.pathSet(for: task) ?? []).sorted() { bytes += path.utf8 + [0] }
        }
        bytes += "\nwork tree\n".utf8
        for path in facts.workTree { bytes += path.utf8 + [0] }
        // A commit's subject is part of its id: the ids the history holds (its HEAD and shape above)
        // and the extractor give the subjects' claims.
        bytes += "\nsubjects by\n\(subjectFingerprint)\n".utf8
        var writer = DocumentClaimCache.Record.Writer(bytes: bytes)
        for claim in documentClaims { writer.claim(claim) }
        return ContentDigest.sha256Hex(of: writer.bytes)
    }

    /// The entry kept under `key`, when every file its facts were read from is as it was; else `nil`.
    func entry(forKey key: String, tree: RepositoryTree) -> Entry? {
        guard let bytes = FileBytes.contents(atPath: file), let entry = Self.entry(in: bytes, key: key)
        else { return nil }
        for (path, signature) in entry.reads where FileSignature(absolutePath: tree.absolute(path)) != signature {
            return nil
        }
        return entry
    }

    /// Keeps `entry`, unless a file it was read from changed within `racyWindow` of `start` (seconds
    /// since 1970, before the facts were worked out). Returns whether it was kept.
    @discardableResult
    func save(_ entry: Entry, runStartedAt start: Double) throws -> Bool {
        guard !entry.reads.values.contains(where: { $0.isRacy(forRunStartedAt: start) }) else {
            unlink(file)
            return false
        }
        try ChecksummedLines.write(header: Self.header, to: file, within: boundary) { output in Self.write(entry, to: &output) }
        // Files of earlier versions are never read again.
        for version in 1..<Self.formatVersion { unlink(directory + "/claim-facts-v\(version).cache") }
        return true
    }

    /// The bytes of a file holding `entry`: what `save` writes.
    static func contents(of entry: Entry) -> [UInt8] {
        ChecksummedLines.file(header: header) { output in write(entry, to: &output) }
    }

    /// The lines of a file holding `entry`.
    private static func write(_ entry: Entry, to output: inout ChecksummedLines.Output) {
        output.append(Array("key\t\(entry.key)\n".utf8))
        output.append(contentsOf: DocumentClaimCache.Record.readLines(entry.reads))
        DocumentClaimCache.Record.appendClaimLines(entry.claims, to: &output) { writer, claim in
            writer.integer(claim.lineCounts?.physical)
            writer.integer(claim.lineCounts?.nonBlank)
            writer.integer(claim.lineCounts?.withoutLineComments)
            writer.integer(claim.lineCounts?.code)
        }
        output.append(contentsOf: DocumentClaimCache.Record.findingLines(entry.findings))
    }

    /// The entry a file of `bytes` holds when its key is `key`; `nil` when it fails a check or
    /// holds another key.
    static func entry(in bytes: [UInt8], key: String) -> Entry? {
        // Another key is told from the first line, before the whole file is checked.
        guard bytes.dropFirst(header.utf8.count).starts(with: "key\t\(key)\n".utf8),
            let lines = ChecksummedLines.lines(in: bytes, header: header)?.dropFirst()
        else { return nil }
        var reads: [String: FileSignature] = [:]
        var claimLines: [ArraySlice<UInt8>] = []
        claimLines.reserveCapacity(lines.count)
        var findings: [Finding] = []
        for line in lines {
            if line.starts(with: "finding\t".utf8) {
                var reader = DocumentClaimCache.Record.Reader(fields: line.dropFirst(7))
                guard let finding = try? reader.finding(), reader.isAtEnd else { return nil }
                findings.append(finding)
                continue
            }
            guard findings.isEmpty else { return nil }
            if line.starts(with: "claim\t".utf8) {
                claimLines.append(line.dropFirst(5))
                continue
            }
            guard claimLines.isEmpty, let (path, signature) = DocumentClaimCache.Record.read(line),
                reads.updateValue(signature, forKey: path) == nil
            else { return nil }
        }
        let claims = claimLines.concurrentMap(minimumPiece: 256) { line -> Claim? in
            var reader = DocumentClaimCache.Record.Reader(fields: line)
            do {
                var claim = try reader.claim()
                let (physical, nonBlank) = (try reader.integer(), try reader.integer())
                let (withoutLineComments, code) = (try reader.integer(), try reader.integer())
                guard reader.isAtEnd else { return nil }
                if let physical, let nonBlank {
                    claim.lineCounts = LineCounts(
                        physical: physical, nonBlank: nonBlank, withoutLineComments: withoutLineComments, code: code)
                } else if physical != nil || nonBlank != nil || withoutLineComments != nil || code != nil {
                    return nil
                }
                return claim
            } catch {
                return nil
            }
        }
        guard claims.allSatisfy({ $0 != nil }) else { return nil }
        return Entry(key: key, reads: reads, claims: claims.compactMap { $0 }, findings: findings)
    }
}
