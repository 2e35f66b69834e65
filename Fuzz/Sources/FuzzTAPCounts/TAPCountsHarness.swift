import Foundation
import FuzzSupport
import Scan

/// Differential TAP check: the fuzz bytes choose a stream, the harness writes it, and the reader
/// must give back exactly the test points written, with their status, name, suite, message,
/// duration and line, and the summary's counts, version, plan and TODO count.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTAPCounts(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let document = TAPDocument(&input)
    var read: [TestCaseResult] = []
    let summary = TAPParser.parse(data: Data(document.writer.text.utf8), file: TAPDocument.file) { read.append($0) }
    var written = document.points.map { point in
        TestCaseResult(
            suite: point.suite, name: point.name, status: point.status, duration: point.duration, message: point.message,
            source: .file(TAPDocument.file, line: point.line))
    }
    var problems: [String] = []
    if let bail = document.bailedOut {
        let line = document.writer.line - 1
        let message = "not run: Bail out! \(bail.reason)"
        for number in (document.planned - bail.unrun + 1)...document.planned {
            written.append(TestCaseResult(suite: TAPDocument.file, name: "test \(number)", status: .errored, message: message, source: .file(TAPDocument.file, line: line)))
        }
        problems = ["Bail out! \(bail.reason)"]
    }
    let context = { document.writer.text }
    fuzzCheck(summary.problems.map(\.message) == problems, "problems \(summary.problems.map(\.message)), expected \(problems)\n\(context())")
    fuzzCheck(summary.recognized && summary.version == document.version, "version \(String(describing: summary.version)), wrote \(document.version)")
    fuzzCheck(summary.planned == document.planned, "planned \(String(describing: summary.planned)), wrote \(document.planned)")
    fuzzCheck(read.count == written.count, "read \(read.count) points, wrote \(written.count)\n\(context())")
    // Sorted by line: points of a subtest whose name comes only with its closing point are handed
    // out when it closes, later than their place in the stream.
    let byLine: (TestCaseResult, TestCaseResult) -> Bool = { ($0.source.line ?? 0, $0.name) < ($1.source.line ?? 0, $1.name) }
    for (got, want) in zip(read.sorted(by: byLine), written.sorted(by: byLine)) {
        fuzzCheck(got == want, "read \(got)\nwrote \(want)\n\(context())")
    }
    let todo = document.points.filter(\.todo).count
    fuzzCheck(summary.todo == todo, "\(summary.todo) TODO, wrote \(todo)")
    fuzzCheck(
        summary.passed == written.filter { $0.status == .passed }.count && summary.failed == written.filter { $0.status == .failed }.count
            && summary.errored == written.filter { $0.status == .errored }.count && summary.skipped == written.filter { $0.status == .skipped }.count,
        "summary counts differ from the points written")
    return 0
}
