import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Scan

struct JUnitParserTests {
    /// Parses `Tests/Fixtures/junit/<name>` through a file stream, as the scanner does.
    private func parseFixture(_ name: String) throws -> (summary: JUnitSummary, cases: [TestCaseResult]) {
        let url = Fixtures.root.appendingPathComponent("junit").appendingPathComponent(name)
        let stream = try #require(InputStream(url: url))
        var cases: [TestCaseResult] = []
        let summary = JUnitParser.parse(stream: stream, file: name) { cases.append($0) }
        return (summary, cases)
    }

    private func parse(_ text: String, file: String = "x.xml") -> (summary: JUnitSummary, cases: [TestCaseResult]) {
        parse(Data(text.utf8), file: file)
    }

    private func parse(_ data: Data, file: String = "x.xml") -> (summary: JUnitSummary, cases: [TestCaseResult]) {
        var cases: [TestCaseResult] = []
        let summary = JUnitParser.parse(data: data, file: file) { cases.append($0) }
        return (summary, cases)
    }

    private func counts(_ summary: JUnitSummary) -> [Int] {
        [summary.passed, summary.failed, summary.errored, summary.skipped, summary.flaky, summary.suites]
    }

    private func byName(_ cases: [TestCaseResult]) -> [String: TestCaseResult] {
        Dictionary(cases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Fixtures

    @Test func surefireFlakyRerunsAndStatuses() throws {
        let (summary, cases) = try parseFixture("surefire-flaky.xml")
        #expect(summary.isJUnit)
        #expect(counts(summary) == [2, 1, 1, 1, 1, 1])
        #expect(summary.problems.isEmpty)
        let all = byName(cases)
        #expect(all["addsItem"]?.status == .passed)
        #expect(all["addsItem"]?.flaky == false)
        #expect(all["addsItem"]?.duration == 0.012)
        #expect(all["removesItem"]?.status == .passed)
        #expect(all["removesItem"]?.flaky == true)
        #expect(all["removesItem"]?.message == "expected:<1> but was:<2>")
        #expect(all["totals"]?.status == .failed)
        #expect(all["totals"]?.flaky == false)
        #expect(all["totals"]?.duration == 1234.5)
        #expect(all["totals"]?.message == "total was 9")
        #expect(all["checkout"]?.status == .errored)
        #expect(all["checkout"]?.duration == nil)
        #expect(all["discounts"]?.status == .skipped)
        #expect(all["discounts"]?.duration == nil)
        #expect(all["discounts"]?.message == "not yet")
        #expect(cases.allSatisfy { $0.suite == "com.example.CartTest" })
        #expect(all["addsItem"]?.source == .file("surefire-flaky.xml", line: 6))
    }

    @Test func pytestFileLineEntitiesAndSkips() throws {
        let (summary, cases) = try parseFixture("pytest.xml")
        #expect(summary.isJUnit)
        #expect(counts(summary) == [2, 1, 1, 2, 0, 1])
        #expect(summary.problems.isEmpty)
        #expect(cases.map(\.name) == [
            "test_add", "test_div[1-<0>]", "test_fixture", "test_later", "test_xfail", "test_read",
        ])
        let all = byName(cases)
        #expect(all["test_add"]?.file == "tests/test_math.py")
        #expect(all["test_add"]?.line == 3)
        #expect(all["test_add"]?.suite == "tests.test_math")
        #expect(all["test_div[1-<0>]"]?.status == .failed)
        #expect(all["test_div[1-<0>]"]?.message == "ZeroDivisionError: division by zero")
        #expect(all["test_fixture"]?.status == .errored)
        #expect(all["test_fixture"]?.message == "failed on setup with \"fixture 'db' not found\"")
        #expect(all["test_xfail"]?.status == .skipped)
        #expect(all["test_read"]?.status == .passed)
        #expect(all["test_read"]?.suite == "tests.test_io")
        #expect(all["test_read"]?.duration == 0.12)
        // Everything up to the failure body is on line 1; the body spans lines 1–3.
        #expect(all["test_div[1-<0>]"]?.source == .file("pytest.xml", line: 1))
        #expect(all["test_read"]?.source == .file("pytest.xml", line: 3))
    }

