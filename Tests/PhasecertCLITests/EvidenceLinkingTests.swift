import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// `phasecert scan --json` on a repository with result files, coverage and Helm output: each figure lands on
/// the task whose commits touched the test file, the covered file or the chart, and on its phase.
struct EvidenceLinkingTests {
    static let goResults = """
        {"Time":"2026-01-05T10:00:00Z","Action":"start","Package":"example.com/shop/cart"}
        {"Time":"2026-01-05T10:00:00Z","Action":"run","Package":"example.com/shop/cart","Test":"TestAdd"}
        {"Time":"2026-01-05T10:00:00Z","Action":"pass","Package":"example.com/shop/cart","Test":"TestAdd","Elapsed":0}
        {"Time":"2026-01-05T10:00:00Z","Action":"run","Package":"example.com/shop/cart","Test":"TestRemove"}
        {"Time":"2026-01-05T10:00:00Z","Action":"pass","Package":"example.com/shop/cart","Test":"TestRemove","Elapsed":0}
        {"Time":"2026-01-05T10:00:00Z","Action":"run","Package":"example.com/shop/cart","Test":"TestTotal"}
        {"Time":"2026-01-05T10:00:00Z","Action":"output","Package":"example.com/shop/cart","Test":"TestTotal","Output":"cart_test.go:9: total was 9\\n"}
        {"Time":"2026-01-05T10:00:00Z","Action":"fail","Package":"example.com/shop/cart","Test":"TestTotal","Elapsed":0}
        {"Time":"2026-01-05T10:00:00Z","Action":"fail","Package":"example.com/shop/cart","Elapsed":0.01}

        """

    static let pytestResults = """
        <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="0" skipped="1" tests="2">\
        <testcase classname="tests.test_api" name="test_get" time="0.01"/>\
        <testcase classname="tests.test_api" name="test_post" time="0.01"><skipped message="later"/></testcase>\
        </testsuite></testsuites>

        """

    static let otherResults = """
        <testsuite name="Other" tests="1"><testcase classname="com.other.Thing" name="works"/></testsuite>

        """

    /// Phase 1: TN-001 (Go cart package) and TN-002 (Python API); phase 2: TN-003 (a chart), TN-004 (nothing).
    func fixtureRepository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", """
            # Tasks

            ## Phase 1: Services

            - [x] **TN-001** Cart
            - [x] **TN-002** API

            ## Phase 2: Packaging

            - [ ] **TN-003** Web chart
            - [ ] **TN-004** Docs
            """)
        _ = try repository.commit("TN-000: master list")
        try repository.write("go.mod", "module example.com/shop\n")
        try repository.write("cart/cart.go", "package cart\n\nfunc Add(a, b int) int {\n\treturn a + b\n}\n")
        try repository.write("cart/cart_test.go", """
            package cart

            import "testing"

            func TestAdd(t *testing.T)    {}
            func TestRemove(t *testing.T) {}
            func TestTotal(t *testing.T)  {}
            // func TestCommented(t *testing.T) {}

            """)
        _ = try repository.commit("TN-001: cart package with tests")
        try repository.write("api.py", "def get():\n    return 1\n")
        try repository.write("tests/test_api.py", "def test_get():\n    pass\n\n\ndef test_post():\n    pass\n\n\ndef test_put():\n    pass\n")
        _ = try repository.commit("TN-2: api with three tests")
        try repository.write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n")
        try repository.write("charts/web/templates/deployment.yaml", "kind: Deployment\n")
        _ = try repository.commit("TN-003: web chart")
        try repository.write("results/go-test.jsonl", Self.goResults)
        try repository.write("results/pytest.xml", Self.pytestResults)
        try repository.write("results/other.xml", Self.otherResults)
        try repository.write("results/broken.xml", "<testsuite name=\"B\">\n<testcase name=\"a\"/>\n<testcase name=")
        try repository.write("coverage.out", """
            mode: set
            example.com/shop/cart/cart.go:3.25,5.2 1 1
            example.com/shop/other/other.go:3.25,5.2 1 0

            """)
        try repository.write("ci/helm-lint.txt", """
            ==> Linting charts/web
            [INFO] Chart.yaml: icon is recommended
            [WARNING] templates/deployment.yaml: object name does not conform to Kubernetes naming requirements

            1 chart(s) linted, 0 chart(s) failed

