import Foundation
import PhaseModel
import Scan
import Testing
@testable import Score

struct HelmRulesTests {
    /// `helm lint charts/nilptr` as Helm v3.17.1 prints it, captured in ci/helm-lint.txt.
    static let lintNilPointer = HelmNote(
        severity: .error, file: "templates/deployment.yaml", line: 6, column: 17,
        text: "template: nilptr/templates/deployment.yaml:6:17: executing \"nilptr/templates/deployment.yaml\" at <.Values.missing.bar>: nil pointer evaluating interface {}.bar",
        source: .file("ci/helm-lint.txt", line: 2))

    /// `helm template charts/parseerr` run by phasecert itself.
    static let renderParseError = HelmNote(
        severity: .error, file: "templates/broken.yaml", line: 15,
        text: "parse error at (parseerr/templates/broken.yaml:15): function \"foo\" not defined",
        source: .file("helm template charts/parseerr", line: 1))

    func workspace(charts: [ChartValidation], touchedBy touching: [String: [String]]) -> Workspace {
        let tasks = ["TN-001", "TN-002"].enumerated().map { offset, id in
            var task = RulesFixture.task(id, line: 3 + offset, checked: false)
            let charts = charts.filter { touching[$0.chart]?.contains(id) == true }
            task.helm = charts.isEmpty ? nil : charts.map { ChartStatusReference(chart: $0.chart, status: $0.status) }
            return task
        }
        var workspace = RulesFixture.workspace(tasks)
        workspace.helm = charts
        return workspace
    }

    func chart(_ path: String?, chart: String? = nil, status: ChartStatus = .failed, errors: Int? = nil, notes: [HelmNote]) -> ChartValidation {
        ChartValidation(
            chart: chart ?? path ?? "web", path: path, status: status, errors: errors ?? notes.count, warnings: 0, notes: notes)
    }

    func helmFindings(_ workspace: Workspace) -> [Finding] {
        EvidenceRules.findings(in: workspace, configuration: .init()).filter { $0.rule.rawValue.hasPrefix("helm.") }
    }

