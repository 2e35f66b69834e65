import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Scan

struct TAPParserTests {
    struct Run {
        var summary: TAPSummary
        var cases: [TestCaseResult]
        func find(_ name: String) -> TestCaseResult? { cases.first { $0.name == name } }
    }

    static func parseFixture(_ name: String) throws -> Run {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("tap/\(name)"))
        defer { try? handle.close() }
        var cases: [TestCaseResult] = []
        let summary = TAPParser.parse(handle: handle, file: name) { cases.append($0) }
        return Run(summary: summary, cases: cases)
    }

    static func parse(_ text: String) -> Run { parse(Data(text.utf8)) }

    static func parse(_ data: Data) -> Run {
        var cases: [TestCaseResult] = []
        let summary = TAPParser.parse(data: data, file: "t.tap") { cases.append($0) }
        return Run(summary: summary, cases: cases)
    }

    @Test func nodeFixtureCountsSubtestsAndTodoAsSkipped() throws {
        let run = try Self.parseFixture("node20-pass-fail-skip-todo-subtests.tap")
        #expect(run.summary.version == 13)
        #expect(run.summary.recognized)
        #expect(run.summary.passed == 2)
        #expect(run.summary.failed == 3)
        #expect(run.summary.skipped == 2)
        #expect(run.summary.todo == 1)
        #expect(run.summary.errored == 0)
        #expect(run.summary.planned == 5)
        #expect(run.summary.problems.isEmpty)
        #expect(run.cases.count == 7)
        #expect(run.find("inner ok")?.suite == "group")
        #expect(run.find("inner fails")?.status == .failed)
        #expect(run.find("inner fails")?.suite == "group")
        #expect(run.find("inner fails")?.message == "inner boom")
        #expect(run.find("group")?.suite == "node20-pass-fail-skip-todo-subtests.tap")
        #expect(run.find("todo later")?.status == .skipped)
        #expect(run.find("skipped")?.message == "not on linux")
        let adds = try #require(run.find("adds"))
        #expect(adds.duration.map { abs($0 - 0.002176096) < 1e-9 } == true)
        #expect(adds.source == .file("node20-pass-fail-skip-todo-subtests.tap", line: 3))
    }

    @Test func bailOutErrorsTheRemainingPlannedTests() throws {
        let run = try Self.parseFixture("perl-bail-out-after-skip.tap")
        #expect(run.summary.passed == 1)
        #expect(run.summary.failed == 1)
        #expect(run.summary.skipped == 1)
        #expect(run.summary.errored == 2)
        #expect(run.summary.bailOut == "database vanished")
        #expect(run.summary.version == 12)
        #expect(run.summary.problems.count == 1)
        #expect(run.summary.problems.first?.line == 5)
        #expect(run.find("test 3")?.status == .skipped)
        #expect(run.find("test 5")?.status == .errored)
    }

    @Test func perlTodoAndNamedSubtestWithPlanAtTheEnd() throws {
        let run = try Self.parseFixture("perl-todo-subtest-plan-at-end.tap")
        #expect(run.summary.passed == 4)
        #expect(run.summary.skipped == 1)
        #expect(run.summary.todo == 1)
        #expect(run.summary.failed == 0)
        #expect(run.summary.planned == 3)
        #expect(run.summary.problems.isEmpty)
        #expect(run.find("a")?.suite == "nested")
        #expect(run.find("second")?.message == "TODO: not implemented")
    }

    @Test func tap14YAMLMessagesAndUnnamedSubtests() throws {
        let run = try Self.parseFixture("tap14-yaml-message-unnamed-subtest.tap")
        #expect(run.summary.version == 14)
        #expect(run.summary.passed == 2)
        #expect(run.summary.failed == 3)
        #expect(run.summary.skipped == 1)
        #expect(run.summary.problems.isEmpty)
        #expect(run.find("rejects bad input")?.message == "expected error, got nil")
        #expect(run.find("rejects bad input")?.duration == 0.0125)
        #expect(run.find("escapes # in names")?.suite == "encoder")
        #expect(run.find("handles unicode")?.suite == "encoder")
        #expect(run.find("handles unicode")?.message == "line one\nline two")
        #expect(run.find("skipped on CI")?.status == .skipped)
    }

    @Test func planMismatchAndOrderAreProblems() throws {
        let run = try Self.parseFixture("plan-mismatch-and-out-of-order.tap")
        #expect(run.summary.passed == 2)
        #expect(run.summary.failed == 1)
        #expect(run.summary.problems.count == 3)
        #expect(run.summary.problems.contains { $0.message.contains("planned 4") })
    }

    @Test func skipAllPlan() throws {
        let run = try Self.parseFixture("skip-all-plan.tap")
        #expect(run.summary.planned == 0)
        #expect(run.summary.skipAllReason == "no display available")
        #expect(run.summary.total == 0)
        #expect(run.summary.problems.isEmpty)
    }

    @Test func directivesAreCaseInsensitiveAndNotOkTodoIsNotAFailure() {
        let run = Self.parse("1..4\nnot ok 1 - a # todo later\nok 2 - b # Skipped: slow\nnot ok 3 # SKIP\nok 4 - c # not a directive\n")
        #expect(run.summary.skipped == 3)
        #expect(run.summary.todo == 1)
        #expect(run.summary.failed == 0)
        #expect(run.summary.passed == 1)
        #expect(run.find("c")?.status == .passed)
    }

    @Test func missingPlanAndUnterminatedYAMLAreProblems() {
        let run = Self.parse("ok 1 - a\n  ---\n  message: x\nnot ok 2 - b\n")
        #expect(run.summary.passed == 1)
        #expect(run.summary.failed == 1)
        #expect(run.find("a")?.message == "x")
        #expect(run.summary.problems.count == 2)
    }

    @Test func truncatedStreamIsAProblem() {
        let run = Self.parse("TAP version 14\n1..3\nok 1\nnot o")
        #expect(run.summary.passed == 1)
        #expect(run.summary.problems.count == 1)
    }

    @Test func emptyBinaryAndNonUTF8InputsGiveProblems() {
        #expect(Self.parse("").summary.problems.count == 1)
        #expect(!Self.parse("").summary.recognized)
        #expect(!Self.parse("hello\n").summary.recognized)

        let binary = Self.parse(Data([0x00, 0x6F, 0x6B, 0x0A, 0x00]))
        #expect(!binary.summary.problems.isEmpty)
        #expect(binary.summary.total == 0)

        let invalid = Self.parse(Data([0x31, 0x2E, 0x2E, 0x31, 0x0A, 0x6F, 0x6B, 0x20, 0xFF, 0x0A]))
        #expect(invalid.summary.passed == 1)
        #expect(invalid.summary.problems.contains { $0.message.contains("UTF-8") })

        var random = SystemRandomNumberGenerator()
        let noise = Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        _ = Self.parse(noise)
        _ = Self.parse("1..99999999999999999999999\nBail out!\n")
    }

    @Test func largeStreamReadThroughAHandleAcrossChunkBoundaries() throws {
        let count = 20_000
        var text = "TAP version 13\n1..\(count)\n"
        for i in 1...count { text += (i % 10 == 0 ? "not ok" : "ok") + " \(i) - case number \(i)\r\n" }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tap-large-\(UUID().uuidString).tap")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var names = Set<String>()
        let summary = TAPParser.parse(handle: handle, file: "large.tap") { names.insert($0.name) }
        #expect(summary.passed == count - count / 10)
        #expect(summary.failed == count / 10)
        #expect(summary.problems.isEmpty)
        #expect(names.count == count)
        #expect(names.contains("case number 12345"))
    }

    /// 0 ok, 1 not ok, 2 skip, 3 todo; every fifth case is a one-test subtest.
    @Test func randomWellFormedStreamsRoundTripTheirCounts() async {
        let input = Gen<Int>.int(in: 0...3).array(of: 0...25)
        await propertyCheck(input: input) { outcomes in
            var text = "TAP version 14\n1..\(outcomes.count)\n"
            var expected = [0, 0, 0, 0]
            for (i, outcome) in outcomes.enumerated() {
                let line = ["ok", "not ok", "ok", "not ok"][outcome] + " \(i + 1) - case \(i)"
                    + ["", "", " # SKIP why", " # TODO later"][outcome]
                expected[outcome] += 1
                if i % 5 == 4 {
                    text += "    # Subtest: case \(i)\n    1..1\n    ok 1 - inner \(i)\n"
                    expected[0] += 1
                }
                text += line + "\n"
                if outcome == 1 { text += "  ---\n  message: boom\n  ...\n" }
            }
            let run = Self.parse(text)
            #expect(run.summary.passed == expected[0])
            #expect(run.summary.failed == expected[1])
            #expect(run.summary.skipped == expected[2] + expected[3])
            #expect(run.summary.todo == expected[3])
            #expect(run.summary.problems.isEmpty)
            #expect(run.cases.filter { $0.status == .failed }.allSatisfy { $0.message == "boom" })
        }
    }
}
