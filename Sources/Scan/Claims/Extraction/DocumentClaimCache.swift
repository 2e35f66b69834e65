import Foundation
import PhaseModel
import TextSupport

/// The claims of Markdown documents kept between runs, by content, so that a second scan
/// extracts only the documents that changed (docs/design/claims-and-verdicts.md#extraction).
///
/// A document's claims are a function of its text, its path, and what the extractor knows of the
/// workspace (task ids, folders and phases: `ClaimExtractor.fingerprint`), as extracted by one
/// build of phasecert. The key of an entry is the SHA-256 of all of these with the build's
/// identity (`salt`), so an entry is never read for a document, a plan or a phasecert other than
/// the one it was written for. Facts from git and the work tree are added after extraction and
/// are never cached.
///
/// One file, `claims-v<version>.cache`, beside the history cache: a header line, one line per
/// entry (its key, then its `Record`) in key order, and a trailer with the entry count and an
/// FNV-1a checksum of everything before it. A file that fails any check, or holds a line that
/// does not read back, is read as empty and rewritten, never trusted. Writes go through
/// `ContainedFile`, so never through a symbolic link that leaves `boundary`.
///
/// Why this format (version 2): version 1 held all entries as one JSON object, which one
/// `JSONDecoder` call read on one core; on a repository of 31,000 claims in 640 documents
/// (10.6 MB) that was a tenth of a warm `phase-close`'s CPU time. A line per entry is read on
/// every core, and the `Record` of tab-separated fields takes a fifth of JSON's time to read.
public struct DocumentClaimCache: Sendable {
    /// Bumped whenever how entries are written changes.
    public static let formatVersion = 2
    static let header = "phasecert-claims-cache \(formatVersion)\n"

    /// What one document gave: its claims and extraction findings, in document order.
    public struct Entry: Codable, Sendable, Equatable {
        public var claims: [Claim]
        public var findings: [Finding]
    }

    /// The folder holding the cache file.
    public let directory: String
    public let boundary: WriteBoundary
    /// What, beside a document, its claims depend on: the build of phasecert that extracts them.
    public let salt: String

    public init(directory: String, boundary: WriteBoundary, salt: String) {
        self.directory = directory
        self.boundary = boundary
        self.salt = salt
    }

    public var file: String { directory + "/claims-v\(Self.formatVersion).cache" }

    /// The key of the document at `path` holding `text`, for an extractor of `fingerprint`.
    func key(path: String, text: String, fingerprint: String) -> String {
        var bytes = Array("\(salt)\n\(fingerprint)\n\(path)\n".utf8)
        bytes.append(contentsOf: text.utf8)
        return ContentDigest.sha256Hex(of: bytes)
    }

    /// The entries the file holds; empty when it is missing or fails a check.
    public func load() -> [String: Entry] {
        guard let bytes = FileBytes.contents(atPath: file) else { return [:] }
        return Self.entries(in: bytes)
    }

    /// Replaces the file with `entries`: those of the documents of this run, so that entries of
    /// documents since changed or gone do not pile up. Keys are those `key(path:text:fingerprint:)`
    /// gives, which hold neither a tab nor a line break.
    public func save(_ entries: [String: Entry]) throws {
        try ContainedFile.write(Data(Self.contents(of: entries)), to: file, within: boundary)
        // Files of earlier versions are never read again, and each is as large as this one.
        for version in 1..<Self.formatVersion { unlink(directory + "/claims-v\(version).cache") }
    }

    /// How many entries a piece of the work on one core holds at least: a document's entry
    /// takes microseconds to read, so a handful of them outweighs handing a piece over.
    static let minimumPiece = 8

    /// The bytes of a file holding `entries`.
    static func contents(of entries: [String: Entry]) -> [UInt8] {
        // In key order, so the same entries always give the same file.
        let sorted = entries.sorted { $0.key < $1.key }
        let lines = sorted.concurrentMap(minimumPiece: minimumPiece) { key, entry in Record.line(key: key, entry: entry) }
        return ChecksummedLines.file(header: header, lines: lines)
    }

    /// The entries of a file of `bytes`; empty when it fails a check.
    static func entries(in bytes: [UInt8]) -> [String: Entry] {
        guard let lines = ChecksummedLines.lines(in: bytes, header: header) else { return [:] }
        let count = lines.count
        let decoded = lines.concurrentMap(minimumPiece: minimumPiece) { line in entry(in: line) }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for case let (key, entry)? in decoded { entries[key] = entry }
        // A line that did not read back, or a key written twice, leaves fewer entries than lines.
        return entries.count == count ? entries : [:]
    }

