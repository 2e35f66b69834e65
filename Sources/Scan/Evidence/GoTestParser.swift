import Foundation
import PhaseModel

// MARK: - Summary

/// What a `go test` result stream held, besides the cases handed to `onCase`.
///
/// Counts are per case as reported: a parent test and each of its subtests
/// (`TestA`, `TestA/sub`) are separate cases. A test that started (`run` event,
/// `=== RUN` line) but never reported a result before its package ended or the
/// input ran out (a panic, lost events, a truncated file) is **errored**, never passed.
/// A package that failed to build (test2json `build-fail`, a package `fail` with
/// `FailedBuild`, plain `FAIL pkg [build failed]`/`[setup failed]`) is reported as
/// one errored case named `[build failed]` (or `[setup failed]`) with suite = the package,
/// so a build failure is visible in the counts, not only as a problem.
public struct GoTestSummary: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        /// `go test -json` (test2json events, one JSON object a line).
        case json
        /// Plain `go test -v` text.
        case plain
    }

    /// Which form the input was read as; nil when it did not look like `go test` output at all.
    public var format: Format?
    public var passed = 0
    public var failed = 0
    public var errored = 0
    public var skipped = 0
    public var problems: [EvidenceProblem] = []

    /// Whether the input looked like `go test` output at all.
    public var recognized: Bool { format != nil }
    public var total: Int { passed + failed + errored + skipped }

    public init(
        format: Format? = nil, passed: Int = 0, failed: Int = 0, errored: Int = 0, skipped: Int = 0,
        problems: [EvidenceProblem] = []
    ) {
        self.format = format
        self.passed = passed
        self.failed = failed
        self.errored = errored
        self.skipped = skipped
        self.problems = problems
    }

    mutating func count(_ status: TestStatus) {
        switch status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .errored: errored += 1
        case .skipped: skipped += 1
        }
    }
}

// MARK: - Shared streaming line reader

/// One line of a streamed result file, without its terminator (`\n` or `\r\n`).
struct EvidenceStreamLine {
    /// 1-based.
    var number: Int
    var text: String
    /// The bytes were not valid UTF-8; `text` holds replacement characters.
    var invalidUTF8: Bool
    /// The line held NUL bytes: binary data, not text.
    var binary: Bool
    /// The line was longer than `EvidenceStreamLines.maxLineBytes` and was cut.
    var truncated: Bool
}

/// What a line-based evidence reader keeps while lines stream past: it sees each line once,
/// hands out finished items (test results) as it goes, and gives its summary at the end.
protocol EvidenceLineState {
    /// What is handed out line by line; `Never` for readers that only summarise.
    associatedtype Item
    associatedtype Output
    init(file: String)
    var log: EvidenceProblemLog { get set }
    mutating func consume(_ line: EvidenceStreamLine, _ emit: (Item) -> Void)
    mutating func finish(_ emit: (Item) -> Void) -> Output
}

/// Splits a byte stream into lines, reading fixed-size chunks; memory is bounded by
/// the chunk size plus the longest (capped) line.
enum EvidenceStreamLines {
    static let chunkSize = 64 * 1024
    static let maxLineBytes = 1 << 20

    struct Splitter {
        var pending: [UInt8] = []
        var overflow = false
        var number = 0

        mutating func feed(_ bytes: Data, _ body: (EvidenceStreamLine) -> Void) {
            bytes.withUnsafeBytes { raw in feed(raw.bindMemory(to: UInt8.self), body) }
        }

