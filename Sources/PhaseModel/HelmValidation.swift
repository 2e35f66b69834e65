/// How a chart fared in `helm lint` / `helm template`.
public enum ChartStatus: String, Codable, Sendable, Comparable {
    case passed, warnings, failed

    /// Worse sorts later: passed < warnings < failed.
    public static func < (lhs: ChartStatus, rhs: ChartStatus) -> Bool {
        let order: [ChartStatus] = [.passed, .warnings, .failed]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// One message Helm printed about a chart.
public struct HelmNote: Codable, Sendable, Equatable {
    public var severity: HelmSeverity
    /// The chart file it is about, relative to the chart folder, when Helm named one.
    @Nullable public var file: String?
    @Nullable public var line: Int?
    @Nullable public var column: Int?
    public var text: String
    /// A template `fail` or `required` call: the chart fails even where `helm lint` printed it as INFO.
    public var failCall: Bool
    /// Where the message was read: the captured output file and line, or the helm run.
    public var source: Provenance
    /// `lint` or `template`: the command that printed it, when the output showed which.
    @Nullable public var command: String?

    public init(
        severity: HelmSeverity, file: String?, line: Int?, column: Int? = nil, text: String, failCall: Bool = false,
        source: Provenance, command: String? = nil
    ) {
        self.command = command
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        self.failCall = failCall
        self.source = source
    }
}

/// The Helm validation of one chart, over every output that named it.
public struct ChartValidation: Codable, Sendable, Equatable {
    /// The chart as Helm's output names it (a path or a chart name).
    public var chart: String
    /// The chart folder in the work tree (holding Chart.yaml), when it could be matched.
    @Nullable public var path: String?
    public var status: ChartStatus
    public var errors: Int
    public var warnings: Int
    /// Warnings and errors, at most a few hundred, in output order.
    public var notes: [HelmNote]

    public init(chart: String, path: String?, status: ChartStatus, errors: Int, warnings: Int, notes: [HelmNote]) {
        self.chart = chart
        self.path = path
        self.status = status
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }
}

/// A chart a task or phase touched, with its Helm status.
public struct ChartStatusReference: Codable, Sendable, Equatable {
    public var chart: String
    public var status: ChartStatus

    public init(chart: String, status: ChartStatus) {
        self.chart = chart
        self.status = status
    }
}