    @Test func nestedSuitesAreCountedAndChecked() throws {
        let (summary, cases) = try parseFixture("nested-suites.xml")
        #expect(summary.isJUnit)
        #expect(counts(summary) == [4, 1, 0, 1, 0, 5])
        #expect(summary.problems.isEmpty)
        let all = byName(cases)
        #expect(all["top level"]?.suite == "outer")
        #expect(all["a2"]?.suite == "inner A")
        #expect(all["a2"]?.message == "boom")
        #expect(all["b1"]?.suite == "pkg.Deep")
        #expect(all["b2"]?.suite == "inner B")
        #expect(all["b2"]?.status == .skipped)
        #expect(all["c1"]?.suite == "second")
        #expect(all["top level"]?.source == .file("nested-suites.xml", line: 4))
        #expect(all["b1"]?.source == .file("nested-suites.xml", line: 11))
    }

    @Test func wrongCountsAreProblemsNamingSuiteNumbersAndLine() throws {
        let (summary, cases) = try parseFixture("wrong-counts.xml")
        #expect(summary.isJUnit)
        #expect(cases.count == 5)
        #expect(counts(summary) == [3, 1, 0, 1, 0, 3])
        let messages = summary.problems.map(\.message)
        #expect(messages.count == 5)
        #expect(messages.contains("testsuite 'Claims' at line 3 declares tests=4 but contains 3"))
        #expect(messages.contains("testsuite 'Claims' at line 3 declares failures=0 but contains 1"))
        #expect(messages.contains("testsuite 'Claims' at line 3 declares disabled=2 but contains 1"))
        #expect(messages.contains { $0.hasPrefix("testsuite 'Garbled' at line 11 declares tests=\"many\"") })
        #expect(messages.contains("testsuites at line 2 declares tests=10 but contains 5"))
        #expect(summary.problems.filter { $0.message.contains("'Claims'") }.allSatisfy { $0.line == 3 })
        #expect(summary.problems.allSatisfy { $0.file == "wrong-counts.xml" })
        #expect(!messages.contains { $0.contains("NoCounts") })
    }

    @Test func swiftTestingXunitOutput() throws {
        let (summary, cases) = try parseFixture("swift-testing.xml")
        #expect(summary.isJUnit)
        #expect(counts(summary) == [2, 1, 0, 1, 0, 1])
        // Swift Testing declares tests="3" for 4 cases: it leaves the skipped one out. Not a problem.
        #expect(summary.problems.isEmpty)
        let all = byName(cases)
        #expect(all["addsWrong()"]?.status == .failed)
        #expect(all["addsWrong()"]?.suite == "TinyTests.Arithmetic")
        #expect(all["addsWrong()"]?.message == "Expectation failed: (add(2, 2) \u{2192} 4) == 5 (error): two & two <is> four")
        #expect(all["skipped()"]?.status == .skipped)
        #expect(all["skipped()"]?.message == "not ready")
        #expect(all["skipped()"]?.duration == nil)
        #expect(all["freeFunction()"]?.suite == "TinyTests")
    }

    @Test func jestJunitCDATAMessages() throws {
        let (summary, cases) = try parseFixture("jest-junit.xml")
        #expect(summary.isJUnit)
        #expect(counts(summary) == [2, 1, 0, 1, 0, 1])
        #expect(summary.problems.isEmpty)
        let failed = try #require(cases.first { $0.status == .failed })
        #expect(failed.name == "Cart totals & taxes")
        #expect(failed.message?.hasPrefix("Error: expect(received).toBe(expected)") == true)
        #expect(failed.message?.contains("Received: <9>") == true)
        #expect(cases.first { $0.status == .skipped }?.name == "Cart discounts")
    }

    @Test func gotestsumPackagesAsSuites() throws {
        let (summary, cases) = try parseFixture("gotestsum.xml")
        #expect(summary.isJUnit)
        #expect(counts(summary) == [3, 1, 0, 1, 0, 2])
        #expect(summary.problems.isEmpty)
        let all = byName(cases)
        #expect(all["TestTotal/with_tax"]?.status == .failed)
        #expect(all["TestTotal/with_tax"]?.suite == "example.com/shop/cart")
        #expect(all["TestSlow"]?.status == .skipped)
        #expect(all["TestSlow"]?.message?.contains("cart_test.go:40: slow\n") == true)
        #expect(all["TestRound"]?.suite == "example.com/shop/price")
        #expect(all["TestRound"]?.duration == 0)
    }

    // MARK: Malformed input

    @Test func truncatedFileKeepsCasesReadSoFar() throws {
        let (summary, cases) = try parseFixture("truncated.xml")
        #expect(summary.isJUnit)
        #expect(cases.map(\.name) == ["a"])
        #expect(summary.passed == 1)
        #expect(summary.problems.count == 1)
        #expect(summary.problems.first?.message.hasPrefix("malformed XML") == true)
        #expect(summary.problems.first?.line != nil)
    }

