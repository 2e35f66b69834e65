/// The test evidence of a task or a phase: outcomes of the executed tests linked to it, and the tests
/// defined in its test files.
///
/// A result is linked to a task when the task's commits touched the result's test file (or, for a Go
/// package or a class name, a test file in the matching folder); a phase holds the results linked to
/// any of its tasks, each counted once.
public struct TestEvidence: Codable, Sendable, Equatable {
    public var passed: Int
    public var failed: Int
    public var errored: Int
    public var skipped: Int
    /// Passed in the end after failing first; also counted in `passed`.
    public var flaky: Int
    /// Test functions defined in the test files of the scope (static inventory); `nil` when none were read.
    @Nullable public var defined: Int?

    public init(passed: Int = 0, failed: Int = 0, errored: Int = 0, skipped: Int = 0, flaky: Int = 0, defined: Int?) {
        self.passed = passed
        self.failed = failed
        self.errored = errored
        self.skipped = skipped
        self.flaky = flaky
        self.defined = defined
    }

    public init(_ counts: TestCounts, defined: Int?) {
        self.init(
            passed: counts.passed, failed: counts.failed, errored: counts.errored, skipped: counts.skipped,
            flaky: counts.flaky, defined: defined)
    }

    /// Tests that ran: passed + failed + errored + skipped.
    public var executed: Int { passed + failed + errored + skipped }
}

/// Test evidence over the whole workspace.
public struct WorkspaceTests: Codable, Sendable, Equatable {
    public var passed: Int
    public var failed: Int
    public var errored: Int
    public var skipped: Int
    public var flaky: Int
    /// Test functions defined in all test files of the work tree; `nil` when there are none.
    @Nullable public var defined: Int?
    /// Of the executed tests, those linked to no task: shown as workspace-level results.
    public var unlinked: TestCounts
    /// Result files read.
    public var files: Int

    public init(_ counts: TestCounts, defined: Int?, unlinked: TestCounts, files: Int) {
        self.passed = counts.passed
        self.failed = counts.failed
        self.errored = counts.errored
        self.skipped = counts.skipped
        self.flaky = counts.flaky
        self.defined = defined
        self.unlinked = unlinked
        self.files = files
    }

    /// The outcome counts alone.
    public var counts: TestCounts {
        TestCounts(passed: passed, failed: failed, errored: errored, skipped: skipped, flaky: flaky)
    }
}

/// A test that did not pass, kept with where it was reported so findings and reports can point at it.
public struct TestFailure: Codable, Sendable, Equatable {
    /// `failed` or `errored`.
    public var status: TestStatus
    @Nullable public var suite: String?
    public var name: String
    @Nullable public var message: String?
    /// The result file and line that reported it.
    public var source: Provenance
    /// Tasks the result is linked to, sorted.
    public var tasks: [String]

    public init(status: TestStatus, suite: String?, name: String, message: String?, source: Provenance, tasks: [String]) {
        self.status = status
        self.suite = suite
        self.name = name
        self.message = message
        self.source = source
        self.tasks = tasks
    }
}