        /// Appends whole runs between newlines at once instead of byte by byte.
        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (EvidenceStreamLine) -> Void) {
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                let hit = memchr(base + start, 0x0A, bytes.count - start)
                let end = hit.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                let room = EvidenceStreamLines.maxLineBytes - pending.count
                if end - start <= room {
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                } else {
                    if room > 0 { pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + room)])) }
                    overflow = true
                }
                guard hit != nil else { return }
                emit(body)
                start = end + 1
            }
        }

        mutating func finish(_ body: (EvidenceStreamLine) -> Void) {
            if !pending.isEmpty || overflow { emit(body) }
        }

        private mutating func emit(_ body: (EvidenceStreamLine) -> Void) {
            number += 1
            if pending.last == 0x0D { pending.removeLast() }
            let binary = pending.contains(0)
            let valid = String(validating: pending, as: UTF8.self)
            let text = valid ?? String(decoding: pending, as: UTF8.self)
            let line = EvidenceStreamLine(
                number: number, text: text, invalidUTF8: valid == nil, binary: binary, truncated: overflow)
            pending.removeAll(keepingCapacity: true)
            overflow = false
            body(line)
        }
    }

    /// Streams `handle` through a fresh `State`: the one body of every line-based reader. A read
    /// error that stops the stream becomes a problem without a line.
    static func parse<State: EvidenceLineState>(
        _: State.Type, handle: FileHandle, file: String, emit: (State.Item) -> Void
    ) -> State.Output {
        var state = State(file: file)
        if let failure = read(handle: handle, { state.consume($0, emit) }) { state.log.add(nil, failure) }
        return state.finish(emit)
    }

    /// Streams bytes held in memory (tests, small files) through a fresh `State`.
    static func parse<State: EvidenceLineState>(
        _: State.Type, data: Data, file: String, emit: (State.Item) -> Void
    ) -> State.Output {
        var state = State(file: file)
        read(data: data) { state.consume($0, emit) }
        return state.finish(emit)
    }

    /// Reads `handle` to its end in chunks, decoded to UTF-8 (`EvidenceTextDecoder`). Returns a description
    /// of a read error, if one stopped it.
    static func read(handle: FileHandle, _ body: (EvidenceStreamLine) -> Void) -> LocalizedText? {
        var splitter = Splitter()
        var decoder = EvidenceTextDecoder()
        var failure: LocalizedText?
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkSize)
            } catch {
                failure = LocalizedText(message: "problem.read.failed", ["reason": .text(error.localizedDescription)])
                break
            }
            guard let chunk, !chunk.isEmpty else { break }
            decoder.decode(chunk) { splitter.feed($0, body) }
        }
        decoder.finish { splitter.feed($0, body) }
        splitter.finish(body)
        return failure
    }

    static func read(data: Data, _ body: (EvidenceStreamLine) -> Void) {
        var splitter = Splitter()
        var decoder = EvidenceTextDecoder()
        var start = data.startIndex
        while start < data.endIndex {
            let end = data.index(start, offsetBy: chunkSize, limitedBy: data.endIndex) ?? data.endIndex
            decoder.decode(data[start..<end]) { splitter.feed($0, body) }
            start = end
        }
        decoder.finish { splitter.feed($0, body) }
        splitter.finish(body)
    }
}

/// Collects problems for one file, capped so a garbage file cannot grow the list without bound.
struct EvidenceProblemLog {
    static let limit = 100
    let file: String
    var problems: [EvidenceProblem] = []
    private var dropped = 0
    private var sawBinary = false
    private var sawInvalidUTF8 = false

    init(file: String) { self.file = file }

    /// Adds a problem; past the limit it is only counted, and its message is never worded.
    mutating func add(_ line: Int?, _ message: @autoclosure () -> LocalizedText, resultsKept: Bool = false) {
        if problems.count < Self.limit {
            problems.append(EvidenceProblem(file: file, line: line, message: message(), resultsKept: resultsKept))
        } else {
            dropped += 1
        }
    }

    /// Reports encoding trouble once per file; returns false when the line is binary and must be skipped.
    mutating func check(_ line: EvidenceStreamLine) -> Bool {
        if line.binary {
            if !sawBinary { add(line.number, LocalizedText(message: "problem.binary-lines")) }
            sawBinary = true
            return false
        }
        if line.invalidUTF8 && !sawInvalidUTF8 {
            sawInvalidUTF8 = true
            add(line.number, LocalizedText(message: "problem.invalid-utf8"))
        }
        if line.truncated { add(line.number, LocalizedText(message: "problem.line-too-long", ["limit": .count(EvidenceStreamLines.maxLineBytes)])) }
        return true
    }

    func finished() -> [EvidenceProblem] {
        guard dropped > 0 else { return problems }
        return problems + [EvidenceProblem(file: file, line: nil, message: LocalizedText(message: "problem.more-not-listed", ["count": .count(dropped)]))]
    }
}