    /// The key and entry of one line (without its line break); `nil` when it is not one.
    private static func entry(in line: ArraySlice<UInt8>) -> (String, Entry)? {
        guard let tab = line.firstIndex(of: Record.separator), tab > line.startIndex,
            let entry = Record.entry(in: line[tab...])
        else { return nil }
        return (String(decoding: line[..<tab], as: UTF8.self), entry)
    }
}

extension DocumentClaimCache {
    /// An entry as one line of fields, each after a tab: the number of claims, each claim's
    /// fields, the number of findings, each finding's fields, always in the order `Writer` writes
    /// them. A field is text with `\\`, `\t` and `\n` for a backslash, tab and line break, or `\-`
    /// for `nil`; numbers as Swift writes them (which reads back exactly), enumerations by raw value.
    ///
    /// Written by hand, not through `Codable`, because reading is what a warm run pays for: on
    /// the 31,000 claims above (`perf`, warm `phase-close --all --dry-run`), `JSONDecoder` took
    /// about 0.2 s of CPU time; reading this file, checksum included, takes 0.04 s, and the file
    /// is half the size (5.2 MB).
    /// `Claim.lineCounts` is not kept, as version 1's JSON did not keep it: facts add it after
    /// extraction. `DocumentClaimCacheRecordTests` fails when a type written here gains a member.
    enum Record {
        static let separator: UInt8 = 0x09

        /// The line of the file that holds `entry` under `key`, its line break included.
        static func line(key: String, entry: Entry) -> [UInt8] {
            var writer = Writer(bytes: Array(key.utf8))
            writer.integer(entry.claims.count)
            for claim in entry.claims { writer.claim(claim) }
            writer.integer(entry.findings.count)
            for finding in entry.findings { writer.finding(finding) }
            writer.bytes.append(0x0A)
            return writer.bytes
        }

        /// The entry whose fields `fields` holds (from the tab before the first); `nil` when a
        /// field is missing, left over or not what its place holds.
        static func entry(in fields: ArraySlice<UInt8>) -> Entry? {
            var reader = Reader(fields: fields)
            do {
                var entry = Entry(claims: [], findings: [])
                let claims = try reader.count()
                entry.claims.reserveCapacity(claims)
                for _ in 0..<claims { entry.claims.append(try reader.claim()) }
                let findings = try reader.count()
                entry.findings.reserveCapacity(findings)
                for _ in 0..<findings { entry.findings.append(try reader.finding()) }
                return reader.isAtEnd ? entry : nil
            } catch {
                return nil
            }
        }

        /// A `claim` line for each of `claims` (its fields, then what `more` writes), one array
        /// each, as `appendClaimLines` writes them.
        static func claimLines(_ claims: [Claim], more: @escaping @Sendable (inout Writer, Claim) -> Void = { _, _ in }) -> [[UInt8]] {
            claims.map { claim in
                var writer = Writer(bytes: [])
                writeClaimLine(claim, more: more, to: &writer)
                return writer.bytes
            }
        }

        /// The `claim` lines of `claims` appended to `output` a few thousand claims at a time,
        /// written on every core: how the caches of whole runs keep claims (`ClaimFactsCache`,
        /// `SubjectClaimCache`). The claims' facts of 100,000 commits had been 107,201 arrays of
        /// one line each, 26 MB held at once beside the file they were joined into
        /// (Benchmarks/RESULTS-scale.md, twenty-sixth round).
        static func appendClaimLines(
            _ claims: [Claim], to output: inout ChecksummedLines.Output,
            more: @escaping @Sendable (inout Writer, Claim) -> Void = { _, _ in }
        ) {
            let piece = 4_096
            let round = piece * max(2, ProcessInfo.processInfo.activeProcessorCount)
            for start in stride(from: 0, to: claims.count, by: round) {
                let end = min(start + round, claims.count)
                let pieces = Array(stride(from: start, to: end, by: piece)).concurrentMap(minimumPiece: 1) { first in
                    var writer = Writer(bytes: [])
                    for claim in claims[first..<min(first + piece, end)] { writeClaimLine(claim, more: more, to: &writer) }
                    return writer.bytes
                }
                for (index, bytes) in pieces.enumerated() {
                    output.append(bytes, count: min(piece, end - start - index * piece))
                }
            }
        }

