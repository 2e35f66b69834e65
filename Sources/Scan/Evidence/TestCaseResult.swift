import PhaseModel

/// One executed test case, as a result file reports it.
public struct TestCaseResult: Sendable, Equatable, Codable {
    /// Suite, package or class the case belongs to (JUnit `classname`, Go package, TAP file).
    public var suite: String?
    public var name: String
    /// Source file of the test, when the format says (JUnit `file`).
    public var file: String?
    public var line: Int?
    public var status: TestStatus
    /// Passed in the end after failing first (Surefire `flakyFailure`, reruns).
    public var flaky: Bool
    /// Seconds, when reported.
    public var duration: Double?
    /// Failure, error or skip message, when there is one.
    public var message: String?
    /// Where the case is reported: the result file and line.
    public var source: Provenance

    public init(
        suite: String?, name: String, file: String? = nil, line: Int? = nil, status: TestStatus, flaky: Bool = false,
        duration: Double? = nil, message: String? = nil, source: Provenance
    ) {
        self.suite = suite
        self.name = name
        self.file = file
        self.line = line
        self.status = status
        self.flaky = flaky
        self.duration = duration
        self.message = message
        self.source = source
    }
}

/// Something wrong in a result file: malformed input, or counts that disagree with the cases.
/// The parser reports it and goes on with what it can read.
public struct EvidenceProblem: Sendable, Equatable, Codable {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    public var message: String
    /// Whether every result of the file was still counted, and only a figure beside it (a duration) was
    /// lost. Such a problem does not hold the gate; one that may have lost results does.
    public var resultsKept: Bool

    public init(file: String, line: Int?, message: String, resultsKept: Bool = false) {
        self.file = file
        self.line = line
        self.message = message
        self.resultsKept = resultsKept
    }

    /// A problem worded from the message catalogs. Findings quote `message` in both languages, so
    /// it keeps the English wording: a Russian one would change `phase.json` and so certification ids.
    public init(file: String, line: Int?, message: LocalizedText, resultsKept: Bool = false) {
        self.init(file: file, line: line, message: message.en, resultsKept: resultsKept)
    }
}
