import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Render

/// Findings as a GitLab Code Quality report: GitLab's documented fields, severities, stable and
/// unique fingerprints.
struct CodeQualityReportTests {
    let findings = SARIFUploadRequirementsTests.findings
    let locator = SARIFUploadRequirementsTests.locator

    func issues(_ data: Data) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test(arguments: ReportLocale.allCases)
    func everyFindingIsAnEntryGitLabReads(locale: ReportLocale) throws {
        let data = try CodeQualityReport.data(findings, locale: locale, locator: locator)
        #expect(GitLabCodeQualityRequirements.problems(in: data) == [])
        #expect(try issues(data).count == findings.count)
    }

    @Test func severitiesMapOneToOne() {
        #expect(Severity.allCases.map(CodeQualityReport.severity) == ["critical", "major", "minor", "info"])
    }

    @Test func entriesCarryTheRuleTheMessageAndTheAnchor() throws {
        let finding = Finding(
            rule: .testsFailing, severity: .critical, task: "TN-001", at: .file("tests/a_test.go", line: 9),
            message: LocalizedText(en: "2 tests fail\nsecond line", ru: "2 теста падают"))
        let entry = try #require(try issues(CodeQualityReport.data([finding], locator: locator)).first)
        #expect(entry["check_name"] as? String == "tests.failing")
        #expect(entry["severity"] as? String == "critical")
        #expect(entry["type"] as? String == "issue")
        // One line: the widget shows the description as it is.
        #expect((entry["description"] as? String)?.contains("\n") == false)
        let location = try #require(entry["location"] as? [String: Any])
        #expect(location["path"] as? String == "tests/a_test.go")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 9)
        #expect((entry["fingerprint"] as? String)?.count == 64)
    }

    @Test func fingerprintsAreStableAcrossRunsAndLocalesAndARepeatIsListedOnce() throws {
        let english = try issues(CodeQualityReport.data(findings, locale: .en, locator: locator)).map { $0["fingerprint"] as? String }
        let russian = try issues(CodeQualityReport.data(findings.reversed(), locale: .ru, locator: locator)).map { $0["fingerprint"] as? String }
        #expect(english == russian)
        #expect(try CodeQualityReport.data(findings + findings, locator: locator) == CodeQualityReport.data(findings, locator: locator))
    }

    @Test func twoFindingsOnDifferentLinesKeepDifferentFingerprints() throws {
        let first = Finding(rule: .claimContradicted, severity: .major, at: .file("REPORT.md", line: 3), message: LocalizedText(en: "m", ru: "m"))
        var second = first
        second.line = 4
        let data = try CodeQualityReport.data([first, second], locator: locator)
        #expect(try issues(data).count == 2)
        #expect(GitLabCodeQualityRequirements.problems(in: data) == [])
    }

    @Test func noFindingsIsAnEmptyArray() throws {
        #expect(try issues(CodeQualityReport.data([])).isEmpty)
    }
}
