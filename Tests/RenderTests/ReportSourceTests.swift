import Foundation
import PhaseModel
import Testing
@testable import Render

/// What a task or audit report is made from (`ReportSource`): the report is built from the
/// source alone, so a source's key decides whether a report rendered before can stand in for a
/// new one. These tests hold the two halves of that promise: what the report shows is in the
/// source's JSON, and the key changes with it, but not with what the report does not show.
struct ReportSourceTests {
    /// The fixture's input with claims that carry line counts, which the JSON does not hold: a
    /// report that read them would render differently from a source read back from its JSON.
    static func input() -> ReportInput {
        let claims = AuditFixture.claims.map { claim in
            var claim = claim
            claim.lineCounts = LineCounts(physical: 1_901, nonBlank: 1_900, withoutLineComments: 1_850, code: 1_700)
            return claim
        }
        return AuditFixture.input(claims: claims)
    }

    static func readBack<Source: ReportSource>(_ source: Source) throws -> Source {
        try JSONDecoder().decode(Source.self, from: CanonicalJSON.encode(source, pretty: false))
    }

    static func render(_ source: TaskReportSource, _ locale: ReportLocale) throws -> String {
        let templates = try ReportTemplates(locale: locale)
        return try templates.render("task", TaskView(source: source, text: ViewText(catalog: templates.catalog)))
    }

    static func render(_ source: AuditReportSource, _ locale: ReportLocale) throws -> String {
        let templates = try ReportTemplates(locale: locale)
        return try templates.render("audit", AuditView(source: source, text: ViewText(catalog: templates.catalog)))
    }

    @Test(arguments: [ReportLocale.en, .ru])
    func aSourceReadBackFromItsJSONRendersTheSameReport(locale: ReportLocale) throws {
        let input = Self.input()
        for task in ["TN-001", "TN-002", "TN-003"] {
            let source = try TaskReportSource(task: task, input: input)
            let report = try Self.render(source, locale)
            #expect(try Self.render(Self.readBack(source), locale) == report)
            // And the source renders what the report of the whole input renders.
            #expect(report == (try AuditFixture.task(task, locale, input: input)))
        }
        let audit = try AuditReportSource(phase: "13", input: input)
        let report = try Self.render(audit, locale)
        #expect(try Self.render(Self.readBack(audit), locale) == report)
        #expect(report == (try AuditFixture.audit(locale, input: input)))
    }

    func taskKey(_ input: ReportInput, task: String = "TN-001", salt: String = "build", document: String = "13/tasks/TN-001.en", locale: ReportLocale = .en) throws -> String {
        try #require(TaskReportSource(task: task, input: input).key(salt: salt, document: document, locale: locale))
    }

    func auditKey(_ input: ReportInput) throws -> String {
        try #require(AuditReportSource(phase: "13", input: input).key(salt: "build", document: "13/audit.en", locale: .en))
    }

    @Test func theSameInputGivesTheSameKeyAndAnotherBuildDocumentOrLanguageAnother() throws {
        let key = try taskKey(Self.input())
        #expect(key == (try taskKey(Self.input())))
        #expect(key.count == 64)
        #expect(key != (try taskKey(Self.input(), salt: "another build")))
        #expect(key != (try taskKey(Self.input(), document: "13/tasks/TN-001.ru")))
        #expect(key != (try taskKey(Self.input(), locale: .ru)))
        #expect(try auditKey(Self.input()) == auditKey(Self.input()))
    }

    @Test func aTaskReportsKeyChangesWithWhatItShows() throws {
        let input = Self.input()
        let key = try taskKey(input)

        var history = input
        history.histories["TN-001"]?.commits[1].subject = "TN-001: 40/40 tests passing"
        #expect(try taskKey(history) != key)

        // A dependency's state is shown beside it.
        var dependency = input
        dependency.workspace.tasks[1].completion = 0.5
        #expect(try taskKey(dependency) != key)

        var certified = input
        certified.workspace.phases[0].certification?.id = "13-20251201-67PCT-D-0a1b2c3e"
        #expect(try taskKey(certified) != key)

        var finding = input
        finding.workspace.findings[3].message = LocalizedText(en: "2 tests of TN-001 do not pass", ru: "2 теста не проходят")
        #expect(try taskKey(finding) != key)

        var tool = input
        tool.tool = ToolVersion(version: "9.9.9", commit: "abcdef012345")
        #expect(try taskKey(tool) != key)
    }

    @Test func aTaskReportsKeyStaysWhenOnlyWhatItDoesNotShowChanges() throws {
        let input = Self.input()
        let key = try taskKey(input)
        // Another task’s history, a claim, the phase’s grade: not in TN-001’s report.
        var other = input
        other.histories["TN-002"] = AuditFixture.history
        other.workspace.claims.removeLast()
        other.workspace.phases[0].grade = "F"
        #expect(try taskKey(other) == key)
    }

    @Test func anAuditReportsKeyChangesWithItsClaimsAndArithmeticFindingsAlone() throws {
        let input = Self.input()
        let key = try auditKey(input)

        var verdict = input
        verdict.workspace.claims[0].verdict = .verified
        #expect(try auditKey(verdict) != key)

        var arithmetic = input
        arithmetic.workspace.findings[0].message = LocalizedText(en: "“7,321” states 7,321, but the figures give 7,204", ru: "7 204")
        #expect(try auditKey(arithmetic) != key)

        var renamed = input
        renamed.workspace.phases[0].name = "Packaging"
        #expect(try auditKey(renamed) != key)

        // A history, a finding of another rule, a task's completion: not in the audit report.
        var unshown = input
        unshown.histories["TN-001"] = nil
        unshown.workspace.findings[3].message = LocalizedText(en: "2 tests of TN-001 do not pass", ru: "2 теста не проходят")
        unshown.workspace.tasks[0].completion = 1
        #expect(try auditKey(unshown) == key)
    }
}
