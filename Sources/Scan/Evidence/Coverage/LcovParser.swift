import Foundation
import PhaseModel

/// Streaming reader for lcov tracefiles (`.info`), reading line coverage from `DA` lines.
///
/// Records (`SF:` … `end_of_record`) for the same source file are merged per line, whatever their
/// `TN:` test name: `lcov -a` keeps one record per test name and file, and summing them would count
/// a line once per test. Function and branch lines (`FN`, `FNDA`, `BRDA`, …) are accepted and not
/// counted. `LF`/`LH` are checked against the record's distinct `DA` lines; a disagreement is a problem,
/// and the `DA` lines win. A negative count is a problem and the line counts as not hit (as
/// `lcov --ignore-errors negative` treats it); a line number or count that is not a number is a problem
/// and the line is skipped. Memory holds one line set per source file, never the input text.
public enum LcovParser {
    /// Reads `handle` to its end; `file` names it in problems.
    public static func parse(handle: FileHandle, file: String) -> CoverageReport {
        EvidenceStreamLines.parse(State.self, handle: handle, file: file) { _ in }
    }

    /// Reads a tracefile held in memory (tests, small files).
    public static func parse(data: Data, file: String) -> CoverageReport {
        EvidenceStreamLines.parse(State.self, data: data, file: file) { _ in }
    }

    /// Whether `head` (the first ≤ 8 KiB of a file, possibly cut mid-line) is an lcov tracefile: the first
    /// line with content is a `TN:` or `SF:` record line, an `SF:` line is present, and every line with
    /// content is an lcov record line (`KEY:` in capitals, or `end_of_record`).
    public static func sniff(_ head: Data) -> Bool {
        let head = CoverageHead(head)
        guard !head.binary else { return false }
        let lines = head.nonBlankLines
        guard let first = lines.first, first.hasPrefix("TN:") || first.hasPrefix("SF:") else { return false }
        guard lines.contains(where: { $0.hasPrefix("SF:") }) else { return false }
        // The last line may be cut anywhere (`end_of_rec`), so it is not held to the shape.
        return lines.dropLast().allSatisfy { $0 == "end_of_record" || record(Substring($0)) != nil }
    }

    /// Splits a `KEY:value` record line (key of one to eight capital letters), or nil when the line is not one.
    static func record(_ line: Substring) -> (key: Substring, value: Substring)? {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = bytes[..<colon]
        guard !key.isEmpty, key.count <= 8, key.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        return (line[..<colon], line[bytes.index(after: colon)...])
    }

    // MARK: State

    struct Record {
        /// Nil when the `SF:` line had no path: the record's lines are read and dropped.
        var path: String?
        var line: Int
        var lines = CoverageLineSet()
        var declaredFound: (value: Int, line: Int)?
        var declaredHit: (value: Int, line: Int)?

        /// The record's path in a problem's `{path}`, or words saying it has none.
        var pathArgument: MessageArgument {
            path.map { .text($0) } ?? .localized(LocalizedText(message: "problem.lcov.no-path"))
        }
    }

    struct State: EvidenceLineState {
        let file: String
        /// Problems about content; kept only when the input turns out to be lcov at all.
        var log: EvidenceProblemLog
        /// Binary data and bad UTF-8, reported whatever the input is.
        var encoding: EvidenceProblemLog
        var recognized = false
        var sawContent = false
        var lastLine = 0
        var record: Record?
        var files: [String: CoverageLineSet] = [:]

        init(file: String) {
            self.file = file
            log = EvidenceProblemLog(file: file)
            encoding = EvidenceProblemLog(file: file)
        }

