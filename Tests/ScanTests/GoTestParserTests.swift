import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Scan

struct GoTestParserTests {
    struct Run {
        var summary: GoTestSummary
        var cases: [TestCaseResult]
        func status(_ name: String) -> TestStatus? { cases.first { $0.name == name }?.status }
    }

    static func parseFixture(_ name: String) throws -> Run {
        let url = Fixtures.root.appendingPathComponent("gotest/\(name)")
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var cases: [TestCaseResult] = []
        let summary = GoTestParser.parse(handle: handle, file: name) { cases.append($0) }
        return Run(summary: summary, cases: cases)
    }

    static func parse(_ text: String) -> Run { parse(Data(text.utf8)) }

    static func parse(_ data: Data) -> Run {
        var cases: [TestCaseResult] = []
        let summary = GoTestParser.parse(data: data, file: "out.txt") { cases.append($0) }
        return Run(summary: summary, cases: cases)
    }

    @Test func realJSONFixtureCountsEveryCaseAndThePanicAsErrored() throws {
        let run = try Self.parseFixture("json-pass-fail-skip-subtest-panic.jsonl")
        #expect(run.summary.format == .json)
        #expect(run.summary.recognized)
        #expect(run.summary.passed == 2)
        #expect(run.summary.failed == 3)
        #expect(run.summary.skipped == 1)
        #expect(run.summary.errored == 1)
        #expect(run.summary.problems.isEmpty)
        #expect(run.cases.count == 7)
        #expect(run.status("TestPass") == .passed)
        #expect(run.status("TestSub/ok") == .passed)
        #expect(run.status("TestSub/bad") == .failed)
        #expect(run.status("TestSub") == .failed)
        #expect(run.status("TestSkip") == .skipped)
        #expect(run.status("TestPanic") == .errored)
        #expect(run.cases.allSatisfy { $0.suite == "example.com/demo" })
        let fail = try #require(run.cases.first { $0.name == "TestFail" })
        #expect(fail.message == "demo_test.go:11: got 1, want 2")
        #expect(fail.source == .file("json-pass-fail-skip-subtest-panic.jsonl", line: 5))
        #expect(run.cases.first { $0.name == "TestSkip" }?.message == "demo_test.go:15: needs network")
        #expect(run.cases.first { $0.name == "TestPanic" }?.message?.contains("panic: boom") == true)
    }

    @Test func realVerboseFixtureMatchesTheJSONOne() throws {
        let run = try Self.parseFixture("verbose-pass-fail-skip-subtest-panic.txt")
        #expect(run.summary.format == .plain)
        #expect(run.summary.passed == 2)
        #expect(run.summary.failed == 3)
        #expect(run.summary.skipped == 1)
        #expect(run.summary.errored == 1)
        #expect(run.summary.problems.isEmpty)
        #expect(run.status("TestSub/bad") == .failed)
        #expect(run.status("TestPanic") == .errored)
        #expect(run.cases.allSatisfy { $0.suite == "example.com/demo" })
        #expect(run.cases.first { $0.name == "TestFail" }?.message == "demo_test.go:11: got 1, want 2")
        #expect(run.cases.first { $0.name == "TestPanic" }?.message?.contains("panic: boom") == true)
    }

    @Test func buildFailureIsOneErroredCasePerPackage() throws {
        let run = try Self.parseFixture("json-build-fail-go124.jsonl")
        #expect(run.summary.errored == 1)
        #expect(run.summary.passed == 1)
        #expect(run.summary.problems.isEmpty)
        let broken = try #require(run.cases.first { $0.status == .errored })
        #expect(broken.suite == "example.com/broken")
        #expect(broken.name == "[build failed]")
        #expect(broken.message?.contains("undefined: missing") == true)
        #expect(run.cases.first { $0.status == .passed }?.duration == 0.001)
    }

    @Test func plainBuildFailureAndCachedPackages() {
        let run = Self.parse(
            """
            # example.com/broken
            ./x.go:3:1: syntax error
            FAIL\texample.com/broken [build failed]
            === RUN   TestA
            --- PASS: TestA (0.25s)
            PASS
            ok  \texample.com/a\t(cached)
            ?   \texample.com/none\t[no test files]
            """)
        #expect(run.summary.format == .plain)
        #expect(run.summary.errored == 1)
        #expect(run.summary.passed == 1)
        #expect(run.cases.first { $0.name == "TestA" }?.suite == "example.com/a")
        #expect(run.cases.first { $0.name == "TestA" }?.duration == 0.25)
        #expect(run.cases.first { $0.status == .errored }?.suite == "example.com/broken")
    }

