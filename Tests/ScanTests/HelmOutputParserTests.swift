import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Scan

struct HelmOutputParserTests {
    static func parseFixture(_ name: String) throws -> HelmOutputSummary {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("helm/\(name)"))
        defer { try? handle.close() }
        return HelmOutputParser.parse(handle: handle, file: name)
    }

    static func parse(_ text: String, chart: String? = nil) -> HelmOutputSummary {
        HelmOutputParser.parse(data: Data(text.utf8), file: "helm.txt", chart: chart)
    }

    static func statuses(_ summary: HelmOutputSummary) -> [String] {
        summary.charts.map { "\($0.chart)=\($0.status.rawValue)" }
    }

    // MARK: helm lint, one chart per run

    @Test func lintV3SingleRunsGiveOneResultPerChart() throws {
        let summary = try Self.parseFixture("lint-v3.17.1-single-runs.txt")
        #expect(summary.recognized)
        #expect(summary.problems.isEmpty)
        #expect(summary.linted == 8)
        #expect(summary.failedDeclared == 5)
        #expect(
            Self.statuses(summary) == [
                "charts/good=passed", "charts/noicon=passed", "charts/notemplates=passed", "charts/parseerr=failed",
                "charts/nilptr=failed", "charts/yamlerr=failed", "charts/badchart=failed", "charts/nosuch=failed",
            ])
        #expect(summary.charts.map(\.messages.count) == [0, 1, 1, 1, 1, 1, 4, 1])

        let icon = try #require(summary.chart("charts/noicon")?.messages.first)
        #expect(icon == HelmMessage(
            severity: .info, chart: "charts/noicon", file: "Chart.yaml", text: "icon is recommended",
            source: .file("lint-v3.17.1-single-runs.txt", line: 5), command: "lint"))

        let parse = try #require(summary.chart("charts/parseerr")?.messages.first)
        #expect(parse.severity == .error)
        #expect(parse.file == "templates/broken.yaml")
        #expect(parse.line == 15)
        #expect(parse.column == nil)
        #expect(parse.text == "parse error at (parseerr/templates/broken.yaml:15): function \"foo\" not defined")
        #expect(!parse.isFailCall)

        let nilPointer = try #require(summary.chart("charts/nilptr")?.messages.first)
        #expect([nilPointer.file, nilPointer.line.map(String.init), nilPointer.column.map(String.init)] == ["templates/deployment.yaml", "6", "17"])
        #expect(nilPointer.text.hasSuffix("nil pointer evaluating interface {}.bar"))

        // `yaml: line 7` counts lines of the rendered manifest, not of the template.
        let yaml = try #require(summary.chart("charts/yamlerr")?.messages.first)
        #expect(yaml.file == "templates/bad.yaml")
        #expect(yaml.line == nil)

        let badChart = try #require(summary.chart("charts/badchart"))
        #expect(badChart.messages.map(\.severity) == [.error, .info, .error, .error])
        #expect(badChart.messages.map(\.file) == ["Chart.yaml", "Chart.yaml", "templates/", nil])
        #expect(badChart.messages[3].text == "unable to load chart\n\tvalidation: chart.metadata.version is required")
        #expect(badChart.messages[3].source.line == 28)

        let missing = try #require(summary.chart("charts/nosuch")?.messages.first)
        #expect(missing.severity == .error)
        #expect(missing.file == nil)
        #expect(missing.text.hasPrefix("unable to check Chart.yaml file in chart: stat charts/nosuch/Chart.yaml"))
    }

    @Test func lintV4WrapsTemplateErrorsOverIndentedLines() throws {
        let summary = try Self.parseFixture("lint-v4.1.4-single-runs.txt")
        #expect(summary.problems.isEmpty)
        #expect(summary.linted == 8)
        #expect(summary.failedDeclared == 5)
        #expect(summary.chart("charts/notemplates")?.status == .warnings)
        #expect(summary.chart("charts/notemplates")?.messages.last?.file == "templates/")
        #expect(summary.chart("charts/badchart")?.messages.count == 5)
        #expect(summary.chart("charts/badchart")?.messages[2].text == "version '' is not a valid SemVerV2")

        let nilPointer = try #require(summary.chart("charts/nilptr")?.messages.first)
        #expect(nilPointer.file == "templates/deployment.yaml")
        #expect(nilPointer.line == 6)
        #expect(nilPointer.column == 17)
        #expect(
            nilPointer.text == """
                nilptr/templates/deployment.yaml:6:17
                  executing "nilptr/templates/deployment.yaml" at <.Values.missing.bar>:
                    nil pointer evaluating interface {}.bar
                """)
        #expect(summary.chart("charts/nilptr")?.messages.count == 1)
    }

    // MARK: fail and required calls

    @Test(arguments: [
        ("lint-v3.17.1-fail-call.txt", HelmSeverity.info),
        ("lint-v4.1.4-fail-call.txt", HelmSeverity.warning),
    ])
    func failCallLoggedByLintFailsTheChart(fixture: String, requiredSeverity: HelmSeverity) throws {
        let summary = try Self.parseFixture(fixture)
        // Helm itself says 0 failed; that is no disagreement, since it never counts fail calls.
        #expect(summary.problems.isEmpty)
        #expect(summary.failedDeclared == 0)
        #expect(Self.statuses(summary) == ["charts/failcall=failed", "charts/required=failed"])

        let fail = try #require(summary.chart("charts/failcall")?.messages.first)
        #expect(fail == HelmMessage(
            severity: .info, chart: "charts/failcall", text: "fail: must set foo", isFailCall: true,
            source: .file(fixture, line: 1), command: "lint"))

        let required = try #require(summary.chart("charts/required"))
        #expect(required.messages.map(\.isFailCall) == [true, false])
        #expect(required.messages[0].text == "missing required value: must set name")
        #expect(required.messages[0].severity == requiredSeverity)
        #expect(required.messages[0].source.line == 5)
        #expect(required.messages[1].severity == .warning)
    }

    @Test func failCallShownAtInfoLevelInABlockFailsTheChart() {
        // The form the brief describes (`[INFO] templates/: …execution error at (…)`); Helm
        // v3.17.1 and v4.1.4 log a line instead, but any message holding Helm's
        // `execution error at (` (the wrapper of `fail` and `required`) is a fail call.
        let summary = Self.parse(
            """
            ==> Linting mychart
            [INFO] templates/: execution error at (mychart/templates/x.yaml:2:4): must set foo

            1 chart(s) linted, 0 chart(s) failed
            """)
        #expect(summary.problems.isEmpty)
        let message = summary.chart("mychart")?.messages.first
        #expect(summary.chart("mychart")?.status == .failed)
        #expect(message?.isFailCall == true)
        #expect(message?.severity == .info)
        #expect(message?.file == "templates/x.yaml")
        #expect(message?.line == 2)
        #expect(message?.column == 4)
    }

    @Test(arguments: ["lint-v3.17.1-multi-chart-run.txt", "lint-v4.1.4-multi-chart-run.txt"])
    func failCallsInARunOfSeveralChartsAreProblemsNotGuesses(fixture: String) throws {
        let summary = try Self.parseFixture(fixture)
        #expect(
            Self.statuses(summary) == [
                "charts/good=passed", "charts/noicon=passed", "charts/failcall=passed", "charts/required=warnings",
                "charts/parseerr=failed",
            ])
        #expect(summary.problems.map(\.line) == [1, 2])
        #expect(summary.problems.allSatisfy { $0.message.contains("cannot tell which chart") && $0.file == fixture })
        #expect(summary.problems[0].message.contains("must set foo"))
        #expect(summary.linted == 5)
        #expect(summary.failedDeclared == 1)
    }

    @Test(arguments: ["lint-v3.17.1-quiet-strict-subcharts.txt", "lint-v4.1.4-quiet-strict-subcharts.txt"])
    func quietStrictAndSubchartRunsAgreeWithTheirSummaries(fixture: String) throws {
        let summary = try Self.parseFixture(fixture)
        #expect(
            Self.statuses(summary) == [
                "charts/nilptr=failed", "charts/noicon=passed", "charts/warnonly=warnings", "charts/parent=failed",
                "charts/parent/charts/sub=warnings",
            ])
        #expect(summary.linted == 7)
        #expect(summary.failedDeclared == 3)
        // Only the two `required` log lines of the --with-subcharts run (two charts).
        #expect(summary.problems.count == 2)
        #expect(summary.problems.allSatisfy { $0.message.contains("sub needs a name") })
        // Helm prints the chart's absolute folder for a dependency error: no file.
        let parent = try #require(summary.chart("charts/parent")?.messages.first)
        #expect(parent.file == nil)
        #expect(parent.text == "chart metadata is missing these dependencies: sub")
        #expect(summary.chart("charts/parent/charts/sub")?.messages.map(\.file) == ["Chart.yaml", "values.yaml", "templates/cm.yaml"])
    }

    // MARK: helm template

    @Test(arguments: ["template-v3.17.1.txt", "template-v4.1.4.txt"])
    func templateErrorsNameTheirChartByPath(fixture: String) throws {
        let summary = try Self.parseFixture(fixture)
        #expect(summary.recognized)
        #expect(summary.problems.isEmpty)
        #expect(summary.linted == nil)
        #expect(
            Self.statuses(summary) == [
                "good=passed", "failcall=failed", "required=failed", "parseerr=failed", "nilptr=failed", "yamlerr=failed",
                "=failed", "parent=failed",
            ])
        #expect(summary.charts.map(\.messages.count) == [0, 1, 1, 1, 1, 1, 1, 1])
        func first(_ chart: String) -> HelmMessage? { summary.chart(chart)?.messages.first }

        #expect(first("failcall")?.isFailCall == true)
        #expect(first("failcall")?.file == "templates/check.yaml")
        #expect(first("failcall")?.line == 2)
        #expect(first("failcall")?.column == 5)
        #expect(first("failcall")?.text == "execution error at (failcall/templates/check.yaml:2:5): must set foo")
        #expect(first("required")?.isFailCall == true)
        #expect(first("required")?.column == 11)
        #expect(first("parseerr")?.line == 15)
        #expect(first("parseerr")?.isFailCall == false)
        #expect(first("nilptr")?.line == 6)
        #expect(first("nilptr")?.column == 17)
        #expect(first("yamlerr")?.file == "templates/bad.yaml")
        #expect(first("yamlerr")?.line == nil)
        // No file, no chart in the text: collected under the unnamed chart.
        let unnamed = try #require(first(HelmChartResult.unnamed))
        #expect(unnamed.chart == nil)
        #expect(unnamed.file == nil)
        #expect(unnamed.text == "validation: chart.metadata.version is required")
        // A subchart's template: file relative to the parent chart.
        #expect(first("parent")?.file == "charts/sub/templates/cm.yaml")
        #expect(first("parent")?.isFailCall == true)
    }

    @Test func ciLogMergesLintPathsWithTemplateChartNames() throws {
        let summary = try Self.parseFixture("ci-log-lint-and-template-v4.1.4.txt")
        #expect(summary.problems.isEmpty)
        #expect(Self.statuses(summary) == ["charts/good=passed", "charts/nilptr=failed"])
        let messages = try #require(summary.chart("charts/nilptr")?.messages)
        #expect(messages.map(\.source.line) == [16, 22])
        #expect(messages.allSatisfy { $0.chart == "charts/nilptr" && $0.file == "templates/deployment.yaml" && $0.line == 6 })
        #expect(summary.linted == 2)
        #expect(summary.failedDeclared == 1)
    }

    @Test func templateFirstThenLintMergesUnderTheFirstName() {
        let summary = Self.parse(
            """
            ---
            # Source: web/templates/cm.yaml
            kind: ConfigMap
            ==> Linting ./charts/web/
            [WARNING] templates/cm.yaml: something

            1 chart(s) linted, 0 chart(s) failed
            """)
        #expect(Self.statuses(summary) == ["web=warnings"])
        #expect(summary.problems.isEmpty)
    }

    @Test func errorWithoutChartGoesToTheChartTheCallerNames() {
        let summary = Self.parse("Error: validation: chart.metadata.version is required\n", chart: "charts/bad")
        #expect(summary.recognized)
        #expect(Self.statuses(summary) == ["charts/bad=failed"])
        #expect(summary.charts.first?.messages.first?.chart == "charts/bad")
        // Without the caller's word, a lone generic error is not taken for Helm output.
        let alone = Self.parse("Error: validation: chart.metadata.version is required\n")
        #expect(!alone.recognized)
        #expect(alone.charts.isEmpty)
    }

    // MARK: Summaries and malformed input

    @Test func summaryThatDisagreesWithTheBlocksIsAProblem() {
        let wrongFailed = Self.parse(
            "==> Linting a\n[ERROR] Chart.yaml: version is required\n\n1 chart(s) linted, 0 chart(s) failed\n")
        #expect(wrongFailed.problems.count == 1)
        #expect(wrongFailed.problems.first?.line == 4)
        #expect(wrongFailed.problems.first?.message.contains("0 chart(s) failed") == true)
        #expect(wrongFailed.charts.first?.status == .failed)

        let tooManyFailed = Self.parse("==> Linting a\n\nError: 1 chart(s) linted, 1 chart(s) failed\n")
        #expect(tooManyFailed.problems.count == 1)

        // A clean block shows this was no --quiet run, so every linted chart should be there.
        let missingBlocks = Self.parse("==> Linting a\n\n3 chart(s) linted, 0 chart(s) failed\n")
        #expect(missingBlocks.problems.map(\.message) == ["lint summary says 3 chart(s) linted but the output shows 1"])

        let extraBlocks = Self.parse("==> Linting a\n\n==> Linting b\n\n1 chart(s) linted, 0 chart(s) failed\n")
        #expect(extraBlocks.problems.count == 1)

        // --strict: a chart with warnings only may count as failed.
        let strict = Self.parse("==> Linting a\n[WARNING] templates/x.yaml: w\n\nError: 1 chart(s) linted, 1 chart(s) failed\n")
        #expect(strict.problems.isEmpty)
    }

    @Test func truncatedAndStrayOutputIsReportedWithLines() {
        let truncated = Self.parse("==> Linting a\n[ERROR] Chart.yaml: version is required\n")
        #expect(truncated.charts.first?.status == .failed)
        #expect(truncated.problems.map(\.line) == [2])
        #expect(truncated.problems.first?.message.contains("summary") == true)

        let danglingFailCall = Self.parse("engine.go:227: [INFO] Fail: must set foo\n")
        #expect(danglingFailCall.recognized)
        #expect(danglingFailCall.problems.map(\.line) == [1])

        let stray = Self.parse("==> Linting a\nsomething else\n\n1 chart(s) linted, 0 chart(s) failed\n")
        #expect(stray.problems.map(\.line) == [2])

        let outside = Self.parse("[ERROR] templates/: parse error at (web/templates/x.yaml:3): bad\n")
        #expect(Self.statuses(outside) == ["web=failed"])
        #expect(outside.problems.map(\.line) == [1])
    }

    @Test func emptyBinaryAndNonUTF8InputsGiveProblems() {
        let empty = Self.parse("")
        #expect(!empty.recognized)
        #expect(empty.problems.map(\.message) == ["empty: no helm output"])
        #expect(!Self.parse("hello\nworld\n").recognized)

        let binary = HelmOutputParser.parse(data: Data([0x3D, 0x3D, 0x3E, 0x00, 0x0A, 0x00]), file: "b.txt")
        #expect(!binary.recognized)
        #expect(binary.problems.contains { $0.line == 1 && $0.message.contains("binary") })

        var bytes = Array("==> Linting caf".utf8) + [0xE9] + Array("\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n".utf8)
        let latin1 = HelmOutputParser.parse(data: Data(bytes), file: "l.txt")
        #expect(latin1.charts.count == 1)
        #expect(latin1.charts.first?.status == .passed)
        #expect(latin1.problems.map(\.message) == ["invalid UTF-8; read with replacement characters"])

        var random = SystemRandomNumberGenerator()
        bytes = (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        _ = HelmOutputParser.parse(data: Data(bytes), file: "noise")
        _ = Self.parse("Error: 99999999999999999999 chart(s) linted, 1 chart(s) failed\n==> Linting \n[ERROR] \n[ERROR] :\n  \n\t")
        _ = Self.parse("Error: /templates/:1:2\nError: x/templates/\nError: (/templates/x:9999999999999999999)\nlevel=INFO msg=\"funcMap fail\" message=\"unterminated")
    }

    @Test func messagesPerChartAreCapped() {
        var text = "==> Linting big\n"
        for i in 0..<1_500 { text += "[WARNING] templates/\(i).yaml: w\n  continued\n" }
        text += "\n1 chart(s) linted, 0 chart(s) failed\n"
        let summary = Self.parse(text)
        let chart = summary.chart("big")
        #expect(chart?.messages.count == HelmOutputParser.messageLimit)
        #expect(chart?.messages.first?.text == "w\n  continued")
        #expect(chart?.status == .warnings)
        #expect(summary.problems.map(\.message) == ["chart big: 500 more messages beyond 1000 not kept"])
    }

    @Test func fileHandleAndDataReadTheSame() throws {
        let name = "lint-v4.1.4-quiet-strict-subcharts.txt"
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("helm/\(name)"))
        #expect(try Self.parseFixture(name) == HelmOutputParser.parse(data: data, file: name))
    }

    // MARK: Property

    /// A chart's messages: severity 0 info, 1 warning, 2 error.
    static let charts = Gen<Int>.int(in: 0...2).array(of: 0...4).array(of: 1...6)

    @Test func generatedLintOutputRoundTripsChartStatuses() async {
        await propertyCheck(input: Self.charts, Gen.bool()) { charts, oneRun in
            let tags = ["[INFO]", "[WARNING]", "[ERROR]"]
            var blocks: [String] = []
            for (i, severities) in charts.enumerated() {
                var block = "==> Linting charts/c\(i)\n"
                for (j, severity) in severities.enumerated() {
                    block += "\(tags[severity]) templates/t\(j).yaml: message \(j)\n"
                }
                blocks.append(block + "\n")
            }
            let failed = charts.map { $0.contains(2) ? 1 : 0 }
            var text = ""
            if oneRun {
                let total = failed.reduce(0, +)
                text = blocks.joined() + "\(total > 0 ? "Error: " : "")\(charts.count) chart(s) linted, \(total) chart(s) failed\n"
            } else {
                for (block, failed) in zip(blocks, failed) {
                    text += block + "\(failed > 0 ? "Error: " : "")1 chart(s) linted, \(failed) chart(s) failed\n"
                }
            }
            let summary = Self.parse(text)
            let expected = charts.map { $0.contains(2) ? HelmChartStatus.failed : $0.contains(1) ? .warnings : .passed }
            #expect(summary.charts.map(\.status) == expected)
            #expect(summary.charts.map(\.messages.count) == charts.map(\.count))
            #expect(summary.charts.map(\.chart) == charts.indices.map { "charts/c\($0)" })
            #expect(summary.linted == charts.count)
            #expect(summary.failedDeclared == failed.reduce(0, +))
            #expect(summary.problems.isEmpty)
        }
    }
}