/// A bounded tail of output lines, used to build failure messages.
struct OutputTail {
    static let maxLines = 40
    var lines: [String] = []
    var dropped = 0

    mutating func append(_ line: String) {
        lines.append(line)
        if lines.count > Self.maxLines {
            lines.removeFirst()
            dropped += 1
        }
    }

    var message: String? {
        let text = lines.joined(separator: "\n").trimmingBlanksAndNewlines()
        return text.isEmpty ? nil : text
    }
}

// MARK: - Go test parser

/// Streaming reader for `go test -json` (test2json events) and plain `go test -v` output.
///
/// The form is detected from the content: a line starting with `{` before any plain
/// `go test` marker selects test2json. In test2json mode a line that starts with `{` but is
/// not an event is a problem (with its line number) and reading goes on; lines that are not
/// JSON at all are what `go test -json 2>&1` mixes in from standard error (`go: downloading …`,
/// compiler messages) and are skipped, unless no line of the file is an event.
/// Only tests still running are kept in memory (plus, in plain mode, the finished cases
/// of the current package until its `ok`/`FAIL` line names it — at most
/// `plainPackageBuffer`, beyond which cases are passed on without a suite).
public struct GoTestParser: Sendable {
    static let plainPackageBuffer = 10_000

    public init() {}

    @discardableResult
    public static func parse(handle: FileHandle, file: String, onCase: (TestCaseResult) -> Void) -> GoTestSummary {
        EvidenceStreamLines.parse(State.self, handle: handle, file: file, emit: onCase)
    }

    @discardableResult
    public static func parse(data: Data, file: String, onCase: (TestCaseResult) -> Void) -> GoTestSummary {
        EvidenceStreamLines.parse(State.self, data: data, file: file, emit: onCase)
    }

    // MARK: State

    struct Event: Decodable, Equatable {
        var Action: String?
        var Package: String?
        var Test: String?
        var Elapsed: Double?
        /// An `Elapsed` that is a number, but not one of seconds between 0 and ten years (as written).
        var elapsedUnreadable: String?
        var Output: String?
        var ImportPath: String?
        var FailedBuild: String?
    }

    struct Running {
        var line: Int
        var output = OutputTail()
    }

    struct PackageState {
        var brokenCases = 0
        var panic: String?
        var output = OutputTail()
        var buildReported = false
    }

    struct State: EvidenceLineState {
        let file: String
        var log: EvidenceProblemLog
        var summary = GoTestSummary()
        var sawAnyLine = false
        var lastLine = 0
        /// test2json events read, and non-blank lines that were not JSON (the first of them, and how many).
        var events = 0
        var firstNonJSONLine: Int?
        var nonJSONLines = 0

        // test2json
        var running: [String: Running] = [:]  // key: package + "\u{0}" + test
        var packages: [String: PackageState] = [:]
        var buildOutput: [String: OutputTail] = [:]

        // plain
        var plainRunning: [String: Running] = [:]
        var plainOrder: [String] = []
        var plainCurrent: String?
        var plainFinished: [TestCaseResult] = []
        var plainPanic: String?
        var plainInPanic = false

        init(file: String) {
            self.file = file
            self.log = EvidenceProblemLog(file: file)
        }

        mutating func emit(_ result: TestCaseResult, _ onCase: (TestCaseResult) -> Void) {
            summary.count(result.status)
            onCase(result)
        }

        mutating func consume(_ line: EvidenceStreamLine, _ onCase: (TestCaseResult) -> Void) {
            lastLine = line.number
            guard log.check(line) else { return }
            let trimmed = line.text.trimmingBlanks()
            if !trimmed.isEmpty { sawAnyLine = true }
            if !trimmed.isEmpty, !trimmed.hasPrefix("{") {
                nonJSONLines += 1
                if firstNonJSONLine == nil { firstNonJSONLine = line.number }
            }
            switch summary.format {
            case .json:
                consumeJSON(line, trimmed, onCase)
            case .plain:
                consumePlain(line, onCase)
            case nil:
                if trimmed.hasPrefix("{") {
                    summary.format = .json
                    consumeJSON(line, trimmed, onCase)
                } else {
                    consumePlain(line, onCase)
                }
            }
        }

        // MARK: test2json