        mutating func consume(_ line: EvidenceStreamLine, _: (Never) -> Void) {
            lastLine = line.number
            guard encoding.check(line) else { return }
            let text = CoverageText.trimmed(line.text)
            if text.isEmpty { return }
            sawContent = true
            if text == "end_of_record" {
                if record == nil {
                    log.add(line.number, LocalizedText(message: "problem.lcov.end-without-record"))
                }
                close()
                return
            }
            guard let (key, value) = LcovParser.record(text) else {
                log.add(line.number, LocalizedText(message: "problem.lcov.not-a-record", ["text": .text(String(text.prefix(80)))]))
                return
            }
            switch key {
            case "TN", "SF":
                recognized = true
                if let open = record {
                    let arguments: [String: MessageArgument] = ["path": open.pathArgument, "line": .count(open.line), "next": .count(line.number)]
                    log.add(open.line, LocalizedText(message: "problem.lcov.record-unclosed", arguments))
                    close()
                }
                if key == "SF" {
                    let path = String(CoverageText.trimmed(value))
                    if path.isEmpty { log.add(line.number, LocalizedText(message: "problem.lcov.sf-without-path")) }
                    record = Record(path: path.isEmpty ? nil : path, line: line.number)
                }
            case "DA":
                data(value, line: line.number)
            case "LF", "LH":
                guard record != nil else {
                    log.add(line.number, LocalizedText(message: "problem.lcov.outside-record", ["key": .text(String(key))]))
                    return
                }
                guard let number = Int(CoverageText.trimmed(value)), number >= 0 else {
                    let arguments: [String: MessageArgument] = ["key": .text(String(key)), "value": .text(String(value.prefix(40)))]
                    log.add(line.number, LocalizedText(message: "problem.lcov.total-invalid", arguments))
                    return
                }
                if key == "LF" { record?.declaredFound = (number, line.number) } else { record?.declaredHit = (number, line.number) }
            default:
                // FN, FNDA, FNF, FNH, BRDA, BRF, BRH; VER (gcovr, lcov 2), FNL/FNA and MCDC (lcov 2.x); and
                // whatever later versions add: none of them is line coverage.
                break
            }
        }

        /// `DA:<line>,<count>[,<checksum>]`
        mutating func data(_ value: Substring, line: Int) {
            guard record != nil else {
                log.add(line, LocalizedText(message: "problem.lcov.outside-record", ["key": .text("DA")]))
                return
            }
            // A third field, when present, is a checksum of the source line.
            let fields = value.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let number = Int(CoverageText.trimmed(fields[0])) else {
                log.add(line, LocalizedText(message: "problem.lcov.da-invalid", ["text": .text(String(value.prefix(80)))]))
                return
            }
            guard number >= 0 else {
                log.add(line, LocalizedText(message: "problem.lcov.da-negative-line", ["number": .count(number)]))
                return
            }
            switch CoverageCount(CoverageText.trimmed(fields[1])) {
            case .value(let count):
                record?.lines.add(line: number, hit: count > 0)
            case .negative:
                log.add(line, LocalizedText(message: "problem.lcov.da-negative-count", ["value": .text(String(fields[1])), "number": .count(number)]))
                record?.lines.add(line: number, hit: false)
            case .invalid:
                let arguments: [String: MessageArgument] = ["value": .text(String(fields[1].prefix(40))), "number": .count(number)]
                log.add(line, LocalizedText(message: "problem.lcov.da-count-invalid", arguments))
            }
        }

        /// Ends the open record: checks `LF`/`LH`, merges its lines into its file.
        mutating func close() {
            guard let open = record else { return }
            record = nil
            guard let path = open.path else { return }
            if let declared = open.declaredFound, declared.value != open.lines.foundCount {
                let arguments: [String: MessageArgument] = [
                    "file": .text(path), "declared": .count(declared.value), "line": .count(declared.line), "counted": .count(open.lines.foundCount),
                ]
                log.add(declared.line, LocalizedText(message: "problem.lcov.lf-differs", arguments))
            }
            if let declared = open.declaredHit, declared.value != open.lines.hitCount {
                let arguments: [String: MessageArgument] = [
                    "file": .text(path), "declared": .count(declared.value), "line": .count(declared.line), "counted": .count(open.lines.hitCount),
                ]
                log.add(declared.line, LocalizedText(message: "problem.lcov.lh-differs", arguments))
            }
            if var known = files.removeValue(forKey: path) {
                known.merge(open.lines)
                files[path] = known
            } else {
                files[path] = open.lines
            }
        }

        mutating func finish(_: (Never) -> Void) -> CoverageReport {
            if let open = record {
                log.add(lastLine, LocalizedText(message: "problem.lcov.truncated", ["path": open.pathArgument, "line": .count(open.line)]))
                close()
            }
            guard recognized else {
                var problems = encoding.finished()
                if !sawContent && problems.isEmpty {
                    problems.append(EvidenceProblem(file: file, line: nil, message: LocalizedText(message: "problem.lcov.empty")))
                }
                return .unrecognized(problems: problems)
            }
            let files = files.map { FileCoverage(path: $0.key, linesFound: $0.value.foundCount, linesHit: $0.value.hitCount) }
            return CoverageReport(
                format: .lcov, recognized: true, files: files,
                problems: CoverageProblems.merged(encoding.finished(), log.finished()))
        }
    }
}