        /// One `claim` line, ending with its line break.
        private static func writeClaimLine(_ claim: Claim, more: (inout Writer, Claim) -> Void, to writer: inout Writer) {
            writer.bytes += "claim".utf8
            writer.claim(claim)
            more(&writer, claim)
            writer.bytes.append(0x0A)
        }

        /// A `read` line for each path of `reads` with its signature, in path order: the files and
        /// folders a kept entry was made from (`ClaimFactsCache`, `ScanOutputCache`).
        static func readLines(_ reads: [String: FileSignature]) -> [[UInt8]] {
            reads.sorted { $0.key < $1.key }.map { path, signature in
                var writer = Writer(bytes: Array("read".utf8))
                writer.text(path)
                writer.text(signature.text)
                return writer.line
            }
        }

        /// The path and signature a `read` line (`readLines`) holds; `nil` when it is not one.
        static func read(_ line: ArraySlice<UInt8>) -> (path: String, signature: FileSignature)? {
            guard line.starts(with: "read\t".utf8) else { return nil }
            var reader = Reader(fields: line.dropFirst(4))
            guard let path = try? reader.required(), let text = try? reader.required(), reader.isAtEnd,
                let signature = FileSignature(text: Substring(text))
            else { return nil }
            return (path, signature)
        }

        /// A `finding` line for each of `findings`, as `claimLines` keeps claims.
        static func findingLines(_ findings: [Finding]) -> [[UInt8]] {
            findings.map { finding in
                var writer = Writer(bytes: Array("finding".utf8))
                writer.finding(finding)
                return writer.line
            }
        }

        struct Writer {
            var bytes: [UInt8]

            /// The record written, ending its line, in an array of exactly its size: the writer's
            /// own grew by doubling, and at 100,000 commits the subjects' lines held twice their
            /// bytes while the cache file was put together.
            var line: [UInt8] {
                var line: [UInt8] = []
                line.reserveCapacity(bytes.count + 1)
                line += bytes
                line.append(0x0A)
                return line
            }

            mutating func text(_ text: String?) {
                bytes.append(separator)
                guard let text else { return bytes.append(contentsOf: [0x5C, 0x2D]) }
                for byte in text.utf8 {
                    switch byte {
                    case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                    case separator: bytes.append(contentsOf: [0x5C, 0x74])
                    case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                    default: bytes.append(byte)
                    }
                }
            }

            mutating func number(_ number: Double?) { text(number.map { "\($0)" }) }
            mutating func integer(_ integer: Int?) { text(integer.map { "\($0)" }) }
            mutating func flag(_ flag: Bool?) { text(flag.map { $0 ? "1" : "0" }) }
            mutating func name<Name: RawRepresentable<String>>(_ name: Name?) { text(name?.rawValue) }

            mutating func localized(_ localized: LocalizedText?) {
                text(localized?.en)
                text(localized?.ru)
            }

            mutating func claim(_ claim: Claim) {
                name(claim.kind)
                text(claim.text)
                text(claim.source.file)
                integer(claim.source.line)
                if case let .commit(id) = claim.source { text(id) } else { text(nil) }
                text(claim.task)
                text(claim.phase)
                text(claim.subject)
                number(claim.claimed)
                number(claim.denominator)
                text(claim.claimedValue)
                number(claim.expected)
                number(claim.verified)
                text(claim.verifiedValue)
                number(claim.discrepancy)
                name(claim.verdict)
                localized(claim.note)
                name(claim.bound)
                let basis = claim.evidenceBasis
                name(basis?.kind)
                text(basis?.commit)
                flag(basis?.otherCases)
                flag(basis?.ofPart)
                flag(basis?.earlierChanges)
                text(basis?.suite)
            }

            mutating func finding(_ finding: Finding) {
                name(finding.rule)
                name(finding.severity)
                text(finding.task)
                text(finding.phase)
                text(finding.file)
                integer(finding.line)
                text(finding.commit)
                localized(finding.message)
                localized(finding.remediation)
            }
        }

        struct Reader {
            struct Malformed: Error {}

            let fields: ArraySlice<UInt8>
            var position: Int

