/// The line format in which commits are cached and their statistics passed back by worker
/// processes: per commit an `m` line (cache only), then a `c` line and one `f` line per file.
///
///     m <id> <parents,…|-> <author time> <offset> <committer time> <offset> TAB <author name>
///       TAB <author e-mail> TAB <committer name> TAB <committer e-mail> TAB <subject> TAB <body>
///     c <commit id> <file count>
///     f <A|M|D|R> <added|-|?> <deleted|-|?> <path>[TAB <old path>]
///     ! <commit id> <message>        (workers only: the commit could not be diffed)
///
/// Text escapes `\`, TAB and newline as `\\`, `\t`, `\n`; `-` stands for a binary file's counts,
/// `?` for those of a file whose blob could not be read. A commit with such a file is passed back
/// by workers but never written to the cache (`HistoryScanner`), so that objects fetched again
/// later are counted: the cache format did not change with `?`.
/// The letter is the file's status as `git diff --name-status` writes it (created, modified,
/// deleted, renamed); it came with version 3 of the cache.
enum HistoryRecordFormat {
    static func append(_ id: String, _ stats: CommitStats, to output: inout [UInt8]) {
        output.append(contentsOf: "c \(id) \(stats.files.count)\n".utf8)
        for file in stats.files {
            let none = file.isUnreadable ? "?" : "-"
            output.append(contentsOf: "f \(letter(for: file.status)) \(file.added.map(String.init) ?? none) \(file.deleted.map(String.init) ?? none) ".utf8)
            escape(file.path, into: &output)
            if let oldPath = file.oldPath {
                output.append(0x09)
                escape(oldPath, into: &output)
            }
            output.append(0x0A)
        }
    }

    private static func letter(for status: FileChange.Status) -> String {
        switch status {
        case .created: "A"
        case .modified: "M"
        case .deleted: "D"
        case .renamed: "R"
        }
    }

    private static func status(fromLetter letter: Bytes) -> FileChange.Status? {
        guard letter.count == 1 else { return nil }
        switch letter[letter.startIndex] {
        case 0x41: return .created  // A
        case 0x4D: return .modified  // M
        case 0x44: return .deleted  // D
        case 0x52: return .renamed  // R
        default: return nil
        }
    }

    static func append(_ commit: GitCommit, to output: inout [UInt8]) {
        let parents = commit.parents.isEmpty ? "-" : commit.parents.joined(separator: ",")
        output.append(contentsOf: "m \(commit.id) \(parents) \(commit.author.time) \(commit.author.offsetMinutes) \(commit.committer.time) \(commit.committer.offsetMinutes)".utf8)
        for field in [commit.author.name, commit.author.email, commit.committer.name, commit.committer.email, commit.subject, commit.body] {
            output.append(0x09)
            escape(field, into: &output)
        }
        output.append(0x0A)
    }

    static func appendFailure(_ id: String, message: String, to output: inout [UInt8]) {
        output.append(contentsOf: "! \(id) ".utf8)
        escape(message, into: &output)
        output.append(0x0A)
    }

