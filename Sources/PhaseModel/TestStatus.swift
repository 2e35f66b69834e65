/// How one test case ended. A `TestFailure` is `failed` or `errored`.
public enum TestStatus: String, Codable, Sendable, CaseIterable {
    case passed, failed, errored, skipped
}