    @Test func emptyFileIsAProblemNotACrash() throws {
        for (summary, cases) in [try parseFixture("empty.xml"), parse(Data())] {
            #expect(!summary.isJUnit)
            #expect(cases.isEmpty)
            #expect(summary.problems.count == 1)
            #expect(summary.problems.first?.message.hasPrefix("malformed XML") == true)
        }
    }

    @Test(arguments: ["binary.xml", "garbage.xml"])
    func garbageIsAProblemNotACrash(fixture: String) throws {
        let (summary, cases) = try parseFixture(fixture)
        #expect(!summary.isJUnit)
        #expect(cases.isEmpty)
        #expect(summary.problems.count == 1)
        #expect(summary.problems.first?.message.hasPrefix("malformed XML") == true)
        #expect(summary.problems.first?.file == fixture)
    }

    @Test func invalidUTF8IsAProblemAfterTheGoodCases() throws {
        let (summary, cases) = try parseFixture("invalid-utf8.xml")
        #expect(summary.isJUnit)
        // The XML scanner reports the bad bytes and reads on, so the case after them still arrives.
        #expect(cases.map(\.name) == ["ok", "bad \u{FFFD}\u{FFFD} name"])
        #expect(summary.passed == 2)
        #expect(summary.problems.count == 1)
        #expect(summary.problems.first?.line == 4)
        #expect(summary.problems.first?.message.hasPrefix("malformed XML at line 4") == true)
    }

    @Test func errorMessagesNameTheReasonAndLine() {
        let mismatch = parse("<testsuite>\n<testcase name=\"a\">\n</testsuite>\n")
        let unfinished = parse("<testsuites>\n<testsuite name=\"s\">\n<testcase name=\"a\"/>\n")
        let garbage = parse("hello")
        #expect(mismatch.summary.problems.map(\.line) == [3])
        #expect(unfinished.cases.map(\.name) == ["a"])
        #expect(unfinished.summary.problems.count == 1)
        #expect(garbage.summary.problems.first?.message.hasPrefix("malformed XML at line 1: no root element") == true)
    }

    @Test func caseSourceIsTheLineOfItsStartTag() {
        let (_, cases) = parse("<testsuite>\n\n<testcase name=\"a\"\n  classname=\"C\"\n  time=\"1\"/>\n<testcase name=\"b\"/>\n</testsuite>")
        #expect(cases.map(\.source) == [.file("x.xml", line: 3), .file("x.xml", line: 6)])
    }

    @Test func otherRootElementIsNotJUnit() throws {
        let (summary, cases) = try parseFixture("not-junit.xml")
        #expect(!summary.isJUnit)
        #expect(cases.isEmpty)
        #expect(summary.problems.isEmpty)
        #expect(summary.suites == 0)
    }

    @Test func randomBytesNeverCrash() async {
        await propertyCheck(input: Gen<UInt8>.value(in: 0...255).array(of: 0...200)) { bytes in
            let (summary, cases) = parse(Data(bytes))
            #expect(summary.total == cases.count)
            #expect(!summary.isJUnit)
        }
    }

    @Test func documentsOverTenMegabytesStream() {
        // XMLParser(data:) gives up at 10,000,000 bytes; the stream reader does not.
        var xml = "<testsuites>\n<testsuite name=\"big\" tests=\"180000\" failures=\"1\">\n"
        xml.reserveCapacity(12_000_000)
        for index in 0..<180_000 {
            xml += index == 77_777
                ? "<testcase classname=\"Big\" name=\"case \(index)\"><failure message=\"x\"/></testcase>\n"
                : "<testcase classname=\"Big\" name=\"case \(index)\" time=\"0.001\"/>\n"
        }
        xml += "</testsuite>\n</testsuites>\n"
        #expect(xml.utf8.count > 10_000_000)
        var failedLine: Int?
        let summary = JUnitParser.parse(data: Data(xml.utf8), file: "big.xml") { result in
            if result.status == .failed, case .file(_, let line) = result.source { failedLine = line }
        }
        #expect(summary.passed == 179_999)
        #expect(summary.failed == 1)
        #expect(summary.problems.isEmpty)
        #expect(failedLine == 77_777 + 3)
    }

    // MARK: Details

    @Test func messagesAreCappedAt4KiB() {
        let long = String(repeating: "é", count: 5000)
        let (_, cases) = parse("<testsuite><testcase name=\"t\"><failure>\(long)</failure></testcase></testsuite>")
        let message = cases.first?.message ?? ""
        #expect(message.utf8.count == JUnitParser.messageLimit)
        #expect(message.allSatisfy { $0 == "é" })
    }

