/// The line format in which per-commit statistics are cached and passed back by worker
/// processes: one `c` line per commit, then one `f` line per file.
///
///     c <commit id> <file count>
///     f <added|-> <deleted|-> <path>[TAB <old path>]
///     ! <commit id> <message>        (workers only: the commit could not be diffed)
///
/// Paths escape `\`, TAB and newline as `\\`, `\t`, `\n`; `-` stands for a binary file's counts.
enum StatsRecordFormat {
    static func append(_ id: String, _ stats: CommitStats, to output: inout [UInt8]) {
        output.append(contentsOf: "c \(id) \(stats.files.count)\n".utf8)
        for file in stats.files {
            output.append(contentsOf: "f \(file.added.map(String.init) ?? "-") \(file.deleted.map(String.init) ?? "-") ".utf8)
            escape(file.path, into: &output)
            if let oldPath = file.oldPath {
                output.append(0x09)
                escape(oldPath, into: &output)
            }
            output.append(0x0A)
        }
    }

    static func appendFailure(_ id: String, message: String, to output: inout [UInt8]) {
        output.append(contentsOf: "! \(id) ".utf8)
        escape(message, into: &output)
        output.append(0x0A)
    }

    private static func escape(_ text: String, into output: inout [UInt8]) {
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
        var stats: [String: CommitStats] = [:]
        var failures: [String: String] = [:]
        /// Commit ids in the order they appeared.
        var order: [String] = []
    }

    struct Malformed: Error, Equatable {
        /// 1-based line of the record that does not parse.
        var line: Int
    }

    /// Parses complete lines; `bytes` must end with a newline (or be empty).
    static func parse(_ bytes: ArraySlice<UInt8>, into parsed: inout Parsed, firstLine: Int = 1) throws(Malformed) {
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
                current = (String(decoding: fields[0], as: UTF8.self), count, [])
                current?.files.reserveCapacity(count)
            case 0x66:  // f
                guard current != nil else { throw Malformed(line: lineNumber) }
                let fields = body.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count == 3, !fields[2].isEmpty else { throw Malformed(line: lineNumber) }
                let added = fields[0].elementsEqual([0x2D]) ? nil : number(fields[0])
                let deleted = fields[1].elementsEqual([0x2D]) ? nil : number(fields[1])
                guard (added == nil) == fields[0].elementsEqual([0x2D]), (deleted == nil) == fields[1].elementsEqual([0x2D]),
                    (added == nil) == (deleted == nil)
                else { throw Malformed(line: lineNumber) }
                let paths = fields[2].split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
                guard let path = unescape(paths[0]) else { throw Malformed(line: lineNumber) }
                var oldPath: String?
                if paths.count == 2 {
                    guard let old = unescape(paths[1]) else { throw Malformed(line: lineNumber) }
                    oldPath = old
                }
                current?.files.append(FileChange(path: path, oldPath: oldPath, added: added, deleted: deleted))
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

    private static func isCommitID(_ bytes: ArraySlice<UInt8>) -> Bool {
        (bytes.count == 40 || bytes.count == 64) && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
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
