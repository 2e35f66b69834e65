/// Everything the output said about one chart, and the verdict.
public struct HelmChartResult: Sendable, Equatable, Codable {
    /// The chart as the output names it: the path given to `helm lint` (`charts/web`), or
    /// the chart name that prefixes `helm template` paths (`web`). Output about the same
    /// chart in both forms is merged under the name seen first. Empty
    /// (`HelmChartResult.unnamed`) for errors that name no chart, such as
    /// `Error: validation: chart.metadata.version is required` from `helm template`.
    public var chart: String
    public var status: HelmChartStatus
    /// In output order, at most `HelmOutputParser.messageLimit` (a problem says how many more).
    public var messages: [HelmMessage]

    /// The name under which messages that name no chart are collected.
    public static let unnamed = ""

    public init(chart: String, status: HelmChartStatus, messages: [HelmMessage]) {
        self.chart = chart
        self.status = status
        self.messages = messages
    }
}
