import Foundation
import FuzzSupport
import Scan

/// Captured `helm lint` / `helm template` output: any bytes must parse, within the documented caps,
/// with and without a chart named by the caller.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHelm(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // The input's length picks whether the caller names the chart, so both paths see every input shape.
    let summary = HelmOutputParser.parse(data: data, file: "fuzz.txt", chart: count % 2 == 0 ? nil : "charts/web")
    for chart in summary.charts {
        fuzzCheck(chart.messages.count <= HelmOutputParser.messageLimit, "\(chart.messages.count) messages kept")
    }
    if let linted = summary.linted { fuzzCheck(linted >= 0, "linted \(linted)") }
    return 0
}