    @Test func truncatedJSONLeavesStartedTestsErrored() {
        let run = Self.parse(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"run","Package":"p","Test":"TestB"}
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0.5}
            {"Action":"output","Package":"p","Test":"TestB","Output":"working\\n"}
            """)
        #expect(run.summary.passed == 1)
        #expect(run.summary.errored == 1)
        #expect(run.status("TestB") == .errored)
        #expect(run.summary.problems.count == 1)
    }

    @Test func malformedJSONLinesAreProblemsWithLineNumbers() {
        let run = Self.parse(
            """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"pass","Package":"p","Test":
            not json at all
            {"Package":"p"}
            {"Action":"pass","Package":"p","Test":"TestA"}
            """)
        #expect(run.summary.passed == 1)
        // Line 3 is not JSON: standard error that `2>&1` mixed in, skipped since other lines are events.
        #expect(run.summary.problems.map(\.line) == [2, 4])
    }

    // MARK: Hostile input

    @Test func jsonWithSpacesAfterColonsIsReadAndItsFailureCounted() throws {
        let run = try Self.parseHostile("gotest-json-spaced.jsonl")
        #expect(run.summary.format == .json)
        #expect(run.summary.passed == 1)
        #expect(run.summary.failed == 1)
        #expect(run.summary.errored == 0)
        #expect(run.summary.problems.isEmpty)
        #expect(run.status("TestTotal") == .passed)
        let failed = try #require(run.cases.first { $0.name == "TestDiscount" })
        #expect(failed.status == .failed)
        #expect(failed.suite == "example.com/shop/cart")
        #expect(failed.duration == 0.02)
        #expect(failed.message == "cart_test.go:21: discount: got 10, want 15")
        #expect(failed.source == .file("gotest-json-spaced.jsonl", line: 5))
    }

    @Test func standardErrorLinesBeforeAndBetweenEventsAreSkipped() throws {
        let run = try Self.parseHostile("gotest-json-stderr-mixed.jsonl")
        #expect(run.summary.format == .json)
        #expect(run.summary.passed == 1)
        #expect(run.summary.failed == 1)
        #expect(run.summary.problems.isEmpty)
        #expect(run.status("TestDiscount") == .failed)
        #expect(run.cases.first { $0.name == "TestDiscount" }?.source == .file("gotest-json-stderr-mixed.jsonl", line: 8))
    }

    @Test func withoutAnyEventTheNonJSONLinesAreReported() {
        let run = Self.parse("go: downloading example.com/x v1.0.0\n{\"Action\":\n# example.com/x\n./x.go:3:1: syntax error\n")
        #expect(run.summary.format == .json)
        #expect(run.summary.total == 0)
        #expect(run.summary.problems.map(\.line) == [2, 1])
        #expect(run.summary.problems.last?.message.contains("3 line(s) are not JSON") == true)
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithAByteOrderMarkIsReadLikeUTF8(encoding: String.Encoding) throws {
        // Windows PowerShell 5 writes `go test -json > out.json` as UTF-16LE with a byte-order mark.
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("hostile/gotest-json-spaced.jsonl"), encoding: .utf8)
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let run = Self.parse(Data(mark) + (try #require(text.replacingOccurrences(of: "\n", with: "\r\n").data(using: encoding))))
        #expect(run.summary.passed == 1)
        #expect(run.summary.failed == 1)
        #expect(run.summary.problems.isEmpty)
    }

    static func parseHostile(_ name: String) throws -> Run {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("hostile/\(name)"))
        defer { try? handle.close() }
        var cases: [TestCaseResult] = []
        let summary = GoTestParser.parse(handle: handle, file: name) { cases.append($0) }
        return Run(summary: summary, cases: cases)
    }

    @Test func emptyInputIsAProblemNotACrash() {
        let run = Self.parse("")
        #expect(!run.summary.recognized)
        #expect(run.summary.total == 0)
        #expect(run.summary.problems.count == 1)
    }

    @Test func unrelatedTextIsNotGoTest() {
        let run = Self.parse("hello\nworld\n")
        #expect(!run.summary.recognized)
        #expect(run.summary.problems.count == 1)
    }

    @Test func binaryAndInvalidUTF8InputsGiveProblems() {
        let binary = Self.parse(Data([0x00, 0x01, 0xFF, 0x0A, 0x7B, 0x00, 0x0A]))
        #expect(!binary.summary.problems.isEmpty)
        #expect(binary.summary.total == 0)

        var bytes = Array("=== RUN   TestA\n--- FAIL: TestA (0.00s)\n".utf8)
        bytes.insert(0xFF, at: 3)
        let invalid = Self.parse(Data(bytes))
        #expect(invalid.summary.problems.contains { $0.message.contains("UTF-8") })
        #expect(invalid.summary.failed == 1)

        var random = SystemRandomNumberGenerator()
        let noise = Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        _ = Self.parse(noise)
    }

    @Test func handleAndDataGiveTheSameResult() throws {
        let url = Fixtures.root.appendingPathComponent("gotest/json-pass-fail-skip-subtest-panic.jsonl")
        let data = try Data(contentsOf: url)
        var cases: [TestCaseResult] = []
        let summary = GoTestParser.parse(data: data, file: "json-pass-fail-skip-subtest-panic.jsonl") {
            cases.append($0)
        }
        let fromHandle = try Self.parseFixture("json-pass-fail-skip-subtest-panic.jsonl")
        #expect(summary == fromHandle.summary)
        #expect(cases == fromHandle.cases)
    }

    @Test func largeJSONStreamReadThroughAHandleAcrossChunkBoundaries() throws {
        let count = 5_000
        var text = ""
        for i in 0..<count {
            text += #"{"Action":"run","Package":"ex/big","Test":"TestN\#(i)"}"# + "\n"
            text += #"{"Action":"\#(i % 7 == 0 ? "fail" : "pass")","Package":"ex/big","Test":"TestN\#(i)"}"# + "\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("go-large-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var names = Set<String>()
        let summary = GoTestParser.parse(handle: handle, file: "large.jsonl") { names.insert($0.name) }
        #expect(summary.failed == (count + 6) / 7)
        #expect(summary.passed == count - (count + 6) / 7)
        #expect(summary.problems.isEmpty)
        #expect(names.count == count)
    }

    /// 0 pass, 1 fail, 2 skip, 3 started but never ended.
    @Test func randomWellFormedStreamsRoundTripTheirCounts() async {
        await propertyCheck(input: Gen<Int>.int(in: 0...3).array(of: 0...25)) { outcomes in
            var json = ""
            var plain = ""
            for (i, outcome) in outcomes.enumerated() {
                let name = i % 3 == 2 ? "TestP/sub_\(i)" : "TestT\(i)"
                json += #"{"Action":"run","Package":"ex/p","Test":"\#(name)"}"# + "\n"
                json += #"{"Action":"output","Package":"ex/p","Test":"\#(name)","Output":"    x_test.go:1: note\n"}"# + "\n"
                plain += "=== RUN   \(name)\n    x_test.go:1: note\n"
                if outcome < 3 {
                    let action = ["pass", "fail", "skip"][outcome]
                    json += #"{"Action":"\#(action)","Package":"ex/p","Test":"\#(name)","Elapsed":0.01}"# + "\n"
                    plain += "--- \(action.uppercased()): \(name) (0.01s)\n"
                }
            }
            let failedPackage = outcomes.contains { $0 == 1 || $0 == 3 }
            json += #"{"Action":"\#(failedPackage ? "fail" : "pass")","Package":"ex/p","Elapsed":0.1}"# + "\n"
            plain += failedPackage ? "FAIL\tex/p\t0.1s\n" : "ok  \tex/p\t0.1s\n"
            for text in [json, plain] where !outcomes.isEmpty {
                let run = Self.parse(text)
                #expect(run.summary.passed == outcomes.filter { $0 == 0 }.count)
                #expect(run.summary.failed == outcomes.filter { $0 == 1 }.count)
                #expect(run.summary.skipped == outcomes.filter { $0 == 2 }.count)
                #expect(run.summary.errored == outcomes.filter { $0 == 3 }.count)
                #expect(run.summary.problems.isEmpty)
                #expect(run.cases.allSatisfy { $0.suite == "ex/p" })
            }
        }
    }
}