    @Test func messageAttributeWinsOverBodyAndChildrenAreIgnored() {
        let xml = """
            <testsuite name="S"><testcase name="t">
            <system-out>noise</system-out>
            <failure message="short">long trace</failure>
            <error message="later"/>
            </testcase><testcase name="u"><failure>body only</failure></testcase></testsuite>
            """
        let (summary, cases) = parse(xml)
        #expect(cases.map(\.status) == [.failed, .failed])
        #expect(cases.map(\.message) == ["short", "body only"])
        #expect(cases.first?.suite == "S")
        #expect(summary.problems.isEmpty)
    }

    @Test func retriesWithoutAFinalFailurePassAsFlaky() {
        let xml = """
            <testsuite name="R" tests="3" failures="1" errors="0">
            <testcase name="rerun then pass"><rerunFailure message="first"/></testcase>
            <testcase name="flaky error"><flakyError message="io"/><flakyError message="io again"/></testcase>
            <testcase name="failed every time"><failure message="last"/><rerunFailure message="first"/></testcase>
            </testsuite>
            """
        let (summary, cases) = parse(xml)
        #expect(cases.map(\.status) == [.passed, .passed, .failed])
        #expect(cases.map(\.flaky) == [true, true, false])
        #expect(cases.map(\.message) == ["first", "io", "last"])
        #expect(counts(summary) == [2, 1, 0, 0, 2, 1])
        #expect(summary.problems.isEmpty)
    }

    @Test func secondsAcceptCommasAndRejectJunk() {
        #expect(JUnitParser.seconds("1,234.5") == 1234.5)
        #expect(JUnitParser.seconds(" 0.25 ") == 0.25)
        #expect(JUnitParser.seconds("") == nil)
        #expect(JUnitParser.seconds(nil) == nil)
        #expect(JUnitParser.seconds("fast") == nil)
    }

    // MARK: Hostile input

