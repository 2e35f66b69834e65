import Foundation
import Scan

/// What `GoTestParser` must satisfy on any input; shared by the JSON and plain-text harnesses,
/// which differ in their seeds and dictionaries.
public enum GoTestInvariants {
    public static func check(_ data: Data) {
        var tally = CaseTally()
        let summary = GoTestParser.parse(data: data, file: "fuzz.out") { tally.add($0) }
        fuzzCheck(
            tally.counts(passed: summary.passed, failed: summary.failed, errored: summary.errored, skipped: summary.skipped),
            "summary \(summary.passed)/\(summary.failed)/\(summary.errored)/\(summary.skipped) but cases \(tally)")
        if !summary.recognized { fuzzCheck(summary.total == 0, "cases read from output that is not go test's") }
    }
}
