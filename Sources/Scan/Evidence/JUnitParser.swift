import Foundation
import PhaseModel

/// What one JUnit XML file held, apart from the cases themselves (which go to `onCase` one by one).
public struct JUnitSummary: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var errored = 0
    public var skipped = 0
    /// Cases that passed in the end after failing first (also counted in `passed`).
    public var flaky = 0
    /// Number of `testsuite` elements, nested ones included.
    public var suites = 0
    /// Malformed XML, or suite counts that disagree with the cases inside.
    public var problems: [EvidenceProblem] = []
    /// The root element was `testsuites` or `testsuite`.
    public var isJUnit = false

    public init() {}

    /// All cases read.
    public var total: Int { passed + failed + errored + skipped }

    public func count(of status: TestStatus) -> Int {
        switch status {
        case .passed: passed
        case .failed: failed
        case .errored: errored
        case .skipped: skipped
        }
    }
}

/// Streaming reader for JUnit XML (Ant, Maven Surefire, pytest, `swift test --xunit-output`, jest-junit,
/// gotestsum). Memory holds only the read buffer, the open element stack and the message of the current
/// case (capped at `messageLimit` bytes), never the cases read so far.
public enum JUnitParser {
    /// Longest failure/skip message kept, in UTF-8 bytes.
    public static let messageLimit = 4096

    /// Reads a file through its handle, chunk by chunk.
    public static func parse(handle: FileHandle, file: String, onCase: (TestCaseResult) -> Void) -> JUnitSummary {
        parse(source: XMLByteSource(handle: handle), file: file, onCase: onCase)
    }

    public static func parse(stream: InputStream, file: String, onCase: (TestCaseResult) -> Void) -> JUnitSummary {
        parse(source: XMLByteSource(stream: stream), file: file, onCase: onCase)
    }

    /// Reads a whole document held in memory (tests, small files).
    public static func parse(data: Data, file: String, onCase: (TestCaseResult) -> Void) -> JUnitSummary {
        parse(source: XMLByteSource(data: data), file: file, onCase: onCase)
    }

    private static func parse(source: XMLByteSource, file: String, onCase: (TestCaseResult) -> Void) -> JUnitSummary {
        withoutActuallyEscaping(onCase) { onCase in
            var scanner = XMLScanner(source: source, handler: JUnitHandler(file: file, onCase: onCase))
            let end = scanner.scan()
            return scanner.handler.finish(end)
        }
    }

    /// Seconds from a `time` attribute: missing, empty, not a number or beyond `0...DecimalText.maxSeconds`
    /// → nil; thousands commas allowed ("1,234.5").
    static func seconds(_ text: String?) -> Double? {
        text.flatMap(DecimalText.parse).flatMap(DecimalText.seconds)
    }
}

// MARK: - Handler

/// Turns XML events into test cases and suite count checks.
private struct JUnitHandler: XMLScanHandler {
    /// A `testsuite` (or the `testsuites` root) still open.
    struct Suite {
        var isRoot: Bool
        var name: String?
        var line: Int
        var depth: Int
        var declared: [(attribute: String, value: String)]
        var tests = 0, failures = 0, errors = 0, skipped = 0
    }

    /// The `testcase` still open.
    struct Case {
        var suite: String?
        var name: String
        var file: String?
        var line: Int?
        var duration: Double?
        var startLine: Int
        var depth: Int
        var final: TestStatus?
        var finalMessage: String?
        var retried = false
        var retryMessage: String?
    }

    /// The result child of a case whose text is being collected.
    struct Capture {
        var status: TestStatus?
        var depth: Int
        var text = ""
        var bytes = 0
        var full = false
        var attributeMessage: String?
    }

    let file: String
    let onCase: (TestCaseResult) -> Void
    var summary = JUnitSummary()

    /// Most unreadable `time` values listed one by one.
    static let timeProblemLimit = 100

    var depth = 0
    var unreadableTimes = 0
    var rootSeen = false
    var errorReported = false
    var suites: [Suite] = []
    var current: Case?
    var capture: Capture?

    init(file: String, onCase: @escaping (TestCaseResult) -> Void) {
        self.file = file
        self.onCase = onCase
    }

