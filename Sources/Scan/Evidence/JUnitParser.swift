import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
/// gotestsum). Memory holds only the open element stack and the message of the current case
/// (capped at `messageLimit` bytes), never the cases read so far.
public enum JUnitParser {
    /// Longest failure/skip message kept, in UTF-8 bytes.
    public static let messageLimit = 4096

    public static func parse(stream: InputStream, file: String, onCase: (TestCaseResult) -> Void) -> JUnitSummary {
        withoutActuallyEscaping(onCase) { onCase in
            let marking = TestcaseLineStream(stream)
            let handler = Handler(file: file, onCase: onCase, starts: marking)
            let parser = XMLParser(stream: marking)
            parser.shouldProcessNamespaces = false
            parser.shouldReportNamespacePrefixes = false
            parser.shouldResolveExternalEntities = false
            parser.delegate = handler
            let ok = parser.parse()
            handler.finish(ok: ok, parser: parser)
            parser.delegate = nil
            return handler.summary
        }
    }

    /// Reads a whole document held in memory (tests, small files).
    public static func parse(data: Data, file: String, onCase: (TestCaseResult) -> Void) -> JUnitSummary {
        if data.isEmpty {
            // XMLParser gives no useful error for an empty stream; say it plainly.
            var summary = JUnitSummary()
            summary.problems.append(EvidenceProblem(file: file, line: 1, message: "malformed XML: the file is empty"))
            return summary
        }
        return parse(stream: InputStream(data: data), file: file, onCase: onCase)
    }

    /// Seconds from a `time` attribute: missing or empty → nil; thousands commas allowed ("1,234.5").
    static func seconds(_ text: String?) -> Double? {
        guard let text else { return nil }
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}

// MARK: - Delegate

private final class Handler: NSObject, XMLParserDelegate {
    /// A `testsuite` (or the `testsuites` root) still open.
    struct Suite {
        var element: String
        var name: String?
        var line: Int
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
        var element: String
        var depth: Int
        var text = ""
        var bytes = 0
        var full = false
        var attributeMessage: String?
    }

    static let finalElements: [String: TestStatus] = ["failure": .failed, "error": .errored, "skipped": .skipped]
    static let retryElements: Set<String> = ["flakyFailure", "flakyError", "rerunFailure", "rerunError"]

    let file: String
    let onCase: (TestCaseResult) -> Void
    var summary = JUnitSummary()

    var depth = 0
    var rootSeen = false
    var stoppedOnPurpose = false
    var errorReported = false
    var suites: [Suite] = []
    var current: Case?
    var capture: Capture?

    let starts: TestcaseLineStream

