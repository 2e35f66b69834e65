import PhaseModel

/// One thing Helm said about a chart: a lint finding, a `helm template` error, or a
/// template `fail`/`required` call that `helm lint` only logged.
public struct HelmMessage: Sendable, Equatable, Codable {
    public var severity: HelmSeverity
    /// The chart as the result it belongs to names it (`HelmChartResult.chart`); nil when
    /// the output did not say which chart the message is about.
    public var chart: String?
    /// The file, relative to the chart root (`templates/x.yaml`, `Chart.yaml`,
    /// `charts/sub/templates/x.yaml`, or a folder such as `templates/`); nil when the
    /// message is about the chart as a whole.
    public var file: String?
    /// 1-based line in `file`, from a `file:LINE[:COL]` or `(file:LINE)` location.
    /// A `yaml: line N` inside the text counts lines of the rendered manifest, not of the
    /// template, and is not taken.
    public var line: Int?
    public var column: Int?
    /// What Helm printed after the file (several lines joined with `\n` when Helm wrapped it).
    public var text: String
    /// A template's `fail` or `required` call stopped rendering (`execution error at (…)`,
    /// or the log line `helm lint` prints instead of failing). Such a message fails the
    /// chart even when Helm printed it at info or warning level.
    public var isFailCall: Bool
    /// Where it was read: the captured file (or the command run) and its line.
    public var source: Provenance
    /// The command that printed it, `lint` or `template`: both print the same `template: …`
    /// and `parse error at (…)` texts, so only where it was read tells them apart.
    public var command: String?

    public init(
        severity: HelmSeverity, chart: String?, file: String? = nil, line: Int? = nil, column: Int? = nil,
        text: String, isFailCall: Bool = false, source: Provenance, command: String? = nil
    ) {
        self.command = command
        self.severity = severity
        self.chart = chart
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        self.isFailCall = isFailCall
        self.source = source
    }
}
