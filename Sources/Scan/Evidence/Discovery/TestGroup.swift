import PhaseModel

/// Outcomes of the cases of one suite (or one test file) within a result file: the unit that is linked
/// to tasks. Grouping keeps memory proportional to the number of suites, not of cases.
public struct TestGroup: Sendable, Equatable, Codable {
    /// Suite, package or class name.
    public var suite: String?
    /// Test source file, when the format names it.
    public var file: String?
    public var counts: TestCounts

    public init(suite: String?, file: String?, counts: TestCounts = TestCounts()) {
        self.suite = suite
        self.file = file
        self.counts = counts
    }
}

extension TestCounts {
    /// Counts one case.
    mutating func record(_ status: TestStatus, flaky: Bool) {
        switch status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .errored: errored += 1
        case .skipped: skipped += 1
        }
        if flaky { self.flaky += 1 }
    }
}