    @Test func overlongAndOutOfRangeTimesNeitherTrapNorLoseCases() throws {
        let url = Fixtures.root.appendingPathComponent("hostile/junit-overlong-times.xml")
        let stream = try #require(InputStream(url: url))
        var cases: [TestCaseResult] = []
        let summary = JUnitParser.parse(stream: stream, file: "junit-overlong-times.xml") { cases.append($0) }
        #expect(counts(summary) == [3, 1, 0, 0, 0, 1])
        let named = byName(cases)
        #expect(named["twenty digits"]?.duration == 1.5)
        #expect(named["twenty-one fraction digits"]?.duration == 0.12345678901234568)
        #expect(named["beyond a double"]?.duration == nil)
        #expect(named["beyond a double"]?.status == .failed)
        #expect(named["plain"]?.duration == 0.25)
        #expect(
            summary.problems == [
                EvidenceProblem(
                    file: "junit-overlong-times.xml", line: 5,
                    message: "testcase 'beyond a double' at line 5 has time=\"1e999\", not a number of seconds between 0 and ten years; its duration is left out",
                    resultsKept: true)
            ])
    }

    @Test func everyUnreadableTimeIsAProblemOnItsLine() {
        let values = ["NaN", "inf", "-Infinity", "0x1p3", "1e-999", "-1e999", "9" + String(repeating: "9", count: 400), "1.2.3"]
        let xml = "<testsuite>\n" + values.map { "<testcase name=\"t\" time=\"\($0)\"/>\n" }.joined() + "<testcase name=\"u\" time=\"\"/></testsuite>"
        let (summary, cases) = parse(xml)
        #expect(cases.count == values.count + 1)
        #expect(cases.allSatisfy { $0.status == .passed && $0.duration == nil })
        #expect(summary.problems.count == values.count)
        #expect(summary.problems.compactMap(\.line) == Array(2...(values.count + 1)))
    }

    @Test func unreadableTimesAreListedUpToALimit() {
        let xml = "<testsuite>" + String(repeating: "<testcase name=\"t\" time=\"nan\"/>", count: 150) + "</testsuite>"
        let (summary, cases) = parse(xml)
        #expect(cases.count == 150)
        #expect(summary.problems.count == 101)
        #expect(summary.problems.last?.message == "50 more testcase time values are not numbers")
    }

    @Test(arguments: ["junit-utf16le-bom.xml", "junit-utf16be-bom.xml"])
    func utf16WithAByteOrderMarkCountsLikeUTF8(fixture: String) throws {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("hostile/\(fixture)"))
        defer { try? handle.close() }
        var cases: [TestCaseResult] = []
        let summary = JUnitParser.parse(handle: handle, file: fixture) { cases.append($0) }
        #expect(summary.isJUnit)
        #expect(counts(summary) == [2, 1, 0, 0, 0, 1])
        #expect(summary.problems.isEmpty)
        let failed = try #require(cases.first { $0.status == .failed })
        #expect(failed.name == "fails 😀")
        #expect(failed.suite == "Café.Tests")
        #expect(failed.message == "expected 2, got 3")
        #expect(failed.source == .file(fixture, line: 4))
    }

    // MARK: Property: generated documents round-trip their counts

    /// A generated suite: children are cases (by status code) or nested suites.
    private final class Suite {
        var children: [Child] = []
        enum Child { case testcase(Int), suite(Suite) }
    }

    /// Builds a document from op codes: 0 passed, 1 failed, 2 errored, 3 skipped, 4 flaky,
    /// 5 open a nested suite (depth ≤ 6), 6 close the current one.
    private static func document(_ ops: [Int], bareRoot: Bool) -> (xml: String, expected: [Int]) {
        let root = Suite()
        var stack = [root]
        for op in ops {
            switch op {
            case 0...4: stack[stack.count - 1].children.append(.testcase(op))
            case 5 where stack.count < 7:
                let child = Suite()
                stack[stack.count - 1].children.append(.suite(child))
                stack.append(child)
            case 6 where stack.count > 1: stack.removeLast()
            default: break
            }
        }
        var totals = [0, 0, 0, 0, 0, 0]  // passed, failed, errored, skipped, flaky, suites
        var serial = 0
        func render(_ suite: Suite, element: String, indent: String) -> (xml: String, counts: [Int]) {
            var body = ""
            var counts = [0, 0, 0, 0]  // tests, failures, errors, skipped
            for child in suite.children {
                switch child {
                case .testcase(let code):
                    serial += 1
                    let open = "\(indent)  <testcase classname=\"C\(serial % 3)\" name=\"case &lt;\(serial)&gt;\" time=\"0.\(serial)\""
                    counts[0] += 1
                    switch code {
                    case 0:
                        body += "\(open)/>\n"
                        totals[0] += 1
                    case 1:
                        body += "\(open)><failure message=\"a &amp; b\">trace</failure></testcase>\n"
                        counts[1] += 1
                        totals[1] += 1
                    case 2:
                        body += "\(open)><error><![CDATA[<boom>]]></error></testcase>\n"
                        counts[2] += 1
                        totals[2] += 1
                    case 3:
                        body += "\(open)><skipped/></testcase>\n"
                        counts[3] += 1
                        totals[3] += 1
                    default:
                        body += "\(open)><flakyFailure message=\"once\"><stackTrace>x</stackTrace></flakyFailure></testcase>\n"
                        totals[0] += 1
                        totals[4] += 1
                    }
                case .suite(let nested):
                    let inner = render(nested, element: "testsuite", indent: indent + "  ")
                    body += inner.xml
                    for index in 0..<4 { counts[index] += inner.counts[index] }
                }
            }
            if element == "testsuite" { totals[5] += 1 }
            serial += 1
            let head = "\(indent)<\(element) name=\"S\(serial)\" tests=\"\(counts[0])\" failures=\"\(counts[1])\" "
                + "errors=\"\(counts[2])\" skipped=\"\(counts[3])\">\n"
            return (head + body + "\(indent)</\(element)>\n", counts)
        }
        let xml = "<?xml version=\"1.0\"?>\n" + render(root, element: bareRoot ? "testsuite" : "testsuites", indent: "").xml
        return (xml, totals)
    }

    @Test func generatedDocumentsRoundTripTheirCounts() async {
        await propertyCheck(input: Gen<Int>.int(in: 0...6).array(of: 0...80), Gen.bool()) { ops, bareRoot in
            let (xml, expected) = Self.document(ops, bareRoot: bareRoot)
            var seen = 0
            let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
            let summary = JUnitParser.parse(data: Data(xml.utf8), file: "gen.xml") { result in
                seen += 1
                guard case .file(_, let line?) = result.source, line >= 1, line <= lines.count else {
                    Issue.record("no line for \(result.name)")
                    return
                }
                #expect(lines[line - 1].contains("<testcase "))
            }
            #expect(summary.isJUnit)
            #expect(counts(summary) == expected, "\(xml)")
            #expect(summary.problems.isEmpty, "\(summary.problems) in \(xml)")
            #expect(seen == summary.total)
        }
    }
}