extension HelmOutputParserTests {
    static let fragments = [
        "==> Linting charts/a", "==> Linting b", "", "  continued", "\tcontinued",
        "[INFO] Chart.yaml: icon is recommended", "[WARNING] templates/x.yaml: w", "[ERROR] : unable to load chart",
        "[ERROR] templates/: parse error at (b/templates/x.yaml:15): function \"foo\" not defined",
        "[INFO] templates/: execution error at (a/templates/x.yaml:2:4): must set foo",
        "Error unable to check Chart.yaml file in chart", "1 chart(s) linted, 0 chart(s) failed",
        "Error: 2 chart(s) linted, 1 chart(s) failed", "engine.go:227: [INFO] Fail: must set foo",
        "level=WARN msg=\"missing required value\" message=\"must set name\"", "---", "# Source: a/templates/x.yaml",
        "kind: ConfigMap", "Error: execution error at (c/templates/y.yaml:2:5): boom", "Error: validation: nope",
        "Use --debug flag to render out invalid YAML", "+ helm lint charts/a", "Error: c/templates/y.yaml:6:17",
    ]

    @Test func statusAlwaysFollowsTheKeptMessages() async {
        await propertyCheck(count: 300, input: Gen<String?>.element(of: Self.fragments).compactMap { $0 }.array(of: 0...40)) { lines in
            let summary = Self.parse(lines.joined(separator: "\n"))
            for chart in summary.charts {
                let expected: HelmChartStatus =
                    chart.messages.contains { $0.severity == .error || $0.isFailCall } ? .failed
                    : chart.messages.contains { $0.severity == .warning } ? .warnings : .passed
                #expect(chart.status == expected)
                #expect(chart.messages.allSatisfy { $0.chart == (chart.chart.isEmpty ? nil : chart.chart) })
            }
            #expect(Set(summary.charts.map(\.chart)).count == summary.charts.count)
            #expect(summary.problems.allSatisfy { $0.file == "helm.txt" })
        }
    }
}
