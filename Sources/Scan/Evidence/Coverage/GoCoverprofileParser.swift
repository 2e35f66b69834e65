import Foundation
import PhaseModel

/// Streaming reader for Go coverage profiles (`go test -coverprofile`), giving line and statement coverage.
///
/// The first line with content must be `mode: set|count|atomic`; otherwise the input is not a
/// coverprofile. Each further line is `file.go:startLine.startCol,endLine.endCol numStmts count`.
/// A block listed more than once (`-coverpkg` runs one test binary per package and each lists every
/// covered package; profiles concatenated with `cat`, whose repeated identical `mode:` lines are accepted)
/// is one block, hit if any listing has a count above 0. `go tool cover -func` merges the same way (it
/// adds the counts, or ORs them in `set` mode, which decides hit or not alike), so statement totals match
/// its `total:` line.
///
/// Line coverage: every line from `startLine` to `endLine` of a block with statements is found, and hit
/// if any block covering it ran. Memory holds the distinct blocks of each file, not the input.
public enum GoCoverprofileParser {
    /// Reads `handle` to its end; `file` names it in problems.
    public static func parse(handle: FileHandle, file: String) -> CoverageReport {
        EvidenceStreamLines.parse(State.self, handle: handle, file: file) { _ in }
    }

    /// Reads a profile held in memory (tests, small files).
    public static func parse(data: Data, file: String) -> CoverageReport {
        EvidenceStreamLines.parse(State.self, data: data, file: file) { _ in }
    }

    /// Whether `head` (the first ≤ 8 KiB of a file, possibly cut mid-line) is a Go coverprofile: its first
    /// line with content is `mode: set`, `mode: count` or `mode: atomic`.
    public static func sniff(_ head: Data) -> Bool {
        let head = CoverageHead(head)
        guard !head.binary, let first = head.nonBlankLines.first else { return false }
        // A mode line cut short ("mode: co") is no known mode, so a cut head gives no false positive.
        return modes.contains(mode(Substring(first)) ?? "")
    }

    static let modes: Set<String> = ["set", "count", "atomic"]

    /// The value of a `mode:` line, or nil when the line is not one.
    static func mode(_ line: Substring) -> String? {
        guard line.hasPrefix("mode:") else { return nil }
        return String(CoverageText.trimmed(line.dropFirst("mode:".count)))
    }

    struct BlockKey: Hashable {
        var startLine: Int, startColumn: Int, endLine: Int, endColumn: Int
    }

    struct Block {
        var statements: Int
        var hit: Bool
    }

    /// Parses `file.go:12.3,14.2 2 1`, searching from the end as Go's own parser does, since the file
    /// name may hold `:` and `.`. Returns the file, the block key and its statements and count.
    static func block(_ line: Substring) -> (file: String, key: BlockKey, statements: Int, count: CoverageCount)? {
        let bytes = line.utf8
        var end = bytes.endIndex
        // Separators are ASCII, so every index found here is a character boundary of `line`.
        func field(before separator: Character) -> Substring? {
            guard let ascii = separator.asciiValue, let index = bytes[..<end].lastIndex(of: ascii) else { return nil }
            let value = line[bytes.index(after: index)..<end]
            end = index
            return value
        }
        // Go writes these as int; a value beyond Int32 is garbage, and refusing it keeps sums from overflowing.
        func number(before separator: Character) -> Int? {
            guard let text = field(before: separator), let value = CoverageText.decimal(text), value <= Int(Int32.max) else {
                return nil
            }
            return value
        }
        guard let countText = field(before: " "), let statements = number(before: " "),
            let endColumn = number(before: "."), let endLine = number(before: ","),
            let startColumn = number(before: "."), let startLine = number(before: ":"),
            end > bytes.startIndex
        else { return nil }
        let key = BlockKey(startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn)
        return (String(line[..<end]), key, statements, CoverageCount(countText))
    }

