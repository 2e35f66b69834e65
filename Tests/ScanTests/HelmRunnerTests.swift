import Foundation
import Testing
import TestSupport
@testable import Scan

struct HelmRunnerTests {
    /// A stand-in for `helm`, written at test time: records its arguments and working
    /// folder next to itself, then runs `body`.
    static func fakeHelm(in folder: TemporaryFolder, _ body: String) throws -> URL {
        let script = """
            #!/bin/sh
            here=$(dirname "$0")
            printf '%s\\n' "$@" > "$here/args.txt"
            pwd > "$here/cwd.txt"
            \(body)
            """
        let path = try folder.write("bin/helm", script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return URL(fileURLWithPath: path)
    }

    static func recorded(_ folder: TemporaryFolder, _ name: String) throws -> String {
        try String(contentsOfFile: folder.path + "/bin/\(name)", encoding: .utf8)
    }

    @Test func lintRunsAFixedArgumentVectorAndParsesStdoutAndStderrInOrder() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("repo/charts/web")
        let helm = try Self.fakeHelm(
            in: folder,
            """
            echo 'level=INFO msg="funcMap fail" message="must set foo"' >&2
            echo "==> Linting $2"
            echo '[INFO] Chart.yaml: icon is recommended'
            echo
            echo '1 chart(s) linted, 0 chart(s) failed'
            """)
        let runner = HelmRunner(
            executable: helm, timeout: .seconds(20), workingDirectory: URL(fileURLWithPath: folder.path + "/repo"))
        let result = runner.lint(chartDirectory: URL(fileURLWithPath: folder.path + "/repo/charts/web"))

        #expect(result.arguments == ["lint", "charts/web"])
        #expect(try Self.recorded(folder, "args.txt") == "lint\ncharts/web\n")
        #expect(try Self.recorded(folder, "cwd.txt") == folder.path + "/repo\n")
        #expect(result.exitStatus == 0)
        #expect(!result.timedOut)
        #expect(result.summary.problems.isEmpty)
        let chart = try #require(result.summary.chart("charts/web"))
        #expect(chart.status == .failed)
        #expect(chart.messages.map(\.isFailCall) == [true, false])
        #expect(chart.messages.first?.source == .file("helm lint charts/web", line: 1))
    }

    @Test func templateKeepsNoManifestsAndNamesUnattributedErrorsAfterTheChart() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("web")
        // About 6 MB of rendered manifests, then an error that names no file.
        let helm = try Self.fakeHelm(
            in: folder,
            """
            i=0
            while [ $i -lt 100 ]; do
              printf -- '---\\n# Source: web/templates/cm%d.yaml\\n' $i
              yes '  key: value value value value value value value value' | head -n 2000
              i=$((i + 1))
            done
            echo 'Error: validation: chart.metadata.version is required' >&2
            exit 1
            """)
        let chart = URL(fileURLWithPath: folder.path + "/web")
        let result = HelmRunner(executable: helm, timeout: .seconds(60)).template(chartDirectory: chart)
        #expect(result.arguments == ["template", chart.path])
        #expect(result.exitStatus == 1)
        #expect(result.summary.problems.isEmpty)
        // `# Source: web/…` and the absolute path given to helm are one chart, named as given.
        #expect(result.summary.charts.map(\.chart) == [chart.path])
        #expect(result.summary.charts.first?.status == .failed)
        #expect(result.summary.charts.first?.messages.map(\.text) == ["validation: chart.metadata.version is required"])
    }

    @Test func aRunPastTheTimeoutIsKilledAndReported() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("web")
        let helm = try Self.fakeHelm(in: folder, "echo \"==> Linting $2\"\nexec sleep 30")
        let started = ContinuousClock.now
        let chart = URL(fileURLWithPath: folder.path + "/web")
        let result = HelmRunner(executable: helm, timeout: .milliseconds(500)).lint(chartDirectory: chart)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(result.timedOut)
        #expect(result.exitStatus == nil)
        #expect(result.summary.problems.contains { $0.message.contains("did not finish within 0.5 seconds") })
        // What came before the kill is kept; the block never got its summary line.
        #expect(result.summary.charts.map(\.chart) == [chart.path])
        #expect(result.summary.problems.contains { $0.message.contains("without its \"N chart(s) linted\" summary") })
    }

    @Test func nonZeroExitWithoutAFailureInTheOutputIsAProblem() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("web")
        let helm = try Self.fakeHelm(in: folder, "exit 3")
        let result = HelmRunner(executable: helm, timeout: .seconds(20))
            .lint(chartDirectory: URL(fileURLWithPath: folder.path + "/web"))
        #expect(result.exitStatus == 3)
        #expect(!result.timedOut)
        #expect(result.summary.problems.contains { $0.message.contains("exited with status 3") })
    }

    @Test func aMissingExecutableIsAProblemNotACrash() {
        let result = HelmRunner(executable: URL(fileURLWithPath: "/nonexistent/helm"), timeout: .seconds(5))
            .lint(chartDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(result.exitStatus == nil)
        #expect(result.summary.problems.contains { $0.message.contains("could not start /nonexistent/helm") })
    }

    @Test func chartArgumentIsRelativeOnlyInsideTheWorkingDirectory() {
        let runner = HelmRunner(
            executable: URL(fileURLWithPath: "/usr/bin/helm"), timeout: .seconds(1),
            workingDirectory: URL(fileURLWithPath: "/repo"))
        #expect(runner.chartArgument(URL(fileURLWithPath: "/repo/charts/web")) == "charts/web")
        #expect(runner.chartArgument(URL(fileURLWithPath: "/repo")) == ".")
        #expect(runner.chartArgument(URL(fileURLWithPath: "/repo/-web")) == "./-web")
        #expect(runner.chartArgument(URL(fileURLWithPath: "/repository/web")) == "/repository/web")
        #expect(runner.chartArgument(URL(fileURLWithPath: "/repo/charts/../web")) == "web")
    }

    /// Runs only where a real `helm` is on PATH (none on the project's machines by default).
    @Test(.enabled(if: HelmLocator.executable(path: ProcessInfo.processInfo.environment["PATH"]) != nil))
    func realHelmFailCallIsCaughtByLintAndTemplate() throws {
        let helm = try #require(HelmLocator.executable(path: ProcessInfo.processInfo.environment["PATH"]))
        let folder = try TemporaryFolder()
        try folder.write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\nicon: https://example.com/i.png\n")
        try folder.write("charts/web/values.yaml", "foo: {}\n")
        try folder.write("charts/web/templates/check.yaml", "{{- if not .Values.foo.enabled }}\n  {{ fail \"must set foo\" }}\n{{- end }}\n")
        let runner = HelmRunner(
            executable: helm, timeout: .seconds(60), workingDirectory: URL(fileURLWithPath: folder.path))
        let chart = URL(fileURLWithPath: folder.path + "/charts/web")

        let lint = runner.lint(chartDirectory: chart)
        #expect(lint.exitStatus == 0)
        #expect(lint.summary.problems.isEmpty)
        #expect(lint.summary.chart("charts/web")?.status == .failed)
        #expect(lint.summary.chart("charts/web")?.messages.first?.isFailCall == true)

        let template = runner.template(chartDirectory: chart)
        #expect(template.exitStatus == 1)
        let message = template.summary.chart("charts/web")?.messages.first
        #expect(message?.isFailCall == true)
        #expect(message?.file == "templates/check.yaml")
        #expect(message?.line == 2)
    }
}
