/// What a captured `helm lint` / `helm template` output held.
public struct HelmOutputSummary: Sendable, Equatable, Codable {
    /// Whether anything in the input was Helm output: a chart, a lint summary, a fail call.
    public var recognized: Bool
    /// One per chart, in the order charts first appear.
    public var charts: [HelmChartResult]
    /// Sum of `N` over the `N chart(s) linted, M chart(s) failed` lines; nil without one.
    public var linted: Int?
    /// Sum of `M` over the same lines; nil without one.
    public var failedDeclared: Int?
    /// Malformed input, summaries that disagree with the charts, fail calls that cannot be
    /// attributed, caps reached.
    public var problems: [EvidenceProblem]

    public init(
        recognized: Bool = false, charts: [HelmChartResult] = [], linted: Int? = nil, failedDeclared: Int? = nil,
        problems: [EvidenceProblem] = []
    ) {
        self.recognized = recognized
        self.charts = charts
        self.linted = linted
        self.failedDeclared = failedDeclared
        self.problems = problems
    }

    /// The result for `chart`, by the name it carries.
    public func chart(_ name: String) -> HelmChartResult? { charts.first { $0.chart == name } }
}
