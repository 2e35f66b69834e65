import FuzzSupport
import Scan

/// A `go test -json` stream built from fuzz bytes, and the cases a correct reader must report.
///
/// Packages run tests (subtests and parallel ones interleaved), each ending passed, failed or
/// skipped, or never (then errored when its package ends, or when the input does); a package can
/// fail with no failing test (then errored as `[package failed]`); standard-error lines that are
/// not JSON are mixed in, as `go test -json 2>&1` leaves them.
struct GoTestJSONDocument {
    static let file = "fuzz.jsonl"

    var writer = DocumentWriter()
    var cases: [TestCaseResult] = []
    var problems: [String] = []

    private struct Running {
        var name: String
        var line: Int
        var outputs: [String] = []
    }

    init(_ input: inout FuzzInput) {
        writer = DocumentWriter(lineEnd: input.chance(oneIn: 4) ? "\r\n" : "\n")
        let json = JSONWriting(&input)
        let packageCount = 1 + input.number(below: 3)
        for index in 0..<packageCount {
            let package = "example.com/" + FuzzText.word(&input, maxLength: 8) + "\(index)"
            writePackage(package, isLast: index == packageCount - 1, json: json, &input)
        }
    }

    private mutating func writePackage(_ package: String, isLast: Bool, json: JSONWriting, _ input: inout FuzzInput) {
        func event(_ action: String, test: String? = nil, extra: [(String, String)] = [], _ input: inout FuzzInput) {
            writeEvent(action, package: package, test: test, extra, json: json, &input)
        }
        event("start", &input)
        var running: [Running] = []
        var anyFailed = false
        var steps = input.number(below: 12)
        while steps > 0 || !running.isEmpty {
            steps -= 1
            if steps < -8 { break }  // leave the rest running: they never finish
            let choice = input.number(below: 6)
            if input.chance(oneIn: 10) { writer.writeLine(input.pick(["go: downloading example.com/dep v1.2.3", "# example.com/p", "", "vet: ok"])) }
            if steps >= 0 && (choice == 0 || running.isEmpty) {
                let name = "Test" + FuzzText.word(&input, extra: ["\t"]) + (input.chance(oneIn: 4) ? "/sub_\(steps)" : "")
                guard !running.contains(where: { $0.name == name }) && !cases.contains(where: { $0.suite == package && $0.name == name }) else { continue }
                running.append(Running(name: name, line: writer.line))
                event("run", test: name, &input)
            } else if choice == 1, !running.isEmpty {
                let index = input.number(below: running.count)
                let text = "    x_test.go:\(writer.line): " + FuzzText.word(&input, maxLength: 16)
                running[index].outputs.append(text)
                event("output", test: running[index].name, extra: [("Output", json.string(text + "\n"))], &input)
            } else if choice == 2, !running.isEmpty {
                let action = input.pick(["pause", "cont"])
                let test = running[input.number(below: running.count)].name
                event(action, test: test, &input)
            } else if !running.isEmpty {
                let test = running.remove(at: input.number(below: running.count))
                let status = input.pick([TestStatus.passed, .passed, .failed, .skipped])
                if status == .failed { anyFailed = true }
                let action = status == .passed ? "pass" : status == .failed ? "fail" : "skip"
                let centis = input.number(below: 250)
                let elapsed = "\(centis / 100).\(String(centis % 100 + 100).dropFirst())"
                event(action, test: test.name, extra: [("Elapsed", elapsed)], &input)
                cases.append(TestCaseResult(
                    suite: package, name: test.name, status: status, duration: Double(elapsed),
                    message: status == .passed ? nil : Self.message(test.outputs), source: .file(Self.file, line: test.line)))
            }
        }
        if isLast && input.chance(oneIn: 3) {
            // The input ends with the package still running.
            for test in running.sorted(by: { $0.line < $1.line }) {
                cases.append(TestCaseResult(
                    suite: package, name: test.name, status: .errored,
                    message: "test never finished: input ended before its result", source: .file(Self.file, line: test.line)))
            }
            if !running.isEmpty { problems.append("input ended with \(running.count) test(s) still running; counted as errored") }
            return
        }
        let failed = anyFailed || !running.isEmpty || input.chance(oneIn: 6)
        var packageOutput: [String] = []
        if failed && input.chance(oneIn: 2) {
            packageOutput = ["FAIL", "FAIL\t\(package)\t0.01s"]
            for text in packageOutput { event("output", extra: [("Output", json.string(text + "\n"))], &input) }
        }
        let endLine = writer.line
        event(failed ? "fail" : "pass", extra: [("Elapsed", "0.01")], &input)
        for test in running.sorted(by: { $0.line < $1.line }) {
            cases.append(TestCaseResult(
                suite: package, name: test.name, status: .errored,
                message: (["test never finished: no result event"] + (Self.message(test.outputs).map { [$0] } ?? [])).joined(separator: "\n"),
                source: .file(Self.file, line: test.line)))
        }
        if failed && !anyFailed && running.isEmpty {
            let output = packageOutput.joined(separator: "\n")
            cases.append(TestCaseResult(
                suite: package, name: "[package failed]", status: .errored,
                message: output.isEmpty ? "package failed with no failing test" : output, source: .file(Self.file, line: endLine)))
        }
    }

    private mutating func writeEvent(
        _ action: String, package: String, test: String?, _ extra: [(String, String)], json: JSONWriting, _ input: inout FuzzInput
    ) {
        var fields = [("Action", json.string(action)), ("Package", json.string(package))]
        if let test { fields.append(("Test", json.string(test))) }
        writer.writeLine(json.object(fields + extra, &input))
    }

    /// A failure message as go test output gives it: the test's output lines, trimmed as a whole.
    static func message(_ outputs: [String]) -> String? {
        let scalars = outputs.joined(separator: "\n").unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        return String(scalars[first...last])
    }
}
