/// An evidence file that was read, for the methodology section and `phasecert evidence`.
public struct EvidenceFileRecord: Codable, Sendable, Equatable {
    public var path: String
    /// `junit`, `go-test-json`, `go-test-text`, `tap`, `lcov`, `cobertura`, `go-coverprofile` or `helm`.
    public var kind: String
    /// Test outcomes in the file; `nil` for coverage and Helm output.
    @Nullable public var tests: TestCounts?
    /// Line coverage the file reports; `nil` unless it is a coverage report.
    @Nullable public var coverage: CoverageSummary?
    /// Charts the file has Helm output for; `nil` unless it is Helm output.
    @Nullable public var charts: [ChartStatusReference]?
    /// Problems found in the file (each also a finding).
    public var problems: Int

    public init(
        path: String, kind: String, tests: TestCounts? = nil, coverage: CoverageSummary? = nil,
        charts: [ChartStatusReference]? = nil, problems: Int
    ) {
        self.path = path
        self.kind = kind
        self.tests = tests
        self.coverage = coverage
        self.charts = charts
        self.problems = problems
    }
}