        mutating func consumeJSON(_ line: EvidenceStreamLine, _ trimmed: String, _ onCase: (TestCaseResult) -> Void) {
            // Standard error mixed in by `2>&1`; counted in `consume`, reported only if no event is read.
            guard trimmed.hasPrefix("{") else { return }
            guard let event = Event(json: trimmed) else {
                log.add(line.number, LocalizedText(message: "problem.go.malformed-json"))
                return
            }
            events += 1
            if let elapsed = event.elapsedUnreadable {
                log.add(line.number, LocalizedText(message: "problem.go.elapsed-invalid", ["elapsed": .text(elapsed)]), resultsKept: true)
            }
            guard let action = event.Action else {
                log.add(line.number, LocalizedText(message: "problem.go.no-action"))
                return
            }
            let package = event.Package ?? event.ImportPath ?? ""
            switch action {
            case "build-output":
                if let path = event.ImportPath, let output = event.Output {
                    buildOutput[path, default: OutputTail()].append(output.trimmingNewlines())
                }
            case "build-fail":
                let path = event.ImportPath ?? package
                reportBuildFailure(package: path, label: "[build failed]", line: line.number, onCase)
            case "start", "pause", "cont", "bench":
                break
            case "run":
                guard let test = event.Test else { return }
                running[key(package, test)] = Running(line: line.number)
            case "output":
                guard let output = event.Output else { return }
                let text = output.trimmingNewlines()
                if let test = event.Test, running[key(package, test)] != nil {
                    running[key(package, test)]?.output.append(text)
                } else {
                    packages[package, default: PackageState()].output.append(text)
                }
                if text.hasPrefix("panic:"), packages[package]?.panic == nil {
                    packages[package, default: PackageState()].panic = text
                }
            case "pass", "fail", "skip":
                let status: TestStatus = action == "pass" ? .passed : action == "fail" ? .failed : .skipped
                if let test = event.Test {
                    let state = running.removeValue(forKey: key(package, test))
                    let message = status == .passed ? nil : Self.message(from: state?.output)
                    if status == .failed { packages[package, default: PackageState()].brokenCases += 1 }
                    emit(
                        TestCaseResult(
                            suite: package, name: test, status: status, duration: event.Elapsed, message: message,
                            source: .file(file, line: state?.line ?? line.number)), onCase)
                } else {
                    finishPackage(package, event: event, status: status, line: line.number, onCase)
                }
            default:
                log.add(line.number, LocalizedText(message: "problem.go.unknown-action", ["action": .text(action)]))
            }
        }

        func key(_ package: String, _ test: String) -> String { package + "\u{0}" + test }

        static func message(from output: OutputTail?) -> String? {
            guard let output else { return nil }
            var kept = OutputTail()
            for line in output.lines {
                let t = line.trimmingBlanks()
                if t.hasPrefix("=== ") || t.hasPrefix("--- PASS:") || t.hasPrefix("--- FAIL:")
                    || t.hasPrefix("--- SKIP:")
                {
                    continue
                }
                kept.append(line)
            }
            return kept.message
        }

        mutating func reportBuildFailure(
            package importPath: String, label: String, line: Int, _ onCase: (TestCaseResult) -> Void
        ) {
            // "example.com/p [example.com/p.test]" names the test variant of package example.com/p.
            let package = importPath.components(separatedBy: " [").first ?? importPath
            let output = buildOutput.removeValue(forKey: importPath)?.message ?? packages[package]?.output.message
            if packages[package]?.buildReported == true { return }
            packages[package, default: PackageState()].buildReported = true
            // A result's message reads the same in every report language (it is mostly the tool's output).
            let message = output ?? LocalizedText(message: "problem.go.build-failed", ["package": .text(package)]).en
            emit(
                TestCaseResult(
                    suite: package, name: label, status: .errored, message: message,
                    source: .file(file, line: line)), onCase)
        }

