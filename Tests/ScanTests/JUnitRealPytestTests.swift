import Foundation
import PhaseModel
import Testing
@testable import Scan

/// `Fixtures/junit/pytest-real.xml`: unedited `pytest --junitxml` output (pytest 9.2.0, Python 3.11.7).
struct JUnitRealPytestTests {
    static let name = "pytest-real.xml"

    private func parse() throws -> (summary: JUnitSummary, cases: [TestCaseResult]) {
        let url = Fixtures.root.appendingPathComponent("junit").appendingPathComponent(Self.name)
        let stream = try #require(InputStream(url: url))
        var cases: [TestCaseResult] = []
        let summary = JUnitParser.parse(stream: stream, file: Self.name) { cases.append($0) }
        return (summary, cases)
    }

    @Test func countsMatchPytestsOwnSummary() throws {
        // pytest: "1 failed, 2 passed, 1 skipped, 1 xfailed, 1 error"; the xfail is written as <skipped>.
        let (summary, cases) = try parse()
        #expect(summary.isJUnit)
        let counts: [Int] = [summary.passed, summary.failed, summary.errored, summary.skipped, summary.flaky, summary.suites]
        #expect(counts == [2, 1, 1, 2, 0, 1])
        #expect(summary.problems.isEmpty)
        #expect(cases.map(\.name) == ["test_add", "test_div_fails", "test_uses_broken", "test_skipped", "test_xfail", "test_greet"])
        #expect(cases.map(\.status) == [.passed, .failed, .errored, .skipped, .skipped, .passed])
        #expect(cases.allSatisfy { $0.suite == "tests.test_calc" })
        // pytest's default junit_family (xunit2) writes no file or line attributes.
        #expect(cases.allSatisfy { $0.file == nil && $0.line == nil })
    }

    @Test func messagesComeFromTheMessageAttributes() throws {
        let (_, cases) = try parse()
        let byName = Dictionary(cases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["test_div_fails"]?.message == "assert 0.5 == 0.25\n +  where 0.5 = div(1, 2)")
        #expect(byName["test_uses_broken"]?.message == "failed on setup with \"RuntimeError: fixture exploded\"")
        #expect(byName["test_skipped"]?.message == "not ready")
        #expect(byName["test_xfail"]?.message == "known bug")
        #expect(byName["test_add"]?.message == nil)
        #expect(byName["test_add"]?.duration == 0.001)
        #expect(byName["test_greet"]?.duration == 0)
    }

    @Test func casesPointAtTheirLinesInTheOneLineDocument() throws {
        // pytest writes everything on line 1 except the multi-line failure and error bodies.
        let (_, cases) = try parse()
        #expect(cases.map(\.source) == [1, 1, 6, 11, 11, 11].map { .file(Self.name, line: $0) })
    }
}
