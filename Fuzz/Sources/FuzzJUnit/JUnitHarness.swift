import Foundation
import FuzzSupport
import Scan

/// JUnit XML as found: any bytes must give a summary that agrees with the cases handed out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJUnit(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var tally = CaseTally()
    let summary = JUnitParser.parse(data: Data(bytes: start, count: count), file: "fuzz.xml") { result in
        tally.add(result)
        if let message = result.message {
            fuzzCheck(message.utf8.count <= JUnitParser.messageLimit, "message of \(message.utf8.count) bytes")
        }
    }
    fuzzCheck(
        tally.counts(passed: summary.passed, failed: summary.failed, errored: summary.errored, skipped: summary.skipped)
            && tally.flaky == summary.flaky,
        "summary \(summary) but cases \(tally)")
    fuzzCheck(summary.flaky <= summary.passed, "more flaky than passed cases")
    if !summary.isJUnit { fuzzCheck(summary.total == 0, "cases read from a file that is not JUnit") }
    return 0
}
