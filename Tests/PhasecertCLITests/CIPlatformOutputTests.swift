import Foundation
import Testing
import TestSupport
@testable import PhasecertCLI

/// `--ci` output per CI service: GitHub Actions workflow commands only where GitHub Actions runs
/// (`GITHUB_ACTIONS=true`), GitLab log sections and no `::` line where GitLab CI runs.
struct CIPlatformOutputTests {
    static let gitLab = ["CI": "true", "GITLAB_CI": "true"]
    static let gitHub = ["CI": "true", "GITHUB_ACTIONS": "true"]

    /// Every line of both streams, section markers split off, so a `::` after one is seen too.
    static func lines(_ run: (code: Int32, out: String, err: String)) -> [String] {
        (run.out + "\n" + run.err).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    @Test func thePlatformFollowsTheRunnersVariables() {
        #expect(CIPlatform.chosen(flag: false, environment: [:]) == nil)
        #expect(CIPlatform.chosen(flag: false, environment: ["CI": "true"]) == nil)
        #expect(CIPlatform.chosen(flag: false, environment: Self.gitHub) == .gitHubActions)
        #expect(CIPlatform.chosen(flag: false, environment: Self.gitLab) == .gitLab)
        #expect(CIPlatform.chosen(flag: true, environment: ["GITLAB_CI": "true"]) == .gitLab)
        #expect(CIPlatform.chosen(flag: true, environment: [:]) == .gitHubActions)
        #expect(CIPlatform.chosen(flag: false, environment: ["GITHUB_ACTIONS": "true"]) == nil)
    }

    @Test func phaseCloseOnGitLabPrintsSectionsAndNoWorkflowCommand() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let summary = fixture.path + "/summary.md"
        var environment = Self.gitLab
        environment["GITHUB_STEP_SUMMARY"] = summary
        let run = CapturedConsole.run(["phase-close", "--all"], in: fixture.path, environment: environment)
        #expect(run.code == 1, "\(run.err)")
        #expect(!Self.lines(run).contains { $0.hasPrefix("::") }, "\(run.out)")
        #expect(!run.out.contains("::warning") && !run.out.contains("::error") && !run.err.contains("::"))
        // The verdicts, each in a section; the findings of phase 1 (docs.missing) folded.
        #expect(run.out.contains("\u{1B}[0Ksection_start:"))
        #expect(run.out.contains(":phasecert_verdict_phase-1\r\u{1B}[0Kphasecert: gate verdict of phase 1\n"))
        #expect(run.out.contains(":phasecert_verdict_phase-2\r\u{1B}[0K"))
        #expect(run.out.contains(":phasecert_findings_phase-1[collapsed=true]\r\u{1B}[0Kphasecert: 1 finding of phase 1"))
        #expect(run.out.contains("[minor] docs.missing TN-002 tasks/TN-002-balance-queries/tasks.md:1: "))
        let starts = run.out.components(separatedBy: "section_start:").count - 1
        let ends = run.out.components(separatedBy: "section_end:").count - 1
        #expect(starts == ends && starts >= 3)
        #expect(run.out.contains("Phase 1 — Ledger: gate passed"))
        // GitLab has no step summary.
        #expect(!FileManager.default.fileExists(atPath: summary))
    }

    @Test func ciTrueAloneOnAnotherServiceAddsNothing() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let run = CapturedConsole.run(["phase-close", "1"], in: fixture.path, environment: ["CI": "true"])
        #expect(run.code == 0, "\(run.err)")
        #expect(!run.out.contains("::") && !run.out.contains("section_start"))
    }

    @Test func phaseCloseOnGitHubAnnotates() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let run = CapturedConsole.run(["phase-close", "1"], in: fixture.path, environment: Self.gitHub)
        #expect(run.out.contains("::warning file=tasks/TN-002-balance-queries"))
        #expect(!run.out.contains("section_start"))
    }

    @Test func checkNamesOnGitLabPutsTheReportInASectionAndKeepsDocumentsWhole() throws {
        let (root, keep) = try CheckNamesCommandTests.fixture()
        let text = CapturedConsole.run(["check-names", "--repo", root], in: "/", environment: Self.gitLab)
        #expect(text.code == 1)
        #expect(!Self.lines(text).contains { $0.hasPrefix("::") })
        #expect(text.out.contains(":phasecert_check_names\r\u{1B}[0Kphasecert check-names\n"))
        #expect(text.out.contains("section_end:"))
        #expect(text.out.contains("TN-99-redis-statefulset"))

        let json = CapturedConsole.run(["check-names", "--ci", "--format", "json", "--repo", root], in: "/", environment: Self.gitLab)
        #expect(!Self.lines(json).contains { $0.hasPrefix("::") })
        #expect(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) is [String: Any])
        withExtendedLifetime(keep) {}
    }
}