            """)
        try repository.write("docs/notes.md", "=== RUN   TestNotEvidence\n--- PASS: TestNotEvidence (0.00s)\n")
        _ = try repository.commit("chore: CI results")
        return repository
    }

    func scan(_ repository: GitRepositoryBuilder) throws -> Workspace {
        let result = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        #expect(result.code == 0)
        return try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
    }

    @Test func perTaskTestsBlocksCountLinkedResultsAndDefinedTests() throws {
        let workspace = try scan(try fixtureRepository())
        let tests = workspace.tasks.map(\.tests)
        #expect(workspace.tasks.map(\.id) == ["TN-001", "TN-002", "TN-003", "TN-004"])
        // Go results reach TN-001 through the package folder cart/ and its test file.
        #expect(tests[0] == TestEvidence(passed: 2, failed: 1, errored: 0, skipped: 0, flaky: 0, defined: 3))
        // pytest's class name tests.test_api points at tests/test_api.py, which defines three tests.
        #expect(tests[1] == TestEvidence(passed: 1, failed: 0, errored: 0, skipped: 1, flaky: 0, defined: 3))
        // A chart task with no test file and no linked result has no test evidence at all.
        #expect(tests[2] == nil)
        #expect(tests[3] == nil)
    }

    @Test func phasesAddUpTheirTasksAndTheWorkspaceCountsUnlinkedResults() throws {
        let workspace = try scan(try fixtureRepository())
        #expect(workspace.phases.map(\.tests) == [
            TestEvidence(passed: 3, failed: 1, errored: 0, skipped: 1, flaky: 0, defined: 6), nil,
        ])
        let tests = try #require(workspace.tests)
        // 3 Go + 2 pytest + 1 other + 1 read from the broken file before it ends.
        #expect(tests.counts == TestCounts(passed: 5, failed: 1, errored: 0, skipped: 1, flaky: 0))
        #expect(tests.unlinked == TestCounts(passed: 2))
        #expect(tests.defined == 6)
        #expect(tests.files == 4)
        #expect(workspace.findings.contains { $0.rule == .testsUnlinked })
        #expect(workspace.testFailures.map(\.name) == ["TestTotal"])
        #expect(workspace.testFailures.first?.tasks == ["TN-001"])
        // The line of the test's `run` event.
        #expect(workspace.testFailures.first?.source == .file("results/go-test.jsonl", line: 6))
    }

    @Test func coverageAndHelmGoToTheTasksThatTouchedTheFiles() throws {
        let workspace = try scan(try fixtureRepository())
        #expect(workspace.tasks[0].coverage == CoverageSummary(linesFound: 3, linesHit: 3, files: 1))
        #expect(workspace.tasks[1].coverage == nil)
        #expect(workspace.coverage == CoverageSummary(linesFound: 6, linesHit: 3, files: 2))
        #expect(workspace.tasks[2].helm == [ChartStatusReference(chart: "charts/web", status: .warnings)])
        #expect(workspace.phases[1].helm == [ChartStatusReference(chart: "charts/web", status: .warnings)])
        #expect(workspace.tasks[0].helm == nil)
        let chart = try #require(workspace.helm.first)
        #expect(chart.path == "charts/web")
        #expect(chart.warnings == 1)
        #expect(chart.notes.first?.line == nil)
        #expect(chart.notes.first?.file == "templates/deployment.yaml")
    }

    @Test func evidenceIsFoundByContentAndMalformedFilesBecomeFindings() throws {
        let workspace = try scan(try fixtureRepository())
        #expect(workspace.evidence.map(\.path) == [
            "ci/helm-lint.txt", "coverage.out", "results/broken.xml", "results/go-test.jsonl", "results/other.xml",
            "results/pytest.xml",
        ])
        #expect(workspace.evidence.map(\.kind) == ["helm", "go-coverprofile", "junit", "go-test-json", "junit", "junit"])
        let broken = workspace.findings.filter { $0.rule == .evidenceMalformed }
        #expect(broken.count == 1)
        #expect(broken.first?.file == "results/broken.xml")
        #expect(broken.first?.line == 3)
        #expect(broken.first?.severity == .major)
    }

    @Test func configGlobsNarrowAndExclude() throws {
        let repository = try fixtureRepository()
        try repository.write("phasecert.yml", """
            evidence:
              include: ["results/*.xml"]
              exclude: ["results/broken.xml"]