        mutating func finishPackage(
            _ package: String, event: Event, status: TestStatus, line: Int, _ onCase: (TestCaseResult) -> Void
        ) {
            // Tests of this package that never ended are errored.
            let prefix = package + "\u{0}"
            let open = running.filter { $0.key.hasPrefix(prefix) }.sorted { $0.value.line < $1.value.line }
            let panic = packages[package]?.panic
            for (k, state) in open {
                running.removeValue(forKey: k)
                let name = String(k.dropFirst(prefix.count))
                let missing = LocalizedText(message: "problem.go.no-result-event")
                emit(unfinished(name, suite: package, panic: panic, missing: missing, line: state.line, output: state.output), onCase)
                packages[package, default: PackageState()].brokenCases += 1
            }
            if status == .failed {
                if let failed = event.FailedBuild {
                    reportBuildFailure(package: failed, label: "[build failed]", line: line, onCase)
                } else if packages[package]?.brokenCases ?? 0 == 0 && packages[package]?.buildReported != true {
                    let output = packages[package]?.output.message ?? ""
                    let label = output.contains("[setup failed]") ? "[setup failed]" : output.contains("[build failed]") ? "[build failed]" : "[package failed]"
                    if label == "[package failed]" {
                        // In English whatever the report's language, like the output it stands in for.
                        emit(
                            TestCaseResult(
                                suite: package, name: label, status: .errored,
                                message: output.isEmpty ? LocalizedText(message: "problem.go.package-failed").en : output,
                                source: .file(file, line: line)), onCase)
                    } else {
                        reportBuildFailure(package: package, label: label, line: line, onCase)
                    }
                }
            }
            packages.removeValue(forKey: package)
        }

        // MARK: plain go test -v

        mutating func consumePlain(_ line: EvidenceStreamLine, _ onCase: (TestCaseResult) -> Void) {
            let text = line.text
            let trimmed = text.trimmingBlanks()
            if trimmed.hasPrefix("=== RUN") {
                recognizePlain()
                let name = String(trimmed.dropFirst("=== RUN".count)).trimmingBlanks()
                guard !name.isEmpty else { return }
                if plainRunning[name] == nil { plainOrder.append(name) }
                plainRunning[name] = Running(line: line.number)
                plainCurrent = name
                plainInPanic = false
                return
            }
            for marker in ["=== CONT", "=== NAME", "=== PAUSE"] where trimmed.hasPrefix(marker) {
                recognizePlain()
                let name = String(trimmed.dropFirst(marker.count)).trimmingBlanks()
                if marker != "=== PAUSE" { plainCurrent = name }
                return
            }
            for (marker, status) in [("--- PASS:", TestStatus.passed), ("--- FAIL:", .failed), ("--- SKIP:", .skipped)]
            where trimmed.hasPrefix(marker) {
                recognizePlain()
                var rest = String(trimmed.dropFirst(marker.count)).trimmingBlanks()
                var duration: Double?
                if let open = rest.range(of: " (", options: .backwards), rest.hasSuffix("s)") {
                    duration = DecimalText.parse(rest[open.upperBound..<rest.index(rest.endIndex, offsetBy: -2)])
                    rest = String(rest[..<open.lowerBound])
                }
                let state = plainRunning.removeValue(forKey: rest)
                plainOrder.removeAll { $0 == rest }
                let message = status == .passed ? nil : Self.message(from: state?.output)
                finishPlain(
                    TestCaseResult(
                        suite: nil, name: rest, status: status, duration: duration, message: message,
                        source: .file(file, line: state?.line ?? line.number)), onCase)
                return
            }
            if text.hasPrefix("panic:") {
                plainInPanic = true
                if plainPanic == nil { plainPanic = trimmed }
                return
            }
            let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if let first = fields.first, fields.count >= 2, text.contains("\t"),
                first == "ok" || first == "FAIL" || first == "?"
            {
                recognizePlain()
                closePlainPackage(String(fields[1]), failed: first == "FAIL", line: line.number, text: text, onCase)
                return
            }
            if trimmed == "PASS" || trimmed == "FAIL" { return }
            // Output of the current test (indented log lines, or the panic trace).
            if !plainInPanic, let current = plainCurrent, plainRunning[current] != nil {
                plainRunning[current]?.output.append(text)
            }
        }

        mutating func recognizePlain() {
            if summary.format == nil { summary.format = .plain }
        }

        mutating func finishPlain(_ result: TestCaseResult, _ onCase: (TestCaseResult) -> Void) {
            if plainFinished.count >= GoTestParser.plainPackageBuffer {
                for r in plainFinished { emit(r, onCase) }
                plainFinished.removeAll()
            }
            plainFinished.append(result)
        }

