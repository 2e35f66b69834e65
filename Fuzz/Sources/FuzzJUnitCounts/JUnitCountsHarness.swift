import Foundation
import FuzzSupport
import Scan

/// Differential JUnit check: the fuzz bytes choose a report (suites, nesting, cases and their
/// results, names with every kind of escaping, encodings), the harness writes it, and the reader
/// must give back exactly the cases written, counts, names, messages, durations and lines. A
/// crash-only fuzzer would never see a case counted twice or lost.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJUnitCounts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let document = JUnitDocument(&input)
    var read: [TestCaseResult] = []
    let summary = JUnitParser.parse(data: Data(document.bytes), file: "fuzz.xml") { read.append($0) }
    let written = document.cases
    let context = { String(decoding: document.bytes.prefix(4000), as: UTF8.self) }
    fuzzCheck(summary.problems.isEmpty, "problems in a well-formed report: \(summary.problems.map(\.message))\n\(context())")
    fuzzCheck(summary.isJUnit && summary.suites == document.suites, "\(summary.suites) suites, wrote \(document.suites)")
    fuzzCheck(read.count == written.count, "read \(read.count) cases, wrote \(written.count)\n\(context())")
    for (got, want) in zip(read, written) {
        let where_ = "case '\(want.name)' at line \(want.line)"
        fuzzCheck(got.name == want.name, "\(where_): read name '\(got.name)'")
        fuzzCheck(got.suite == want.suite, "\(where_): suite '\(got.suite ?? "nil")', wrote '\(want.suite ?? "nil")'")
        fuzzCheck(got.status == want.status && got.flaky == want.flaky, "\(where_): \(got.status) flaky \(got.flaky), wrote \(want.status) flaky \(want.flaky)")
        fuzzCheck(got.message == want.message, "\(where_): message '\(got.message ?? "nil")', wrote '\(want.message ?? "nil")'")
        fuzzCheck(got.source == .file("fuzz.xml", line: want.line), "\(where_): read at \(got.source)")
        switch (got.duration, want.duration) {
        case (nil, nil): break
        case let (got?, want?): fuzzCheck(abs(got - want) < 1e-9, "\(where_): duration \(got), wrote \(want)")
        default: fuzzCheck(false, "\(where_): duration \(String(describing: got.duration)), wrote \(String(describing: want.duration))")
        }
    }
    let statuses = written.map(\.status)
    fuzzCheck(
        summary.passed == statuses.filter { $0 == .passed }.count && summary.failed == statuses.filter { $0 == .failed }.count
            && summary.errored == statuses.filter { $0 == .errored }.count && summary.skipped == statuses.filter { $0 == .skipped }.count
            && summary.flaky == written.filter(\.flaky).count,
        "summary counts differ from the cases written")
    return 0
}
