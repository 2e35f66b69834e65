import Scan

/// Test cases counted as a parser hands them out, to hold its summary against.
public struct CaseTally: Equatable, CustomStringConvertible {
    public var passed = 0
    public var failed = 0
    public var errored = 0
    public var skipped = 0
    public var flaky = 0
    /// Names in the order the cases came.
    public var names: [String] = []

    public init() {}

    public mutating func add(_ result: TestCaseResult) {
        switch result.status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .errored: errored += 1
        case .skipped: skipped += 1
        }
        if result.flaky { flaky += 1 }
        names.append(result.name)
        if case let .file(_, line?) = result.source { fuzzCheck(line >= 1, "case '\(result.name)' at line \(line)") }
    }

    /// Whether the counts (names aside) are these.
    public func counts(passed: Int, failed: Int, errored: Int, skipped: Int) -> Bool {
        self.passed == passed && self.failed == failed && self.errored == errored && self.skipped == skipped
    }

    public var description: String {
        "passed \(passed), failed \(failed), errored \(errored), skipped \(skipped), flaky \(flaky)"
    }
}