    @Test func aLintErrorOfATouchedChartIsCriticalForTheTaskAtTheTemplateLine() throws {
        let chart = chart("charts/nilptr", notes: [Self.lintNilPointer])
        let findings = helmFindings(workspace(charts: [chart], touchedBy: ["charts/nilptr": ["TN-002"]]))
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == .helmLintFailed)
        #expect(finding.severity == .critical)
        #expect(finding.task == "TN-002")
        #expect(finding.phase == "13")
        #expect(finding.file == "charts/nilptr/templates/deployment.yaml")
        #expect(finding.line == 6)
        #expect(finding.message.en.hasPrefix("Helm chart charts/nilptr fails helm lint (errors: 1). First: templates/deployment.yaml:6: \"template: nilptr/templates/deployment.yaml:6:17"))
        #expect(finding.message.ru.hasPrefix("Helm-чарт charts/nilptr не проходит helm lint (ошибок: 1). Первая: templates/deployment.yaml:6: «template:"))
        #expect(finding.remediation?.en.contains("helm lint charts/nilptr") == true)
        #expect(finding.remediation?.ru.contains("helm lint charts/nilptr") == true)
    }

    @Test func aTemplateErrorIsARenderFailure() throws {
        let chart = chart("charts/parseerr", notes: [Self.renderParseError])
        let finding = try #require(helmFindings(workspace(charts: [chart], touchedBy: ["charts/parseerr": ["TN-001"]])).first)
        #expect(finding.rule == .helmRenderFailed)
        #expect(finding.severity == .critical)
        #expect(finding.task == "TN-001")
        #expect(finding.file == "charts/parseerr/templates/broken.yaml")
        #expect(finding.line == 15)
        #expect(finding.message.en.contains("does not render with helm template (errors: 1)"))
        #expect(finding.message.en.contains("function \"foo\" not defined"))
        #expect(finding.message.ru.contains("не рендерится командой helm template (ошибок: 1)"))
    }

    @Test func aChartFailingBothGivesBothFindingsEachAtItsOwnFirstError() {
        let lintOnly = HelmNote(severity: .error, file: "Chart.yaml", line: nil, text: "version is required", source: .file("out/helm.txt", line: 2))
        let chart = chart("charts/web", notes: [lintOnly, Self.renderParseError])
        let findings = helmFindings(workspace(charts: [chart], touchedBy: ["charts/web": ["TN-001"]]))
        #expect(findings.map(\.rule) == [.helmLintFailed, .helmRenderFailed])
        #expect(findings.map(\.file) == ["charts/web/Chart.yaml", "charts/web/templates/broken.yaml"])
        #expect(findings.map(\.line) == [nil, 15])
    }

    @Test func everyTaskThatTouchedTheChartGetsItsOwnFinding() {
        let chart = chart("charts/nilptr", notes: [Self.lintNilPointer])
        let findings = helmFindings(workspace(charts: [chart], touchedBy: ["charts/nilptr": ["TN-001", "TN-002"]]))
        #expect(findings.map(\.task) == ["TN-001", "TN-002"])
        #expect(findings.map(\.rule) == [.helmLintFailed, .helmLintFailed])
    }

    @Test func aChartNoTaskTouchedGivesOneFindingWithoutTask() throws {
        let chart = chart("charts/nilptr", notes: [Self.lintNilPointer])
        let findings = helmFindings(workspace(charts: [chart], touchedBy: [:]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.task == nil)
        #expect(finding.phase == nil)
        #expect(finding.file == "charts/nilptr/templates/deployment.yaml")
    }

    @Test func passedAndWarningChartsRaiseNothing() {
        let warning = HelmNote(severity: .warning, file: "templates/cm.yaml", line: nil, text: "object name does not conform", source: .file("ci/helm-lint.txt", line: 3))
        let charts = [
            chart("charts/good", status: .passed, notes: []),
            chart("charts/warnonly", status: .warnings, errors: 0, notes: [warning]),
        ]
        #expect(helmFindings(workspace(charts: charts, touchedBy: ["charts/good": ["TN-001"], "charts/warnonly": ["TN-001"]])).isEmpty)
    }

    @Test func aFailedChartWithoutKeptNotesFailsLintAtTheChartFolder() throws {
        let chart = chart("charts/web", errors: 3, notes: [])
        let finding = try #require(helmFindings(workspace(charts: [chart], touchedBy: ["charts/web": ["TN-001"]])).first)
        #expect(finding.rule == .helmLintFailed)
        #expect(finding.file == "charts/web")
        #expect(finding.line == nil)
        #expect(finding.message.en == "Helm chart charts/web fails helm lint (errors: 3).")
        #expect(finding.message.ru == "Helm-чарт charts/web не проходит helm lint (ошибок: 3).")
    }

    @Test func aChartWithoutAFolderPointsAtTheOutputLine() {
        let chart = chart(nil, chart: "nilptr", notes: [Self.lintNilPointer])
        let finding = helmFindings(workspace(charts: [chart], touchedBy: [:])).first
        #expect(finding?.file == "ci/helm-lint.txt")
        #expect(finding?.line == 2)
        #expect(finding?.message.en.hasPrefix("Helm chart nilptr fails helm lint") == true)
    }

    @Test func aChartAtTheRepositoryRootKeepsTheNoteFileAsIs() {
        let chart = chart(".", notes: [Self.renderParseError])
        #expect(HelmRules.location(of: chart.notes.first, chart: chart) == .file("templates/broken.yaml", line: 15))
        let folderNote = HelmNote(severity: .error, file: "templates/", line: nil, text: "validation: x", source: .file("a", line: 1))
        let web = self.chart("charts/web", notes: [folderNote])
        #expect(HelmRules.location(of: folderNote, chart: web) == .file("charts/web/templates", line: nil))
    }

    // MARK: Which command printed a note

    @Test(arguments: [
        // phasecert's own runs say which command they were.
        ("parse error at (web/templates/a.yaml:3): x", "templates/a.yaml", false, "helm lint charts/web", HelmCommand.lint),
        ("parse error at (web/templates/a.yaml:3): x", "templates/a.yaml", false, "helm template charts/web", .template),
        // Forms only helm lint prints.
        ("fail: must set foo", nil, true, "ci/all.txt", .lint),
        ("missing required value: must set name", nil, true, "ci/all.txt", .lint),
        ("version is required", "Chart.yaml", false, "ci/all.txt", .lint),
        ("validation: chart.metadata.version is required", "templates/", false, "ci/all.txt", .lint),
        ("unable to load chart\n\tvalidation: chart.metadata.version is required", nil, false, "ci/all.txt", .lint),
        ("unable to parse YAML: error converting YAML to JSON: yaml: line 7", "templates/bad.yaml", false, "ci/all.txt", .lint),
        // A form only helm template prints.
        ("YAML parse error on yamlerr/templates/bad.yaml: error converting YAML to JSON", "templates/bad.yaml", false, "ci/all.txt", .template),
        // Words both print: the captured file's name decides when it names one command.
        ("template: web/templates/a.yaml:6:17: executing", "templates/a.yaml", false, "ci/helm-lint.txt", .lint),
        ("template: web/templates/a.yaml:6:17: executing", "templates/a.yaml", false, "ci/helm-template.log", .template),
        // Otherwise a template error means the chart does not render.
        ("template: web/templates/a.yaml:6:17: executing", "templates/a.yaml", false, "ci/lint-and-template.txt", .template),
        ("execution error at (web/templates/a.yaml:2:5): must set foo", "templates/a.yaml", true, "ci/all.txt", .template),
        ("validation: chart.metadata.version is required", nil, false, "ci/all.txt", .template),
    ] as [(String, String?, Bool, String, HelmCommand)])
    func theCommandIsInferredFromTheNote(text: String, file: String?, failCall: Bool, source: String, expected: HelmCommand) {
        let note = HelmNote(severity: .error, file: file, line: nil, text: text, failCall: failCall, source: .file(source, line: 1))
        #expect(HelmCommand(of: note) == expected)
    }

    // MARK: Real Helm output

    /// The error notes the linker keeps for the fixture `Tests/Fixtures/helm/<name>`, read as if
    /// captured at `path`.
    func errorNotes(fixture name: String, capturedAs path: String) throws -> [HelmNote] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/helm/\(name)")
        let summary = HelmOutputParser.parse(data: try Data(contentsOf: url), file: path)
        return summary.charts.flatMap(\.messages).filter { $0.severity == .error || $0.isFailCall }.map { message in
            HelmNote(
                severity: message.severity, file: message.file, line: message.line, column: message.column,
                text: message.text, failCall: message.isFailCall, source: message.source)
        }
    }

    @Test(arguments: ["v3.17.1", "v4.1.4"])
    func realLintAndTemplateOutputIsToldApartByItsCapturedName(version: String) throws {
        let lint = try errorNotes(fixture: "lint-\(version)-single-runs.txt", capturedAs: "ci/helm-lint.txt")
        let template = try errorNotes(fixture: "template-\(version).txt", capturedAs: "ci/helm-template.txt")
        #expect(lint.count >= 5)
        #expect(template.count >= 7)
        #expect(lint.allSatisfy { HelmCommand(of: $0) == .lint })
        #expect(template.allSatisfy { HelmCommand(of: $0) == .template })
    }

    @Test(arguments: ["v3.17.1", "v4.1.4"])
    func realFailCallsAndChartErrorsAreLintWhateverTheFileIsCalled(version: String) throws {
        let failCalls = try errorNotes(fixture: "lint-\(version)-fail-call.txt", capturedAs: "ci/output.txt")
        #expect(failCalls.count == 2)
        #expect(failCalls.allSatisfy { HelmCommand(of: $0) == .lint })
        // badchart's `[ERROR] Chart.yaml: version is required` and nosuch's load error.
        let single = try errorNotes(fixture: "lint-\(version)-single-runs.txt", capturedAs: "ci/output.txt")
        let chartErrors = single.filter { $0.file == "Chart.yaml" || $0.text.hasPrefix("unable to check Chart.yaml") }
        #expect(chartErrors.count == 2)
        #expect(chartErrors.allSatisfy { HelmCommand(of: $0) == .lint })
    }
}
