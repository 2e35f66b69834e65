import Foundation
import FuzzSupport
import Scan

/// TAP streams as found: the summary must agree with the cases handed out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTAP(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var tally = CaseTally()
    let summary = TAPParser.parse(data: Data(bytes: start, count: count), file: "fuzz.tap") { tally.add($0) }
    fuzzCheck(
        tally.counts(passed: summary.passed, failed: summary.failed, errored: summary.errored, skipped: summary.skipped),
        "summary \(summary.passed)/\(summary.failed)/\(summary.errored)/\(summary.skipped) but cases \(tally)")
    fuzzCheck(summary.todo <= summary.skipped, "\(summary.todo) TODO of \(summary.skipped) skipped")
    if !summary.recognized { fuzzCheck(summary.total == 0, "cases read from a stream that is not TAP") }
    return 0
}