    static func escape(_ text: String, into output: inout [UInt8]) {
        // Most fields hold no byte to escape: copied whole, they cost one copy instead of a
        // capacity check a byte (writing the cache of 100,000 commits took a quarter less time).
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A }
        }
        if plain == true {
            output.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x09: output.append(contentsOf: [0x5C, 0x74])
            case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
            default: output.append(byte)
            }
        }
    }

    /// What a stream of records held.
    struct Parsed {
        /// Commits from `m` lines, in the order they appeared.
        var commits: [GitCommit] = []
        var stats: [String: CommitStats] = [:]
        var failures: [String: String] = [:]
        /// Commit ids in the order they appeared.
        var order: [String] = []
        /// The texts read so far, so that a path, a name or an id read again is the same `String`.
        var texts = RecordTextInterner()
    }

    struct Malformed: Error, Equatable {
        /// 1-based line of the record that does not parse.
        var line: Int
    }

    /// Parses complete lines; `bytes` must end with a newline (or be empty).
    static func parse(_ bytes: ArraySlice<UInt8>, into parsed: inout Parsed, firstLine: Int = 1) throws(Malformed) {
        // Raw buffer slices: parsing the cache is most of a warm scan, and they are much faster
        // to index than array slices.
        let result: Malformed? = bytes.withUnsafeBufferPointer { buffer in
            do throws(Malformed) {
                try parse(buffer[...], into: &parsed, firstLine: firstLine)
                return nil
            } catch {
                return error
            }
        }
        if let result { throw result }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static func parse(_ bytes: Bytes, into parsed: inout Parsed, firstLine: Int) throws(Malformed) {
        var lineNumber = firstLine - 1
        var current: (id: String, expected: Int, files: [FileChange])?
        var index = bytes.startIndex

        func finish() throws(Malformed) {
            guard let record = current else { return }
            guard record.files.count == record.expected else { throw Malformed(line: lineNumber) }
            parsed.stats[record.id] = CommitStats(files: record.files)
            parsed.order.append(record.id)
            current = nil
        }

        while index < bytes.endIndex {
            lineNumber += 1
            guard let end = bytes[index...].firstIndex(of: 0x0A) else { throw Malformed(line: lineNumber) }
            let line = bytes[index..<end]
            index = end + 1
            guard line.count >= 2, line[line.startIndex + 1] == 0x20 else { throw Malformed(line: lineNumber) }
            let body = line.dropFirst(2)
            switch line[line.startIndex] {
            case 0x63:  // c
                try finish()
                let fields = body.split(separator: 0x20, maxSplits: 1, omittingEmptySubsequences: false)
                guard fields.count == 2, isCommitID(fields[0]), let count = number(fields[1]) else {
                    throw Malformed(line: lineNumber)
                }
                // In the cache a `c` line follows its commit's `m` line: share that id string.
                let id: String
                if let previous = parsed.commits.last?.id, previous.utf8.elementsEqual(fields[0]) {
                    id = previous
                } else {
                    id = String(decoding: fields[0], as: UTF8.self)
                }
                current = (id, count, [])
                current?.files.reserveCapacity(count)
            case 0x66:  // f
                guard current != nil else { throw Malformed(line: lineNumber) }
                let fields = body.split(separator: 0x20, maxSplits: 3, omittingEmptySubsequences: false)
                guard fields.count == 4, !fields[3].isEmpty, let fileStatus = status(fromLetter: fields[0]) else {
                    throw Malformed(line: lineNumber)
                }
                let unreadable = fields[1].elementsEqual([0x3F])
                guard unreadable == fields[2].elementsEqual([0x3F]) else { throw Malformed(line: lineNumber) }
                let added = fields[1].elementsEqual([0x2D]) || unreadable ? nil : number(fields[1])
                let deleted = fields[2].elementsEqual([0x2D]) || unreadable ? nil : number(fields[2])
                guard unreadable
                    || ((added == nil) == fields[1].elementsEqual([0x2D]) && (deleted == nil) == fields[2].elementsEqual([0x2D])
                        && (added == nil) == (deleted == nil))
                else { throw Malformed(line: lineNumber) }
                let paths = fields[3].split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
                guard let path = unescape(paths[0], sharing: &parsed.texts) else { throw Malformed(line: lineNumber) }
                var oldPath: String?
                if paths.count == 2 {
                    guard let old = unescape(paths[1], sharing: &parsed.texts) else { throw Malformed(line: lineNumber) }
                    oldPath = old
                }
                current?.files.append(FileChange(
                    path: path, oldPath: oldPath, status: fileStatus, added: added, deleted: deleted, isUnreadable: unreadable))
            case 0x6D:  // m
                try finish()
                guard let commit = commit(body, sharing: &parsed.texts) else { throw Malformed(line: lineNumber) }
                parsed.commits.append(commit)
            case 0x21:  // !
                try finish()
                let fields = body.split(separator: 0x20, maxSplits: 1, omittingEmptySubsequences: false)
                guard fields.count == 2, isCommitID(fields[0]), let message = unescape(fields[1]) else {
                    throw Malformed(line: lineNumber)
                }
                let id = String(decoding: fields[0], as: UTF8.self)
                parsed.failures[id] = message
                parsed.order.append(id)
            default:
                throw Malformed(line: lineNumber)
            }
        }
        try finish()
    }

    private static func commit(_ body: Bytes, sharing texts: inout RecordTextInterner) -> GitCommit? {
        let fields = body.split(separator: 0x09, omittingEmptySubsequences: false)
        guard fields.count == 7 else { return nil }
        let head = fields[0].split(separator: 0x20, omittingEmptySubsequences: false)
        guard head.count == 6, isCommitID(head[0]),
            let authorTime = signedNumber(head[2]), let authorOffset = signedNumber(head[3]),
            let committerTime = signedNumber(head[4]), let committerOffset = signedNumber(head[5]),
            let authorName = unescape(fields[1], sharing: &texts), let authorEmail = unescape(fields[2], sharing: &texts),
            let committerName = unescape(fields[3], sharing: &texts), let committerEmail = unescape(fields[4], sharing: &texts),
            let subject = unescape(fields[5]), let body = unescape(fields[6])
        else { return nil }
        var parents: [String] = []
        if !head[1].elementsEqual([0x2D]) {
            for parent in head[1].split(separator: 0x2C, omittingEmptySubsequences: false) {
                guard isCommitID(parent) else { return nil }
                parents.append(texts.text(parent))
            }
        }
        // Shared: a commit's id is also its children's parent id, read a record earlier.
        return GitCommit(
            id: texts.text(head[0]), parents: parents,
            author: GitSignature(name: authorName, email: authorEmail, time: Int64(authorTime), offsetMinutes: authorOffset),
            committer: GitSignature(name: committerName, email: committerEmail, time: Int64(committerTime), offsetMinutes: committerOffset),
            subject: subject, body: body)
    }

    private static func signedNumber(_ bytes: Bytes) -> Int? {
        guard bytes.first == 0x2D else { return number(bytes) }
        return number(bytes.dropFirst()).map { -$0 }
    }

    private static func isCommitID(_ bytes: Bytes) -> Bool {
        (bytes.count == 40 || bytes.count == 64) && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func number(_ bytes: Bytes) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `unescape(_:)`, a text without escapes taken from `texts`.
    private static func unescape(_ bytes: Bytes, sharing texts: inout RecordTextInterner) -> String? {
        bytes.contains(0x5C) ? unescape(bytes) : texts.text(bytes)
    }

    private static func unescape(_ bytes: Bytes) -> String? {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case 0x5C: output.append(0x5C)
                case 0x74: output.append(0x09)
                case 0x6E: output.append(0x0A)
                default: return nil
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                output.append(byte)
            }
        }
        return escaped ? nil : String(decoding: output, as: UTF8.self)
    }
}
