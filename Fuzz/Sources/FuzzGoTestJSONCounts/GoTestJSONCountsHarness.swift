import Foundation
import FuzzSupport
import Scan

/// Differential `go test -json` check: the fuzz bytes choose a stream of test2json events, the
/// harness writes it, and the reader must give back exactly the cases the stream describes, with
/// status, name, package, message, duration and line, and no problem but the documented ones.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoTestJSONCounts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let document = GoTestJSONDocument(&input)
    var read: [TestCaseResult] = []
    let summary = GoTestParser.parse(data: Data(document.writer.text.utf8), file: GoTestJSONDocument.file) { read.append($0) }
    let context = { document.writer.text }
    fuzzCheck(summary.format == .json, "read as \(String(describing: summary.format))\n\(context())")
    fuzzCheck(summary.problems.map(\.message) == document.problems, "problems \(summary.problems.map(\.message)), expected \(document.problems)\n\(context())")
    fuzzCheck(read.count == document.cases.count, "read \(read.count) cases, wrote \(document.cases.count)\n\(context())")
    let byLine: (TestCaseResult, TestCaseResult) -> Bool = { ($0.source.line ?? 0, $0.name) < ($1.source.line ?? 0, $1.name) }
    for (got, want) in zip(read.sorted(by: byLine), document.cases.sorted(by: byLine)) {
        var got = got
        // Elapsed goes through a decimal reader of its own; a last-bit difference is not a miscount.
        if let a = got.duration, let b = want.duration, abs(a - b) < 1e-9 { got.duration = b }
        fuzzCheck(got == want, "read \(got)\nwrote \(want)\n\(context())")
    }
    let statuses = document.cases.map(\.status)
    fuzzCheck(
        summary.passed == statuses.filter { $0 == .passed }.count && summary.failed == statuses.filter { $0 == .failed }.count
            && summary.errored == statuses.filter { $0 == .errored }.count && summary.skipped == statuses.filter { $0 == .skipped }.count,
        "summary counts differ from the cases written")
    return 0
}