    init(file: String, onCase: @escaping (TestCaseResult) -> Void, starts: TestcaseLineStream) {
        self.file = file
        self.onCase = onCase
        self.starts = starts
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        let line = parser.lineNumber
        if !rootSeen {
            rootSeen = true
            guard elementName == "testsuites" || elementName == "testsuite" else {
                stoppedOnPurpose = true
                parser.abortParsing()
                return
            }
            summary.isJUnit = true
        }
        switch elementName {
        case "testsuite", "testsuites":
            if elementName == "testsuite" { summary.suites += 1 }
            var declared: [(String, String)] = []
            for key in ["tests", "failures", "errors"] {
                if let value = attributes[key] { declared.append((key, value)) }
            }
            if let value = attributes["skipped"] {
                declared.append(("skipped", value))
            } else if let value = attributes["disabled"] {
                declared.append(("disabled", value))
            }
            suites.append(Suite(element: elementName, name: attributes["name"], line: line, declared: declared))
        case "testcase" where current == nil:
            let classname = attributes["classname"].flatMap { $0.isEmpty ? nil : $0 }
            let innermost = suites.last(where: { $0.element == "testsuite" })?.name
            current = Case(
                suite: classname ?? innermost.flatMap { $0.isEmpty ? nil : $0 },
                name: attributes["name"] ?? "",
                file: attributes["file"].flatMap { $0.isEmpty ? nil : $0 },
                line: attributes["line"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                duration: JUnitParser.seconds(attributes["time"]),
                startLine: starts.startLine(endingAt: line) ?? line,
                depth: depth
            )
        default:
            guard let open = current, depth == open.depth + 1, capture == nil else { return }
            if Self.finalElements[elementName] != nil || Self.retryElements.contains(elementName) {
                let message = attributes["message"].flatMap { $0.isEmpty ? nil : $0 }
                capture = Capture(element: elementName, depth: depth, attributeMessage: message)
            }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ string: String) {
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

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        if let open = capture, depth == open.depth {
            capture = nil
            let text = open.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let message = open.attributeMessage ?? (text.isEmpty ? nil : text)
            if let status = Self.finalElements[open.element] {
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
        if let open = current, depth == open.depth, elementName == "testcase" {
            current = nil
            finishCase(open)
            return
        }
        if (elementName == "testsuite" || elementName == "testsuites"), current == nil, let suite = suites.popLast() {
            check(suite)
            if !suites.isEmpty {
                suites[suites.count - 1].tests += suite.tests
                suites[suites.count - 1].failures += suite.failures
                suites[suites.count - 1].errors += suite.errors
                suites[suites.count - 1].skipped += suite.skipped
            }
        }
    }

    private func finishCase(_ open: Case) {
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
    private func check(_ suite: Suite) {
        let label = suite.element == "testsuites" ? "testsuites" : "testsuite '\(suite.name ?? "(unnamed)")'"
        for (attribute, value) in suite.declared {
            let actual: Int
            switch attribute {
            case "tests": actual = suite.tests
            case "failures": actual = suite.failures
            case "errors": actual = suite.errors
            default: actual = suite.skipped
            }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if let declared = Int(trimmed) {
                // `swift test --xunit-output` leaves skipped cases out of `tests`; accept either convention.
                let skippedLeftOut = attribute == "tests" && declared == actual - suite.skipped
                if declared != actual && !skippedLeftOut {
                    problem(
                        line: suite.line,
                        "\(label) at line \(suite.line) declares \(attribute)=\(declared) but contains \(actual)"
                    )
                }
            } else if !trimmed.isEmpty {
                problem(
                    line: suite.line,
                    "\(label) at line \(suite.line) declares \(attribute)=\"\(value)\", not a number; it contains \(actual)"
                )
            }
        }
    }

    private func problem(line: Int?, _ message: String) {
        summary.problems.append(EvidenceProblem(file: file, line: line, message: message))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard !stoppedOnPurpose, !errorReported else { return }
        errorReported = true
        problem(line: parser.lineNumber, "malformed XML at line \(parser.lineNumber): \(describe(parseError))")
    }

    func finish(ok: Bool, parser: XMLParser) {
        if stoppedOnPurpose { return }
        if !ok, !errorReported {
            errorReported = true
            let reason = parser.parserError.map(describe) ?? "the parser stopped"
            problem(line: parser.lineNumber, "malformed XML at line \(parser.lineNumber): \(reason)")
        } else if ok, !rootSeen, !errorReported {
            errorReported = true
            problem(line: parser.lineNumber, "malformed XML: no root element")
        } else if ok, !suites.isEmpty || current != nil, !errorReported {
            errorReported = true
            problem(line: parser.lineNumber, "malformed XML: the document ends inside an open element")
        }
    }

    private func describe(_ error: any Error) -> String {
        // On Linux the code is libxml2's `xmlParserErrors` value; `XMLParser.ErrorCode` names it off by one.
        let code = (error as NSError).code
        let reasons = [
            1: "internal parser error", 3: "the document does not start like XML", 4: "no root element",
            5: "the document ends early, or has content after the root element", 9: "invalid character (binary data or bad UTF-8?)",
            26: "undeclared entity", 31: "unknown encoding", 32: "unsupported encoding",
            38: "'<' inside an attribute value", 39: "attribute value not started", 40: "attribute value not finished",
            41: "attribute without a value", 42: "attribute given twice", 73: "'>' expected",
            76: "opening and ending tag mismatch", 77: "the document ends inside an open element",
        ]
        return "\(reasons[code] ?? "parse error") (XMLParser error \(code))"
    }
}

// MARK: - Start-tag lines

/// Passes the bytes through unchanged and notes the line of every `<testcase` it sees.
///
/// libxml2 reports an element on the line where its start tag *ends*; a `<testcase` tag spread over several
/// lines would then point below its start. The parser asks for the last `<testcase` seen at or before that
/// line. Only marks not yet claimed are kept, and XMLParser reads one chunk ahead, so memory stays small.
final class TestcaseLineStream: InputStream {
    private let base: InputStream
    private static let pattern = Array("<testcase".utf8)
    private var line = 1
    private var matched = 0
    private var afterPattern = false
    private var candidateLine = 0
    private var marks: [Int] = []
    private var head = 0

    init(_ base: InputStream) {
        self.base = base
        super.init(data: Data())
    }

    override func open() { base.open() }
    override func close() { base.close() }
    override var hasBytesAvailable: Bool { base.hasBytesAvailable }
    override var streamStatus: Stream.Status { base.streamStatus }
    override var streamError: (any Error)? { base.streamError }

    override func getBuffer(
        _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>
    ) -> Bool { false }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        let count = base.read(buffer, maxLength: len)
        if count > 0 { scan(UnsafeBufferPointer(start: buffer, count: count)) }
        return count
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let pattern = Self.pattern
        for byte in bytes {
            if afterPattern {
                afterPattern = false
                // `<testcase` followed by a name character is another element (`<testcases`, `<testcase-x`).
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F || byte == 0x3E {
                    marks.append(candidateLine)
                }
            }
            if byte == pattern[matched] {
                if matched == 0 { candidateLine = line }
                matched += 1
                if matched == pattern.count {
                    matched = 0
                    afterPattern = true
                }
            } else {
                matched = byte == pattern[0] ? 1 : 0
                if matched == 1 { candidateLine = line }
            }
            if byte == 0x0A { line += 1 }
        }
    }

    /// The line of the last unclaimed `<testcase` at or before `endLine`; older marks are dropped.
    func startLine(endingAt endLine: Int) -> Int? {
        var found: Int?
        while head < marks.count, marks[head] <= endLine {
            found = marks[head]
            head += 1
        }
        if head > 256, head * 2 > marks.count {
            marks.removeFirst(head)
            head = 0
        }
        return found
    }
}