            """)
        let workspace = try scan(repository)
        #expect(workspace.evidence.map(\.path) == ["results/other.xml", "results/pytest.xml"])
        #expect(workspace.tasks[0].tests == TestEvidence(defined: 3))
        #expect(workspace.coverage == nil)
        #expect(workspace.helm.isEmpty)
    }

    @Test func withoutGitNothingIsLinkedButTheWorkspaceStillCounts() throws {
        let repository = try fixtureRepository()
        try FileManager.default.removeItem(atPath: repository.path + "/.git")
        let workspace = try scan(repository)
        #expect(workspace.tasks.allSatisfy { $0.tests == nil && $0.coverage == nil && $0.helm == nil })
        #expect(workspace.tests?.counts.executed == 7)
        #expect(!workspace.findings.contains { $0.rule == .testsUnlinked })
    }
}

extension EvidenceLinkingTests {
    @Test func scanOutputWithEvidenceValidatesAgainstTheSchema() throws {
        let repository = try fixtureRepository()
        let result = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/phase-model.schema.json")
        let errors = try JSONSchemaValidator(schemaFile: schema).validate(json: Data(result.out.utf8))
        #expect(errors == [])
        #expect(result.out.contains("\"testFailures\""))
    }

    @Test func evidenceCommandListsWhatWasFoundAndExitsOneOnProblems() throws {
        let repository = try fixtureRepository()
        let listed = CapturedConsole.run(["evidence", "--repo", repository.path], in: "/")
        #expect(listed.code == 1)
        #expect(listed.out == """
            File                   Kind             Holds                                     Problems
            ---------------------  ---------------  ----------------------------------------  --------
            ci/helm-lint.txt       helm             charts/web: warnings
            coverage.out           go-coverprofile  3/6 lines (50%) in 2 files
            results/broken.xml     junit            1 passed, 0 failed, 0 errored, 0 skipped  1
            results/go-test.jsonl  go-test-json     2 passed, 1 failed, 0 errored, 0 skipped
            results/other.xml      junit            1 passed, 0 failed, 0 errored, 0 skipped
            results/pytest.xml     junit            1 passed, 0 failed, 0 errored, 1 skipped

            """)
        #expect(listed.err.contains("phasecert: results/broken.xml:3: malformed XML at line 3"))
        let one = CapturedConsole.run(["evidence", "results/pytest.xml"], in: repository.path)
        #expect(one.code == 0)
        #expect(one.out.contains("1 passed, 0 failed, 0 errored, 1 skipped"))
        let missing = CapturedConsole.run(["evidence", "nope.xml"], in: repository.path)
        #expect(missing.code == 3)
        #expect(missing.err.contains("nope.xml: cannot be read"))
        let notEvidence = CapturedConsole.run(["evidence", "go.mod"], in: repository.path)
        #expect(notEvidence.code == 1)
        #expect(notEvidence.err.contains("not recognised"))
    }
}

extension EvidenceLinkingTests {
    /// With `evidence.runHelm`, the `helm` on PATH is run on each chart and its output read like a captured file.
    @Test func helmOnPathIsRunWhenConfigAsks() throws {
        let repository = try fixtureRepository()
        try FileManager.default.removeItem(atPath: repository.path + "/ci/helm-lint.txt")
        try repository.write("phasecert.yml", "evidence:\n  runHelm: true\n")
        let bin = try TemporaryFolder()
        let log = bin.path + "/calls"
        _ = try bin.write("helm", """
            #!/bin/sh
            echo "$*" >> \(log)
            if [ "$1" = lint ]; then
              echo "==> Linting $2"
              echo "[ERROR] templates/deployment.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context"
              echo
              echo "Error: 1 chart(s) linted, 1 chart(s) failed"
              exit 1
            fi
            echo "---"
            echo "# Source: web/templates/deployment.yaml"
            echo "kind: Deployment"

            """)
        chmod(bin.path + "/helm", 0o755)
        let result = CapturedConsole.run(
            ["scan", "--json", "--repo", repository.path], in: "/", environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(result.code == 0)
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "lint charts/web\ntemplate charts/web\n")
        #expect(workspace.helm.map(\.chart) == ["charts/web"])
        #expect(workspace.helm.first?.status == .failed)
        #expect(workspace.helm.first?.errors == 1)
        #expect(workspace.tasks[2].helm == [ChartStatusReference(chart: "charts/web", status: .failed)])

        let withoutHelm = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/", environment: ["PATH": "/nonexistent"])
        #expect(withoutHelm.err.contains("no helm is on PATH"))
    }
}
