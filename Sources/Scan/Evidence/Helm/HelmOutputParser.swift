import Foundation
import PhaseModel

/// Streaming reader for captured `helm lint` and `helm template` output (stdout and stderr
/// together, as `2>&1` leaves them), any number of runs of either command concatenated,
/// other lines (a CI log's shell trace, rendered manifests) in between.
///
/// Per chart, in output order:
/// - `helm lint`: each `==> Linting <path>` block names the chart; its `[INFO]`,
///   `[WARNING]`, `[ERROR]` and `Error …` lines are its messages.
/// - `helm template`: `# Source: <chart>/templates/…` marks a chart that rendered;
///   `Error: …` names the chart by the path in its location (`parse error at (web/…:15)`,
///   `execution error at (web/…:2:4)`, `template: web/…:32:40`, `YAML parse error on web/…`).
///   An error with no such path (`Error: validation: chart.metadata.version is required`)
///   belongs to the chart the caller names (`chart:`), else to `HelmChartResult.unnamed`.
/// - Template `fail`/`required` calls: `helm lint` renders in lint mode, where both only log
///   a line (v3 `engine.go:227: [INFO] Fail: must set foo`, v4 `level=INFO msg="funcMap fail"
///   message="must set foo"`) and the chart counts as passed (exit status 0). Such a line is
///   a **failure** here: `helm template`/`install` with the same values stops with
///   `execution error at (…)`. The log line names no chart and comes before the run's
///   `==> Linting` blocks, so it is given to the chart when the run linted exactly one;
///   in a run of several charts it cannot be attributed and becomes a problem instead.
///   Any message whose text holds `execution error at (` is a fail call too, at any level.
///
/// A lint run's `N chart(s) linted, M chart(s) failed` line is checked against its blocks:
/// more blocks than N, fewer without `--quiet` (which hides clean charts), or M outside
/// [charts with errors, charts with errors or warnings (`--strict`)] is a problem.
/// A chart appearing twice (lint path `charts/web`, template name `web`) is merged.
public enum HelmOutputParser {
    /// Messages kept per chart; beyond it they still count towards the status.
    public static let messageLimit = 1_000
    static let chartLimit = 10_000
    static let maxMessageLength = 8_192

    /// Reads `handle` to its end. `file` names the input in provenance and problems.
    /// `chart`, when given, is the chart the output is about (the path helm was run on):
    /// its result comes first, under that name, and takes the errors that name no chart.
    public static func parse(handle: FileHandle, file: String, chart: String? = nil) -> HelmOutputSummary {
        var state = HelmOutputState(file: file, chartHint: chart)
        let failure = EvidenceStreamLines.read(handle: handle) { state.consume($0) }
        if let failure { state.log.add(nil, failure) }
        return state.finish()
    }

    /// Reads `data` as `parse(handle:file:chart:)` reads a file.
    public static func parse(data: Data, file: String, chart: String? = nil) -> HelmOutputSummary {
        var state = HelmOutputState(file: file, chartHint: chart)
        EvidenceStreamLines.read(data: data) { state.consume($0) }
        return state.finish()
    }
}