    var wantsText: Bool {
        guard let capture else { return false }
        return depth == capture.depth && !capture.full
    }

    mutating func startElement(_ tag: XMLTag) -> Bool {
        depth += 1
        if !rootSeen {
            rootSeen = true
            guard tag.isNamed("testsuites") || tag.isNamed("testsuite") else { return false }
            summary.isJUnit = true
        }
        if tag.isNamed("testsuite") || tag.isNamed("testsuites") {
            let isRoot = tag.isNamed("testsuites")
            if !isRoot { summary.suites += 1 }
            var declared: [(String, String)] = []
            if let value = tag.attribute("tests") { declared.append(("tests", value)) }
            if let value = tag.attribute("failures") { declared.append(("failures", value)) }
            if let value = tag.attribute("errors") { declared.append(("errors", value)) }
            if let value = tag.attribute("skipped") {
                declared.append(("skipped", value))
            } else if let value = tag.attribute("disabled") {
                declared.append(("disabled", value))
            }
            suites.append(Suite(isRoot: isRoot, name: tag.attribute("name"), line: tag.line, depth: depth, declared: declared))
        } else if tag.isNamed("testcase"), current == nil {
            let classname = tag.attribute("classname").flatMap { $0.isEmpty ? nil : $0 }
            let innermost = suites.last(where: { !$0.isRoot })?.name
            let name = tag.attribute("name") ?? ""
            let duration = tag.number("time").flatMap(DecimalText.seconds)
            if duration == nil, let time = tag.attribute("time"), !time.trimmingBlanksAndNewlines().isEmpty {
                unreadableTime(time, testcase: name, line: tag.line)
            }
            current = Case(
                suite: classname ?? innermost.flatMap { $0.isEmpty ? nil : $0 },
                name: name,
                file: tag.attribute("file").flatMap { $0.isEmpty ? nil : $0 },
                line: tag.attribute("line").flatMap { Int($0.trimmingBlanksAndNewlines()) },
                duration: duration,
                startLine: tag.line,
                depth: depth
            )
        } else if let open = current, depth == open.depth + 1, capture == nil {
            let status: TestStatus?? =
                tag.isNamed("failure") ? .failed : tag.isNamed("error") ? .errored : tag.isNamed("skipped") ? .skipped
                : Self.isRetry(tag) ? .some(nil) : nil
            if let status {
                let message = tag.attribute("message").flatMap { $0.isEmpty ? nil : $0 }
                capture = Capture(status: status, depth: depth, attributeMessage: message)
            }
        }
        return true
    }

    private static func isRetry(_ tag: XMLTag) -> Bool {
        tag.isNamed("flakyFailure") || tag.isNamed("flakyError") || tag.isNamed("rerunFailure") || tag.isNamed("rerunError")
    }

    mutating func text(_ string: String) {
        guard var open = capture, depth == open.depth, !open.full else { return }
        let size = string.utf8.count
        if open.bytes + size <= JUnitParser.messageLimit {
            open.text += string
            open.bytes += size
        } else {
            var room = JUnitParser.messageLimit - open.bytes
            for character in string {
                let width = character.utf8.count
                if width > room { break }
                open.text.append(character)
                room -= width
            }
            open.bytes = JUnitParser.messageLimit
            open.full = true
        }
        capture = open
    }

    mutating func endElement(line: Int) {
        defer { depth -= 1 }
        if let open = capture, depth == open.depth {
            capture = nil
            let text = open.text.trimmingBlanksAndNewlines()
            let message = open.attributeMessage ?? (text.isEmpty ? nil : text)
            if let status = open.status {
                // The first failure/error/skipped decides; a later one does not override it.
                if current?.final == nil {
                    current?.final = status
                    current?.finalMessage = message
                }
            } else {
                current?.retried = true
                if current?.retryMessage == nil { current?.retryMessage = message }
            }
            return
        }
        if let open = current, depth == open.depth {
            current = nil
            finishCase(open)
            return
        }
        if let suite = suites.last, suite.depth == depth {
            suites.removeLast()
            check(suite)
            if !suites.isEmpty {
                suites[suites.count - 1].tests += suite.tests
                suites[suites.count - 1].failures += suite.failures
                suites[suites.count - 1].errors += suite.errors
                suites[suites.count - 1].skipped += suite.skipped
            }
        }
    }