        /// A test that started and never reported a result: errored, with the panic or what was
        /// missing, and its last output.
        func unfinished(_ name: String, suite: String?, panic: String?, missing: LocalizedText, line: Int, output: OutputTail?) -> TestCaseResult {
            return TestCaseResult(
                suite: suite, name: name, status: .errored,
                message: [Self.neverFinished(panic: panic, missing: missing), Self.message(from: output)].compactMap { $0 }
                    .joined(separator: "\n"),
                source: .file(file, line: line))
        }

        /// Why a test is errored that never reported a result: the panic, or what was missing. In
        /// English, as a result's message is in every report, whatever its language.
        static func neverFinished(panic: String?, missing: LocalizedText) -> String {
            let reason = panic.map { LocalizedText(message: "problem.go.never-finished.panic", ["panic": .text($0)]) }
                ?? LocalizedText(message: "problem.go.never-finished", ["missing": .localized(missing)])
            return reason.en
        }

        mutating func flushPlainRunning(_ onCase: (TestCaseResult) -> Void) {
            for name in plainOrder {
                guard let state = plainRunning[name] else { continue }
                let missing = LocalizedText(message: "problem.go.no-result-line")
                finishPlain(unfinished(name, suite: nil, panic: plainPanic, missing: missing, line: state.line, output: state.output), onCase)
            }
            plainRunning.removeAll()
            plainOrder.removeAll()
            plainCurrent = nil
        }

        mutating func closePlainPackage(
            _ package: String, failed: Bool, line: Int, text: String, _ onCase: (TestCaseResult) -> Void
        ) {
            flushPlainRunning(onCase)
            let broken = plainFinished.contains { $0.status == .failed || $0.status == .errored }
            for var r in plainFinished {
                r.suite = package
                emit(r, onCase)
            }
            plainFinished.removeAll()
            if failed && !broken {
                let label =
                    text.contains("[build failed]") ? "[build failed]"
                    : text.contains("[setup failed]") ? "[setup failed]" : "[package failed]"
                emit(
                    TestCaseResult(
                        suite: package, name: label, status: .errored,
                        message: plainPanic ?? text.trimmingBlanks(),
                        source: .file(file, line: line)), onCase)
            }
            plainPanic = nil
            plainInPanic = false
        }

        // MARK: end

        mutating func finish(_ onCase: (TestCaseResult) -> Void) -> GoTestSummary {
            switch summary.format {
            case .json:
                if events == 0, let first = firstNonJSONLine {
                    log.add(first, LocalizedText(message: "problem.go.no-event", ["count": .count(nonJSONLines)]))
                }
                let open = running.sorted { $0.value.line < $1.value.line }
                for (k, state) in open {
                    let parts = k.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
                    let package = String(parts[0])
                    let panic = packages[package]?.panic
                    emit(
                        TestCaseResult(
                            suite: package.isEmpty ? nil : package, name: String(parts.count > 1 ? parts[1] : ""),
                            status: .errored,
                            message: Self.neverFinished(panic: panic, missing: LocalizedText(message: "problem.go.input-ended")),
                            source: .file(file, line: state.line)), onCase)
                }
                if !open.isEmpty {
                    log.add(lastLine, LocalizedText(message: "problem.go.still-running", ["count": .count(open.count)]))
                }
                running.removeAll()
                for (path, tail) in buildOutput.sorted(by: { $0.key < $1.key }) {
                    let arguments: [String: MessageArgument] = ["package": .text(path), "output": .text(tail.message ?? "")]
                    log.add(nil, LocalizedText(message: "problem.go.build-output-alone", arguments))
                }
            case .plain:
                let openCount = plainRunning.count
                flushPlainRunning(onCase)
                for r in plainFinished { emit(r, onCase) }
                plainFinished.removeAll()
                if openCount > 0 {
                    log.add(lastLine, LocalizedText(message: "problem.go.still-running", ["count": .count(openCount)]))
                }
            case nil:
                log.add(nil, sawAnyLine ? LocalizedText(message: "problem.go.unrecognized") : LocalizedText(message: "problem.go.empty"))
            }
            summary.problems = log.finished()
            return summary
        }
    }
}
