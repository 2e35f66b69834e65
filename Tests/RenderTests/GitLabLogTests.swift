import Foundation
import PhaseModel
import Testing
@testable import Render

/// GitLab CI job-log output: collapsible section markers and findings as plain lines.
struct GitLabLogTests {
    let date = Date(timeIntervalSince1970: 1_700_000_000.7)

    @Test func sectionsAreMarkedAsGitLabsRunnerMarksThem() {
        let section = GitLabLog.Section(name: "phasecert_findings_phase-1", header: "phasecert: 3 findings", collapsed: true)
        #expect(section.start(at: date) == "\u{1B}[0Ksection_start:1700000000:phasecert_findings_phase-1[collapsed=true]\r\u{1B}[0Kphasecert: 3 findings")
        #expect(section.end(at: date) == "\u{1B}[0Ksection_end:1700000000:phasecert_findings_phase-1\r\u{1B}[0K")
        #expect(!GitLabLog.Section(name: "open", header: "h").start(at: date).contains("collapsed"))
    }

    @Test func namesKeepOnlyWhatGitLabAllowsAndHeadersStayOnOneLine() {
        let section = GitLabLog.Section(name: "phase 14/6:ы", header: "two\nlines\u{1B}[31m")
        #expect(section.name == "phase_14_6__")
        #expect(!section.header.contains("\n"))
        #expect(!section.header.contains("\u{1B}"))
    }

    @Test func findingsAreLinesWithTheirAnchorAndNoWorkflowCommand() {
        let findings = [
            Finding(rule: .docsMissing, severity: .minor, task: "TN-002", at: .file("tasks/TN-002-x", line: nil),
                    message: LocalizedText(en: "requirements.md is missing", ru: "нет requirements.md")),
            Finding(rule: .testsFailing, severity: .critical, task: "TN-001", at: .file("t/a_test.go", line: 4),
                    message: LocalizedText(en: "::error::1 test fails\nsecond", ru: "1 тест падает")),
        ]
        let lines = GitLabLog.findingLines(findings, locale: .en, locator: FindingLocator(masterList: "tasks/TASKS.md"))
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("[critical] tests.failing TN-001 t/a_test.go:4: ::error::1 test fails"))
        #expect(lines[1] == "[minor] docs.missing TN-002 tasks/TN-002-x:1: requirements.md is missing")
        #expect(lines.allSatisfy { !$0.hasPrefix("::") && !$0.contains("\n") })
    }
}