    private mutating func finishCase(_ open: Case) {
        let status: TestStatus
        let flaky: Bool
        let message: String?
        if let final = open.final {
            status = final
            flaky = false
            message = open.finalMessage
        } else {
            // Failed at least once (flakyFailure/flakyError, or a rerun entry), then passed.
            status = .passed
            flaky = open.retried
            message = open.retryMessage
        }
        switch status {
        case .passed: summary.passed += 1
        case .failed: summary.failed += 1
        case .errored: summary.errored += 1
        case .skipped: summary.skipped += 1
        }
        if flaky { summary.flaky += 1 }
        if !suites.isEmpty {
            suites[suites.count - 1].tests += 1
            switch status {
            case .passed: break
            case .failed: suites[suites.count - 1].failures += 1
            case .errored: suites[suites.count - 1].errors += 1
            case .skipped: suites[suites.count - 1].skipped += 1
            }
        }
        onCase(
            TestCaseResult(
                suite: open.suite, name: open.name, file: open.file, line: open.line, status: status, flaky: flaky,
                duration: open.duration, message: message, source: .file(file, line: open.startLine)
            )
        )
    }

    /// Compares the counts a suite declares with the cases it holds.
    private mutating func check(_ suite: Suite) {
        let name = suite.name ?? LocalizedText(message: "problem.junit.unnamed").en
        let label = suite.isRoot ? "testsuites" : "testsuite '\(name)'"
        for (attribute, value) in suite.declared {
            let actual: Int
            switch attribute {
            case "tests": actual = suite.tests
            case "failures": actual = suite.failures
            case "errors": actual = suite.errors
            default: actual = suite.skipped
            }
            let trimmed = value.trimmingBlanksAndNewlines()
            if let declared = Int(trimmed) {
                // `swift test --xunit-output` leaves skipped cases out of `tests`; accept either convention.
                let skippedLeftOut = attribute == "tests" && declared == actual - suite.skipped
                if declared != actual && !skippedLeftOut {
                    let arguments: [String: MessageArgument] = [
                        "suite": .text(label), "line": .count(suite.line), "attribute": .text(attribute), "declared": .count(declared),
                        "actual": .count(actual),
                    ]
                    problem(line: suite.line, LocalizedText(message: "problem.junit.count-differs", arguments))
                }
            } else if !trimmed.isEmpty {
                let arguments: [String: MessageArgument] = [
                    "suite": .text(label), "line": .count(suite.line), "attribute": .text(attribute), "value": .text(value),
                    "actual": .count(actual),
                ]
                problem(line: suite.line, LocalizedText(message: "problem.junit.count-not-a-number", arguments))
            }
        }
    }

    /// Reports a `time` that is not a number of seconds; the case still counts, without a duration. Only the
    /// first `timeProblemLimit` are listed, so a generated file full of them cannot fill memory with problems.
    private mutating func unreadableTime(_ time: String, testcase: String, line: Int) {
        unreadableTimes += 1
        guard unreadableTimes <= Self.timeProblemLimit else { return }
        let arguments: [String: MessageArgument] = [
            "testcase": .text(String(testcase.prefix(80))), "line": .count(line), "time": .text(String(time.prefix(40))),
        ]
        problem(line: line, resultsKept: true, LocalizedText(message: "problem.junit.time-invalid", arguments))
    }

    private mutating func problem(line: Int?, resultsKept: Bool = false, _ message: LocalizedText) {
        summary.problems.append(EvidenceProblem(file: file, line: line, message: message, resultsKept: resultsKept))
    }

    mutating func malformed(line: Int, _ reason: String) {
        // The first XML error says where the file went wrong; later ones are consequences.
        guard !errorReported else { return }
        errorReported = true
        problem(line: line, LocalizedText(message: "problem.xml.malformed", ["line": .count(line), "reason": .text(reason)]))
    }

    mutating func finish(_ end: XMLScanEnd) -> JUnitSummary {
        if unreadableTimes > Self.timeProblemLimit {
            problem(line: nil, LocalizedText(message: "problem.junit.more-times-invalid", ["count": .count(unreadableTimes - Self.timeProblemLimit)]))
        }
        return summary
    }
}