    /// Number of distinct lines in the union of closed ranges.
    static func linesCovered(by ranges: [ClosedRange<Int>]) -> Int {
        var total = 0
        var current: ClosedRange<Int>?
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let open = current, range.lowerBound <= open.upperBound + 1 {
                current = open.lowerBound...max(open.upperBound, range.upperBound)
            } else {
                if let open = current { total += open.count }
                current = range
            }
        }
        if let open = current { total += open.count }
        return total
    }

    // MARK: State

    struct State: EvidenceLineState {
        let file: String
        /// Problems about content; kept only when the input is a coverprofile at all.
        var log: EvidenceProblemLog
        /// Binary data and bad UTF-8, reported whatever the input is.
        var encoding: EvidenceProblemLog
        var mode: String?
        /// The first line with content was not a `mode:` line: not a coverprofile, the rest is not read.
        var rejected = false
        var sawContent = false
        var blocks: [String: [BlockKey: Block]] = [:]

        init(file: String) {
            self.file = file
            log = EvidenceProblemLog(file: file)
            encoding = EvidenceProblemLog(file: file)
        }

        mutating func consume(_ line: EvidenceStreamLine, _: (Never) -> Void) {
            guard encoding.check(line), !rejected else { return }
            let text = CoverageText.trimmed(line.text)
            if text.isEmpty { return }
            sawContent = true
            if let value = GoCoverprofileParser.mode(text) {
                if let first = mode {
                    if value != first {
                        let arguments: [String: MessageArgument] = ["mode": .text(value), "line": .count(line.number), "first": .text(first)]
                        log.add(line.number, LocalizedText(message: "problem.coverprofile.mode-differs", arguments))
                    }
                } else {
                    mode = value
                    if !GoCoverprofileParser.modes.contains(value) {
                        log.add(line.number, LocalizedText(message: "problem.coverprofile.mode-unknown", ["mode": .text(String(value.prefix(40)))]))
                    }
                }
                return
            }
            guard mode != nil else {
                rejected = true
                return
            }
            guard let (path, key, statements, count) = GoCoverprofileParser.block(text) else {
                log.add(line.number, LocalizedText(message: "problem.coverprofile.not-a-block", ["text": .text(String(text.prefix(80)))]))
                return
            }
            guard key.endLine >= key.startLine else {
                let arguments: [String: MessageArgument] = ["end": .count(key.endLine), "start": .count(key.startLine)]
                log.add(line.number, LocalizedText(message: "problem.coverprofile.block-reversed", arguments))
                return
            }
            let hit: Bool
            switch count {
            case .value(let value): hit = value > 0
            case .negative, .invalid:
                let written = String(text.split(separator: " ").last ?? "")
                log.add(line.number, LocalizedText(message: "problem.coverprofile.count-invalid", ["value": .text(written)]))
                return
            }
            if let known = blocks[path]?[key] {
                if known.statements != statements {
                    let arguments: [String: MessageArgument] = [
                        "file": .text(path), "line": .count(key.startLine), "statements": .count(statements), "earlier": .count(known.statements),
                    ]
                    log.add(line.number, LocalizedText(message: "problem.coverprofile.statements-differ", arguments))
                }
                if hit && !known.hit { blocks[path]?[key]?.hit = true }
            } else {
                blocks[path, default: [:]][key] = Block(statements: statements, hit: hit)
            }
        }

        mutating func finish(_: (Never) -> Void) -> CoverageReport {
            guard mode != nil else {
                var problems = encoding.finished()
                if !sawContent && problems.isEmpty {
                    problems.append(EvidenceProblem(file: file, line: nil, message: LocalizedText(message: "problem.coverprofile.empty")))
                }
                return .unrecognized(problems: problems)
            }
            var files: [FileCoverage] = []
            for (path, fileBlocks) in blocks {
                let withCode = fileBlocks.filter { $0.value.statements > 0 }
                let found = withCode.map { $0.key.startLine...$0.key.endLine }
                let hit = withCode.filter(\.value.hit).map { $0.key.startLine...$0.key.endLine }
                files.append(
                    FileCoverage(
                        path: path,
                        linesFound: GoCoverprofileParser.linesCovered(by: found),
                        linesHit: GoCoverprofileParser.linesCovered(by: hit),
                        statementsFound: fileBlocks.values.reduce(0) { $0 + $1.statements },
                        statementsHit: fileBlocks.values.reduce(0) { $0 + ($1.hit ? $1.statements : 0) }))
            }
            var report = CoverageReport(
                format: .goCoverprofile, recognized: true, files: files,
                problems: CoverageProblems.merged(encoding.finished(), log.finished()))
            // A profile with a mode line and no blocks (no test touched any code) still has statement totals: 0 of 0.
            if report.statementsFound == nil {
                report.statementsFound = 0
                report.statementsHit = 0
            }
            return report
        }
    }
}