            init(fields: ArraySlice<UInt8>) {
                self.fields = fields
                position = fields.startIndex
            }

            var isAtEnd: Bool { position == fields.endIndex }

            /// The next field, its escapes undone; `nil` for `\-`.
            mutating func text() throws -> String? {
                guard position < fields.endIndex, fields[position] == separator else { throw Malformed() }
                position += 1
                let start = position
                var escaped = false
                while position < fields.endIndex, fields[position] != separator {
                    // The byte after a backslash is never a separator.
                    if fields[position] == 0x5C {
                        escaped = true
                        position += 1
                    }
                    position += 1
                }
                guard position <= fields.endIndex else { throw Malformed() }
                let field = fields[start..<position]
                guard escaped else { return String(decoding: field, as: UTF8.self) }
                if field.elementsEqual([0x5C, 0x2D]) { return nil }
                return String(decoding: try Self.unescaped(field), as: UTF8.self)
            }

            private static func unescaped(_ field: ArraySlice<UInt8>) throws -> [UInt8] {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(field.count)
                var index = field.startIndex
                while index < field.endIndex {
                    if field[index] == 0x5C {
                        index += 1
                        switch field[index] {
                        case 0x5C: bytes.append(0x5C)
                        case 0x74: bytes.append(separator)
                        case 0x6E: bytes.append(0x0A)
                        default: throw Malformed()
                        }
                    } else {
                        bytes.append(field[index])
                    }
                    index += 1
                }
                return bytes
            }

            mutating func required() throws -> String {
                guard let text = try text() else { throw Malformed() }
                return text
            }

            /// A field read by `parse`, which gives `nil` for text it does not take.
            mutating func value<Value>(_ parse: (String) -> Value?) throws -> Value? {
                guard let text = try text() else { return nil }
                guard let value = parse(text) else { throw Malformed() }
                return value
            }

            mutating func number() throws -> Double? { try value { Double($0) } }
            mutating func integer() throws -> Int? { try value { Int($0) } }
            mutating func flag() throws -> Bool? { try value { $0 == "1" ? true : $0 == "0" ? false : nil } }
            mutating func name<Name: RawRepresentable<String>>() throws -> Name? { try value { Name(rawValue: $0) } }

            mutating func count() throws -> Int {
                guard let count = try integer(), count >= 0 else { throw Malformed() }
                return count
            }

            mutating func localized() throws -> LocalizedText? {
                switch (try text(), try text()) {
                case (nil, nil): return nil
                case let (en?, ru?): return LocalizedText(en: en, ru: ru)
                default: throw Malformed()
                }
            }

            mutating func claim() throws -> Claim {
                guard let kind: ClaimKind = try name() else { throw Malformed() }
                let text = try required()
                let file = try self.text(), line = try integer(), commit = try self.text()
                let source: Provenance
                switch (file, commit) {
                case let (file?, nil): source = .file(file, line: line)
                case let (nil, commit?) where line == nil: source = .commit(commit)
                default: throw Malformed()
                }
                var claim = Claim(
                    kind: kind, text: text, source: source, task: try self.text(), phase: try self.text(),
                    subject: try self.text(), claimed: try number(), denominator: try number(), claimedValue: try self.text(),
                    expected: try number(), verified: try number(), verifiedValue: try self.text())
                claim.discrepancy = try number()
                claim.verdict = try name()
                claim.note = try localized()
                claim.bound = try name()
                // Without a basis, its fields are all `nil`.
                let basisKind: ClaimEvidenceBasis.Kind? = try name()
                let basis = ClaimEvidenceBasis(
                    basisKind ?? .documentCommit, commit: try self.text(), otherCases: try flag(), ofPart: try flag(),
                    earlierChanges: try flag(), suite: try self.text())
                claim.evidenceBasis = basisKind == nil ? nil : basis
                return claim
            }

            mutating func finding() throws -> Finding {
                guard let rule: FindingRuleID = try name(), let severity: Severity = try name() else { throw Malformed() }
                var finding = Finding(
                    rule: rule, severity: severity, task: try text(), phase: try text(),
                    message: LocalizedText(en: "", ru: ""))
                finding.file = try text()
                finding.line = try integer()
                finding.commit = try text()
                guard let message = try localized() else { throw Malformed() }
                finding.message = message
                finding.remediation = try localized()
                return finding
            }
        }
    }
}
