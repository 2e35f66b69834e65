import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// Acceptance of scoring and audit on repositories built at test time (`AssessmentFixture`):
/// `phasecert scan --json` on the dirty repository reports each finding rule where it was
/// injected, with its severity, task, phase, location and values in both languages; every claim
/// kind is read and every verdict given; rule overrides apply; the dirty phases fail their gate
/// and say why; the clean repository has no finding, no claim that does not hold, and a stable
/// certification id.
struct AssessmentFixtureTests {
    /// `phasecert scan --json` of the repository at `path`, with any further arguments.
    static func scan(_ path: String, _ arguments: [String] = []) throws -> Workspace {
        let result = CapturedConsole.run(["scan", "--json", "--repo", path] + arguments, in: "/")
        guard result.code == 0 else { throw ScanFailure(code: result.code, err: result.err) }
        return try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
    }

    struct ScanFailure: Error, CustomStringConvertible {
        var code: Int32
        var err: String
        var description: String { "phasecert scan exited \(code): \(err)" }
    }

    static let dirtyScan: Result<Workspace, any Error> = Result { try scan(AssessmentFixture.dirty.get().path) }
    static let cleanScan: Result<Workspace, any Error> = Result { try scan(AssessmentFixture.clean.get().path) }

    func dirty() throws -> (FixtureRepository, Workspace) {
        (try AssessmentFixture.dirty.get(), try Self.dirtyScan.get())
    }

    func clean() throws -> (FixtureRepository, Workspace) {
        (try AssessmentFixture.clean.get(), try Self.cleanScan.get())
    }

    // MARK: Helpers

    /// The one finding of `rule`: the dirty repository injects each evidence rule exactly once.
    func only(_ rule: FindingRuleID, in workspace: Workspace, sourceLocation: SourceLocation = #_sourceLocation) throws -> Finding {
        let found = workspace.findings.filter { $0.rule == rule }
        #expect(found.count == 1, "\(rule): \(found.map(\.message.en))", sourceLocation: sourceLocation)
        return try #require(found.first, "no \(rule) finding", sourceLocation: sourceLocation)
    }

    /// The finding of `rule` at `file`:`line`.
    func finding(
        _ rule: FindingRuleID, at file: String, line: Int?, in workspace: Workspace, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Finding {
        let here = workspace.findings.filter { $0.file == file && $0.line == line }
        return try #require(
            here.first { $0.rule == rule }, "no \(rule) at \(file):\(line ?? 0); there: \(here.map(\.rule))",
            sourceLocation: sourceLocation)
    }

    /// Checks everything a finding says: severity, task, phase, location, and the values its
    /// messages must carry in each language; and that it says what to do about it.
    func check(
        _ finding: Finding, severity: Severity, task: String?, phase: String?, file: String?, line: Int?,
        en: [String], ru: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(finding.severity == severity, "\(finding.rule)", sourceLocation: sourceLocation)
        #expect(finding.severity == FindingRule.named(finding.rule)?.severity, "catalog default", sourceLocation: sourceLocation)
        #expect(finding.task == task, "\(finding.rule) task", sourceLocation: sourceLocation)
        #expect(finding.phase == phase, "\(finding.rule) phase", sourceLocation: sourceLocation)
        #expect(finding.file == file, "\(finding.rule) file", sourceLocation: sourceLocation)
        #expect(finding.line == line, "\(finding.rule) line", sourceLocation: sourceLocation)
        for value in en {
            #expect(finding.message.en.contains(value), "en lacks \(value): \(finding.message.en)", sourceLocation: sourceLocation)
        }
        for value in ru {
            #expect(finding.message.ru.contains(value), "ru lacks \(value): \(finding.message.ru)", sourceLocation: sourceLocation)
        }
        #expect(finding.message.en != finding.message.ru, "ru is not a translation", sourceLocation: sourceLocation)
        #expect(finding.remediation.map { !$0.en.isEmpty && !$0.ru.isEmpty } == true, "remediation", sourceLocation: sourceLocation)
    }

    /// The claim of `kind` read from the line of `file` that holds `needle`, the first one
    /// `matching` accepts when the line holds several of that kind.
    func claim(
        _ kind: ClaimKind, in file: String, at needle: String, of fixture: FixtureRepository, in workspace: Workspace,
        matching accept: (Claim) -> Bool = { _ in true }, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Claim {
        let line = try #require(fixture.line(of: needle, in: file), "\(needle) is not in \(file)", sourceLocation: sourceLocation)
        let here = workspace.claims.filter { $0.source == .file(file, line: line) }
        return try #require(
            here.first { $0.kind == kind && accept($0) },
            "no \(kind) claim at \(file):\(line); there: \(here.map { "\($0.kind) “\($0.text)” \($0.claimed.map { "\($0)" } ?? "-")" })",
            sourceLocation: sourceLocation)
    }

    /// Whether `value` is `expected` up to binary noise.
    func near(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-6
    }

    static let phase1Report = "docs/PHASE-1-REPORT.md"
    static let phase2Summary = "docs/PHASE-2-SUMMARY.ru.md"
    static let notifyReport = "tasks/TN-015-notifications/COMPLETION-REPORT.md"
    static let refundsReport = "tasks/TN-016-refunds/COMPLETION-REPORT.md"
    static let billingReport = "tasks/TN-004-billing-service/COMPLETION-REPORT.md"
    static let stockReport = "tasks/TN-005-stock-service/COMPLETION-REPORT.md"
    static let checkoutReport = "tasks/TN-006-checkout-flow/COMPLETION-REPORT.md"
}

// MARK: - Every finding rule, once

extension AssessmentFixtureTests {
    @Test func everyInjectedRuleIsFoundInTheDirtyRepository() throws {
        let (_, workspace) = try dirty()
        let rules = Set(workspace.findings.map(\.rule))
        let injected: [FindingRuleID] = [
            .helmLintFailed, .helmRenderFailed, .testsFailing, .testsNotRun, .codeStubMarker,
            .checklistIncomplete, .docsMissing, .namingNoncanonical, .namingDuplicateID,
            .namingMissingDirectory, .taskNoCommits, .taskDeferredItems, .coverageBelowTarget,
            .dependencyIncomplete, .claimContradicted, .claimUnverifiable, .reportArithmetic,
            .deliverableMissing,
        ]
        #expect(injected.filter { !rules.contains($0) } == [])
        #expect(injected.allSatisfy { FindingRule.named($0) != nil })
        // The full history is there: nothing to say about it.
        #expect(!rules.contains(.gitHistoryIncomplete))
    }

    @Test func helmLintFailureIsCriticalAtTheChartFileOfTheTaskThatTouchedIt() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.helmLintFailed, in: workspace)
        check(
            finding, severity: .critical, task: "TN-001", phase: "1", file: "charts/api/Chart.yaml", line: nil,
            en: ["charts/api", "helm lint", "version is required"], ru: ["charts/api", "helm lint", "version is required"])
    }

    @Test func helmRenderFailureIsCriticalAtTheTemplateLine() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.helmRenderFailed, in: workspace)
        check(
            finding, severity: .critical, task: "TN-002", phase: "1", file: "charts/web/templates/broken.yaml", line: 15,
            en: ["charts/web", "helm template", "function \"foo\" not defined"],
            ru: ["charts/web", "helm template", "function \"foo\" not defined"])
    }

    @Test func failingTestIsCriticalAtItsResultLineForTheTaskThatTouchedTheTestFile() throws {
        let (fixture, workspace) = try dirty()
        let finding = try only(.testsFailing, in: workspace)
        check(
            finding, severity: .critical, task: "TN-003", phase: "1", file: "results/orders.xml",
            line: fixture.line(of: "test_cancel", in: "results/orders.xml"),
            en: ["TN-003", "1 failed", "of 3 run", "test_cancel"], ru: ["TN-003", "упало — 1", "test_cancel"])
        #expect(workspace.task("TN-003")?.tests == TestEvidence(passed: 2, failed: 1, errored: 0, skipped: 0, flaky: 0, defined: 3))
    }

    /// The rule gives no location for tests that never ran (b.md leaves it open), so only the
    /// task, phase and counts are held to.
    @Test func testsDefinedButNeverRunAreMajor() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.testsNotRun, in: workspace)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-005")
        #expect(finding.phase == "1")
        #expect(finding.message.en.contains("2 tests"))
        #expect(finding.message.ru.contains("тестов: 2"))
        #expect(workspace.task("TN-005")?.tests == TestEvidence(defined: 2))
    }

    @Test func stubMarkerNamingATaskIsMajorAtItsLine() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.codeStubMarker, in: workspace)
        check(
            finding, severity: .major, task: "TN-004", phase: "1", file: "src/billing.go", line: 4,
            en: ["TODO", "src/billing.go:4", "regional tax table"], ru: ["TODO", "src/billing.go:4", "regional tax table"])
    }

    @Test func checkedTaskWithUncheckedItemsIsMajorAtTheFirstUncheckedItem() throws {
        let (fixture, workspace) = try dirty()
        let file = "tasks/TN-006-checkout-flow/tasks.md"
        let finding = try only(.checklistIncomplete, in: workspace)
        check(
            finding, severity: .major, task: "TN-006", phase: "1", file: file,
            line: fixture.line(of: "Handle expired carts", in: file),
            en: ["3 of 4", "Handle expired carts"], ru: ["3 из 4", "Handle expired carts"])
    }

    @Test func missingRequiredDocumentIsMinorOnTheTaskFolder() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.docsMissing, in: workspace)
        check(
            finding, severity: .minor, task: "TN-008", phase: "1", file: "tasks/TN-008-audit-log", line: nil,
            en: ["TN-008", "requirements.md"], ru: ["TN-008", "requirements.md"])
    }

    @Test func unpaddedFolderIdIsMinorAndTheCanonicalNameIsSuggested() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.namingNoncanonical, in: workspace)
        check(
            finding, severity: .minor, task: "TN-009", phase: "2", file: "tasks/TN-09-search-index", line: nil,
            en: ["TN-09", "tasks/TN-009-search-index"], ru: ["TN-09", "tasks/TN-009-search-index"])
    }

    @Test func twoFoldersForOneIdAreMajorAndBothAreNamed() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.namingDuplicateID, in: workspace)
        check(
            finding, severity: .major, task: "TN-010", phase: "2", file: "tasks/TN-010-cache", line: nil,
            en: ["tasks/TN-010-cache,", "tasks/TN-010-cache-layer"], ru: ["tasks/TN-010-cache,", "tasks/TN-010-cache-layer"])
        #expect(workspace.task("TN-010")?.directories == ["tasks/TN-010-cache", "tasks/TN-010-cache-layer"])
    }

    @Test func listedTaskWithoutFolderIsInfoAtItsMasterListLine() throws {
        let (fixture, workspace) = try dirty()
        let finding = try only(.namingMissingDirectory, in: workspace)
        check(
            finding, severity: .info, task: "TN-011", phase: "2", file: "tasks/TASKS.md",
            line: fixture.line(of: "**TN-011**", in: "tasks/TASKS.md"), en: ["TN-011"], ru: ["TN-011"])
    }

    @Test func checkedTaskNoCommitNamesIsMinorAtItsMasterListLine() throws {
        let (fixture, workspace) = try dirty()
        let finding = try only(.taskNoCommits, in: workspace)
        let commits = fixture.commits.count
        check(
            finding, severity: .minor, task: "TN-012", phase: "2", file: "tasks/TASKS.md",
            line: fixture.line(of: "**TN-012**", in: "tasks/TASKS.md"),
            en: ["TN-012", "\(commits) commits"], ru: ["TN-012", "(\(commits))"])
        #expect(workspace.git?.commits == commits)
    }

    @Test func deferredChecklistItemIsMinorAtTheItem() throws {
        let (fixture, workspace) = try dirty()
        let file = "tasks/TN-007-reporting-exports/tasks.md"
        let finding = try only(.taskDeferredItems, in: workspace)
        check(
            finding, severity: .minor, task: "TN-007", phase: "1", file: file,
            line: fixture.line(of: "deferred to the next phase", in: file),
            en: ["TN-007", ": 1", "Schedule nightly exports"], ru: ["TN-007", ": 1", "Schedule nightly exports"])
    }

    /// Against the configured target the rule names no file (only a declared target has a
    /// source line), so the location is not held to.
    @Test func coverageBelowTheConfiguredTargetIsMajorWithBothFigures() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.coverageBelowTarget, in: workspace)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-013")
        #expect(finding.phase == "2")
        for value in ["TN-013", "60%", "80%", "6 of 10"] { #expect(finding.message.en.contains(value), "\(finding.message.en)") }
        for value in ["TN-013", "60", "80", "6 из 10"] { #expect(finding.message.ru.contains(value), "\(finding.message.ru)") }
        #expect(workspace.task("TN-013")?.coverage == CoverageSummary(linesFound: 10, linesHit: 6, files: 1))
    }

    @Test func completeTaskDependingOnAnIncompleteOneIsMajorAtItsMetadata() throws {
        let (_, workspace) = try dirty()
        let finding = try only(.dependencyIncomplete, in: workspace)
        check(
            finding, severity: .major, task: "TN-014", phase: "2", file: "tasks/TN-014-monthly-statements/task.yml", line: 1,
            en: ["TN-014", "TN-007", "50%"], ru: ["TN-014", "TN-007", "50"])
    }

    @Test func contradictedClaimIsMajorAtItsLineWithBothFigures() throws {
        let (fixture, workspace) = try dirty()
        let line = fixture.line(of: "(250 LOC)", in: Self.refundsReport)
        let finding = try finding(.claimContradicted, at: Self.refundsReport, line: line, in: workspace)
        check(
            finding, severity: .major, task: "TN-016", phase: "2", file: Self.refundsReport, line: line,
            en: ["250 LOC", "250", "12", "-238"], ru: ["250 LOC", "250", "12", "-238"])
    }

    @Test func unverifiableClaimIsInfoAtItsLine() throws {
        let (fixture, workspace) = try dirty()
        let line = fixture.line(of: "2 tests", in: Self.stockReport)
        let finding = try finding(.claimUnverifiable, at: Self.stockReport, line: line, in: workspace)
        check(
            finding, severity: .info, task: "TN-005", phase: "1", file: Self.stockReport, line: line,
            en: ["2 tests", "TN-005"], ru: ["2 tests", "TN-005"])
    }

    @Test func reportArithmeticIsMinorAtTheHeadingThatMiscounts() throws {
        let (fixture, workspace) = try dirty()
        let line = fixture.line(of: "Files Created (16 total)", in: Self.refundsReport)
        let finding = try finding(.reportArithmetic, at: Self.refundsReport, line: line, in: workspace)
        check(
            finding, severity: .minor, task: "TN-016", phase: "2", file: Self.refundsReport, line: line,
            en: ["16", "17", "+1"], ru: ["16", "17", "+1"])
    }

    @Test func missingDeliverableIsMajorAtTheLineThatNamesIt() throws {
        let (fixture, workspace) = try dirty()
        let line = fixture.line(of: "docs/billing-runbook.md", in: Self.billingReport)
        let finding = try finding(.deliverableMissing, at: Self.billingReport, line: line, in: workspace)
        check(
            finding, severity: .major, task: "TN-004", phase: "1", file: Self.billingReport, line: line,
            en: ["docs/billing-runbook.md"], ru: ["docs/billing-runbook.md"])
        // A deliverable that exists raises nothing.
        let present = fixture.line(of: "src/billing.go", in: Self.billingReport)
        #expect(!workspace.findings.contains { $0.file == Self.billingReport && $0.line == present })
    }

    @Test func shallowCloneSaysTheHistoryIsIncomplete() throws {
        let source = try AssessmentFixture.clean.get()
        let destination = try TemporaryFolder()
        try GitFixture.git(["clone", "-q", "--depth", "1", "file://" + source.path, destination.path + "/clone"], in: destination.path)
        let workspace = try Self.scan(destination.path + "/clone")
        let finding = try only(.gitHistoryIncomplete, in: workspace)
        check(finding, severity: .info, task: nil, phase: nil, file: nil, line: nil, en: ["shallow", "1 commits"], ru: ["неполный"])
        #expect(finding.commit == nil)
        #expect(workspace.git?.shallow == true)
        #expect(workspace.git?.commits == 1)
    }

    @Test func workTreeWithoutGitSaysTheHistoryIsMissing() throws {
        let source = try AssessmentFixture.clean.get()
        let destination = try TemporaryFolder()
        let copy = destination.path + "/copy"
        try GitFixture.git(["clone", "-q", "file://" + source.path, copy], in: destination.path)
        try FileManager.default.removeItem(atPath: copy + "/.git")
        let workspace = try Self.scan(copy)
        let finding = try only(.gitHistoryIncomplete, in: workspace)
        check(finding, severity: .info, task: nil, phase: nil, file: nil, line: nil, en: ["No git repository"], ru: ["не найден"])
        #expect(workspace.git == nil)
        #expect(workspace.tasks.allSatisfy { $0.git == nil })
    }
}

// MARK: - Every claim kind, every verdict

extension AssessmentFixtureTests {
    @Test(arguments: ClaimKind.allCases)
    func everyClaimKindIsReadFromTheDirtyRepository(kind: ClaimKind) throws {
        let (_, workspace) = try dirty()
        #expect(workspace.claims.contains { $0.kind == kind }, "no \(kind) claim")
    }

    @Test(arguments: Verdict.allCases)
    func everyVerdictIsGivenInTheDirtyRepository(verdict: Verdict) throws {
        let (_, workspace) = try dirty()
        #expect(workspace.claims.contains { $0.verdict == verdict }, "no \(verdict) claim")
    }

    @Test func testCountsAreVerifiedContradictedOrUnverifiableByTheResultsLinked() throws {
        let (fixture, workspace) = try dirty()
        let passing = try claim(.testCount, in: Self.notifyReport, at: "4/4 tests passing", of: fixture, in: workspace)
        #expect(passing.subject == "passing")
        #expect(passing.claimed == 4)
        #expect(passing.denominator == 4)
        #expect(passing.verified == 4)
        #expect(passing.verdict == .verified)
        #expect(passing.task == "TN-015")
        #expect(passing.phase == "2")

        // No result file and no test function for TN-016, but the repository has tests: none are
        // linked to TN-016, which says more about the linking than about the work.
        let phantom = try claim(.testCount, in: Self.refundsReport, at: "9/9 tests passing", of: fixture, in: workspace)
        #expect(phantom.claimed == 9)
        #expect(phantom.verified == nil)
        #expect(phantom.discrepancy == nil)
        #expect(phantom.verdict == .unverifiable)
        #expect(phantom.note?.en == "the repository has tests, but no test result or definition is linked to TN-016")
        #expect(workspace.task("TN-016")?.tests == nil)
        let line = fixture.line(of: "9/9 tests passing", in: Self.refundsReport)
        #expect(try finding(.claimUnverifiable, at: Self.refundsReport, line: line, in: workspace).severity == .info)

        // Two Go tests are defined for TN-005 and never ran.
        let unrun = try claim(.testCount, in: Self.stockReport, at: "2 tests", of: fixture, in: workspace)
        #expect(unrun.subject == "count")
        #expect(unrun.claimed == 2)
        #expect(unrun.verdict == .unverifiable)
        #expect(unrun.task == "TN-005")
    }

    @Test func commitSubjectClaimPointsAtItsCommit() throws {
        let (fixture, workspace) = try dirty()
        let id = try #require(fixture.commit("TN-015: notification sender, 4/4 tests passing"))
        let claim = try #require(workspace.claims.first { $0.source == .commit(id) })
        #expect(claim.kind == .testCount)
        #expect(claim.claimed == 4)
        #expect(claim.task == "TN-015")
        #expect(claim.phase == "2")
        #expect(claim.verdict == .verified)
    }

    @Test func linesOfCodeAreComparedWithTheFileNamed() throws {
        let (fixture, workspace) = try dirty()
        let right = try claim(.loc, in: Self.notifyReport, at: "(40 LOC)", of: fixture, in: workspace)
        #expect(right.subject == "src/notify.py")
        #expect(right.claimed == 40)
        #expect(right.verified == 40)
        #expect(right.verifiedValue == "src/notify.py")
        #expect(right.verdict == .verified)

        let wrong = try claim(.loc, in: Self.refundsReport, at: "(250 LOC)", of: fixture, in: workspace)
        #expect(wrong.claimed == 250)
        #expect(wrong.verified == 12)
        #expect(wrong.discrepancy == -238)
        #expect(wrong.verdict == .contradicted)
    }

    @Test func fileCountIsCheckedAgainstTheItemsListedUnderIt() throws {
        let (fixture, workspace) = try dirty()
        let miscounted = try claim(.fileCount, in: Self.refundsReport, at: "Files Created (16 total)", of: fixture, in: workspace)
        #expect(miscounted.claimed == 16)
        #expect(miscounted.expected == 17)
        #expect(miscounted.discrepancy == 1)
        #expect(miscounted.verdict == .inconsistent)
        #expect(miscounted.task == "TN-016")

        let counted = try claim(.fileCount, in: Self.notifyReport, at: "Deliverables (2 files)", of: fixture, in: workspace)
        #expect(counted.claimed == 2)
        #expect(counted.expected == 2)
        #expect(counted.verdict == .verified)
    }

    @Test func deliverablesExistOrAreMissing() throws {
        let (fixture, workspace) = try dirty()
        let present = try claim(.deliverable, in: Self.notifyReport, at: "- `tests/test_notify.py`", of: fixture, in: workspace)
        #expect(present.subject == "tests/test_notify.py")
        #expect(present.verified == 1)
        #expect(present.verifiedValue == "tests/test_notify.py")
        #expect(present.verdict == .verified)

        let missing = try claim(.deliverable, in: Self.billingReport, at: "docs/billing-runbook.md", of: fixture, in: workspace)
        #expect(missing.subject == "docs/billing-runbook.md")
        #expect(missing.verified == 0)
        #expect(missing.verdict == .contradicted)

        // Every one of the seventeen files TN-016 lists exists.
        let listed = workspace.claims.filter { $0.kind == .deliverable && $0.source.file == Self.refundsReport }
        #expect(listed.compactMap(\.subject).filter { $0.hasPrefix("src/refunds/") }.count == 17)
        #expect(listed.allSatisfy { $0.verdict == .verified })
    }

    @Test func commitIdsInAHistoryTableAreLookedUp() throws {
        let (fixture, workspace) = try dirty()
        let orders = try #require(fixture.commit("TN-003: orders service with tests"))
        let known = try claim(.commitRef, in: Self.phase1Report, at: "`\(orders.prefix(7))`", of: fixture, in: workspace)
        #expect(known.claimedValue == String(orders.prefix(7)))
        #expect(known.verified == 1)
        #expect(known.verifiedValue == orders)
        #expect(known.verdict == .verified)
        #expect(known.task == "TN-003")

        let unknown = AssessmentFixture.unknownPrefix(besides: fixture.commits)
        let bogus = try claim(.commitRef, in: Self.phase1Report, at: "`\(unknown)`", of: fixture, in: workspace)
        #expect(bogus.claimedValue == unknown)
        #expect(bogus.verified == 0)
        // Squashed or rebased away, or never pushed: no evidence that the work is missing.
        #expect(bogus.verdict == .unverifiable)
        #expect(bogus.task == "TN-004")
    }

    @Test func coverageIsComparedWithTheTasksCoverage() throws {
        let (fixture, workspace) = try dirty()
        let measured = try claim(.coverage, in: Self.notifyReport, at: "90% coverage", of: fixture, in: workspace)
        #expect(measured.claimed == 90)
        #expect(near(measured.verified, 90))
        #expect(measured.verdict == .verified)

        let unmeasured = try claim(.coverage, in: Self.refundsReport, at: "Coverage: 85%", of: fixture, in: workspace)
        #expect(unmeasured.claimed == 85)
        #expect(unmeasured.verified == nil)
        #expect(unmeasured.verdict == .unverifiable)
    }

    @Test func ratioIsInconsistentWhenThePercentIsNotTheQuotient() throws {
        let (fixture, workspace) = try dirty()
        let wrong = try claim(.ratio, in: Self.phase1Report, at: "(9/10 = 95%)", of: fixture, in: workspace)
        #expect(wrong.claimed == 95)
        #expect(wrong.denominator == 10)
        #expect(near(wrong.expected, 90))
        #expect(near(wrong.discrepancy, -5))
        #expect(wrong.verdict == .inconsistent)
        #expect(wrong.phase == "1")

        // 28/30 is 93.33…: 93% is that figure rounded.
        let rounded = try claim(.ratio, in: Self.phase1Report, at: "(28/30 = 93%)", of: fixture, in: workspace)
        #expect(rounded.claimed == 93)
        #expect(rounded.denominator == 30)
        #expect(near(rounded.expected, 280 / 3))
        #expect(rounded.verdict == .verified)
    }

    @Test func totalRowIsCheckedAgainstTheColumnSum() throws {
        let (fixture, workspace) = try dirty()
        let wrong = try claim(.total, in: Self.phase1Report, at: "| **Total** |", of: fixture, in: workspace)
        #expect(wrong.subject == "Tests")
        #expect(wrong.claimed == 13)
        #expect(wrong.expected == 12)
        #expect(wrong.discrepancy == -1)
        #expect(wrong.verdict == .inconsistent)
        #expect(wrong.phase == "1")

        let right = try claim(.total, in: Self.phase1Report, at: "| Total | 15 |", of: fixture, in: workspace)
        #expect(right.subject == "Hours")
        #expect(right.claimed == 15)
        #expect(right.expected == 15)
        #expect(right.verdict == .verified)
    }

    @Test func averageIsCheckedAgainstTheMeanOfTheColumnAbove() throws {
        let (fixture, workspace) = try dirty()
        let english = try claim(.average, in: Self.phase1Report, at: "Average quality: 148.3%", of: fixture, in: workspace)
        #expect(english.subject == "Quality")
        #expect(english.claimed == 148.3)
        #expect(near(english.expected, (140 + 150 + 152) / 3))
        #expect(english.verdict == .inconsistent)
        // The figure is read as the average, not as a quality claim besides.
        #expect(!workspace.claims.contains {
            $0.kind == .quality && $0.source == english.source
        })

        let russian = try claim(.average, in: Self.phase2Summary, at: "Средний уровень качества", of: fixture, in: workspace)
        #expect(russian.subject == "Качество")
        #expect(russian.claimed == 148.3)
        #expect(near(russian.expected, (150 + 146 + 144) / 3))
        #expect(russian.verdict == .inconsistent)
        #expect(russian.phase == "2")

        let row = try claim(.average, in: Self.phase2Summary, at: "| Среднее | 4 |", of: fixture, in: workspace)
        #expect(row.subject == "Часы")
        #expect(row.claimed == 4)
        #expect(row.expected == 4)
        #expect(row.verdict == .verified)
    }

    @Test func completionPercentBesideItsOwnFractionIsInconsistentWhileTheFractionHolds() throws {
        let (fixture, workspace) = try dirty()
        let line = "Completion: 95% (7.25/8 tasks complete)"
        let percent = try claim(.completion, in: Self.phase1Report, at: line, of: fixture, in: workspace) { $0.denominator == nil }
        #expect(percent.claimed == 95)
        #expect(near(percent.expected, 90.625))
        #expect(percent.verdict == .inconsistent)
        #expect(percent.phase == "1")
        let fraction = try claim(.completion, in: Self.phase1Report, at: line, of: fixture, in: workspace) { $0.denominator != nil }
        #expect(fraction.claimed == 7.25)
        #expect(fraction.denominator == 8)
        #expect(fraction.verified == 7.25)
        #expect(fraction.verdict == .verified)
        #expect(workspace.phase("1")?.completion == Completion(done: 7.25, total: 8))

        let russianLine = "Процент завершения: 90 % (7/8 задач завершены)"
        let russian = try claim(.completion, in: Self.phase2Summary, at: russianLine, of: fixture, in: workspace) { $0.denominator == nil }
        #expect(russian.claimed == 90)
        #expect(near(russian.expected, 87.5))
        #expect(russian.verdict == .inconsistent)
        let russianFraction = try claim(.completion, in: Self.phase2Summary, at: russianLine, of: fixture, in: workspace) {
            $0.denominator != nil
        }
        #expect(russianFraction.claimed == 7)
        #expect(russianFraction.verdict == .verified)

        let checklist = try claim(.completion, in: Self.checkoutReport, at: "3/4 tasks complete", of: fixture, in: workspace)
        #expect(checklist.claimed == 3)
        #expect(checklist.denominator == 4)
        #expect(checklist.verified == 3)
        #expect(checklist.verdict == .verified)
        #expect(checklist.task == "TN-006")
    }

    @Test func qualityAndGradeAreShownBesidePhasecertsOwnAndNeverJudged() throws {
        let (fixture, workspace) = try dirty()
        let task = try #require(workspace.task("TN-015"))
        let ownQuality = try #require(task.quality)
        let quality = try claim(.quality, in: Self.notifyReport, at: "Quality: 150%", of: fixture, in: workspace)
        #expect(quality.claimed == 150)
        #expect(quality.verdict == nil)
        #expect(quality.verified == ownQuality)
        #expect(quality.verifiedValue == task.grade)
        #expect(quality.note != nil)

        let grade = try claim(.grade, in: Self.notifyReport, at: "Grade: A+", of: fixture, in: workspace)
        #expect(grade.claimedValue == "A+")
        #expect(grade.verdict == nil)
        #expect(grade.verifiedValue == task.grade)

        let phase = try #require(workspace.phase("1"))
        let phaseQuality = try claim(.quality, in: Self.phase1Report, at: "Phase quality: 148.3%", of: fixture, in: workspace)
        #expect(phaseQuality.claimed == 148.3)
        #expect(phaseQuality.verdict == nil)
        #expect(phaseQuality.verified == phase.quality)
        #expect(phaseQuality.verifiedValue == phase.grade)
        // Never judged, so never a finding.
        #expect(!workspace.findings.contains { $0.file == Self.notifyReport && $0.line == quality.source.line })
    }

    /// Neither date of the phase-1 report is labelled as the document's own (`Date:`, `as of`…):
    /// both are read and left unjudged, and raise no finding.
    @Test func datesThatDoNotDateTheirDocumentAreNotJudged() throws {
        let (fixture, workspace) = try dirty()
        let prepared = try claim(.date, in: Self.phase1Report, at: "Prepared by the platform team", of: fixture, in: workspace)
        #expect(prepared.claimedValue == AssessmentFixture.dirtyDay)
        #expect(prepared.subject == nil)
        #expect(prepared.verdict == nil)
        #expect(prepared.phase == "1")

        let kickOff = try claim(.date, in: Self.phase1Report, at: "Kick-off meeting", of: fixture, in: workspace)
        #expect(kickOff.claimedValue == "2025-10-01")
        #expect(kickOff.discrepancy == nil)
        #expect(kickOff.verdict == nil)
        #expect(kickOff.note?.en.hasPrefix("only a date that says when its document was written is judged") == true)
        for date in [prepared, kickOff] {
            #expect(!workspace.findings.contains { $0.file == Self.phase1Report && $0.line == date.source.line })
        }
    }

    @Test func durationWithAllCommitsOnOneDayCannotBeVerified() throws {
        let (fixture, workspace) = try dirty()
        let duration = try claim(.duration, in: Self.refundsReport, at: "Duration: 4 hours", of: fixture, in: workspace)
        #expect(duration.claimed == 4)
        #expect(duration.verdict == .unverifiable)
        #expect(duration.task == "TN-016")
    }

    @Test func statusWordsAreCheckedAgainstCompletion() throws {
        let (fixture, workspace) = try dirty()
        let done = try claim(.status, in: Self.notifyReport, at: "Status:", of: fixture, in: workspace)
        #expect(done.claimedValue == "done")
        #expect(done.claimed == 1)
        #expect(done.verified == 1)
        #expect(done.verdict == .verified)

        let notDone = try claim(.status, in: Self.checkoutReport, at: "Status: COMPLETE", of: fixture, in: workspace)
        #expect(notDone.claimedValue == "done")
        #expect(notDone.verified == 0.75)
        #expect(notDone.verdict == .contradicted)
        #expect(notDone.task == "TN-006")
    }

    @Test func targetExceededByANegativeMarginIsInconsistent() throws {
        let (fixture, workspace) = try dirty()
        let short = try claim(.target, in: Self.phase1Report, at: "exceeds the 150% target by -1.7%", of: fixture, in: workspace)
        #expect(short.subject == "150%")
        #expect(short.claimed == -1.7)
        #expect(near(short.expected, -1.7))
        #expect(short.verdict == .inconsistent)

        let russian = try claim(.target, in: Self.phase2Summary, at: "превышает цель 150 % на -1,7 %", of: fixture, in: workspace)
        #expect(russian.claimed == -1.7)
        #expect(russian.verdict == .inconsistent)

        let met = try claim(.target, in: Self.notifyReport, at: "exceeds the 95% target by 4.5%", of: fixture, in: workspace)
        #expect(met.claimed == 4.5)
        #expect(near(met.expected, 4.5))
        #expect(met.verdict == .verified)
    }

    @Test func everyJudgedClaimSaysWhyInBothLanguages() throws {
        let (_, workspace) = try dirty()
        let judged = workspace.claims.filter { $0.verdict != nil }
        #expect(!judged.isEmpty)
        for claim in judged {
            #expect(claim.note.map { !$0.en.isEmpty && !$0.ru.isEmpty && $0.en != $0.ru } == true, "\(claim.kind) “\(claim.text)”")
        }
        #expect(workspace.claims.filter(\.kind.isOtherModel).allSatisfy { $0.verdict == nil })
    }
}

// MARK: - Rule overrides, gate, clean repository

extension AssessmentFixtureTests {
    @Test func ruleOverridesChangeASeverityAndSwitchARuleOff() throws {
        let fixture = try AssessmentFixture.dirty.get()
        let settings = try TemporaryFolder()
        let config = try settings.write("phasecert.yml", "rules:\n  docs.missing: major\n  task.deferred-items: off\n")
        let workspace = try Self.scan(fixture.path, ["--config", config])
        let finding = try only(.docsMissing, in: workspace)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-008")
        #expect(!workspace.findings.contains { $0.rule == .taskDeferredItems })
        // Everything else is as without the config.
        let defaults = try Self.dirtyScan.get()
        let untouched = { (findings: [Finding]) in findings.filter { ![.docsMissing, .taskDeferredItems].contains($0.rule) } }
        #expect(untouched(workspace.findings) == untouched(defaults.findings))
        #expect(workspace.phase("1")?.findings?.major == (defaults.phase("1")?.findings?.major ?? 0) + 1)
    }

    @Test func dirtyPhasesFailTheirGateWithTheActualFigures() throws {
        let (_, workspace) = try dirty()
        let one = try #require(workspace.phase("1")?.gate)
        #expect(!one.passed)
        let byID = Dictionary(one.conditions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // helm lint (TN-001), helm template (TN-002) and the failing test (TN-003).
        #expect(byID[.maxCritical]?.actual == 3)
        #expect(byID[.maxCritical]?.passed == false)
        #expect(near(byID[.minCompletion]?.actual, 90.625))
        #expect(byID[.minCompletion]?.passed == false)
        #expect(near(byID[.minTestPassRate]?.actual, 200.0 / 3))
        #expect(byID[.minTestPassRate]?.passed == false)

        let two = try #require(workspace.phase("2")?.gate)
        #expect(!two.passed)
        let failing = two.conditions.filter { !$0.passed }
        #expect(failing.map(\.id) == [.minCompletion])
        #expect(near(failing.first?.actual, 87.5))
        #expect(two.conditions.first { $0.id == .minTestPassRate }?.actual == 100)
        // The certification still names what was found: phase, HEAD's date, completion rounded down.
        #expect(workspace.phase("1")?.certification?.id.hasPrefix("1-20251201-90PCT-") == true)
    }

    @Test func cleanRepositoryHasNoFinding() throws {
        let (_, workspace) = try clean()
        #expect(workspace.findings.map { "\($0.rule): \($0.message.en)" } == [])
        #expect(workspace.tasks.map(\.id) == ["TN-001", "TN-002"])
        #expect(workspace.phase("1")?.tests == TestEvidence(passed: 7, failed: 0, errored: 0, skipped: 0, flaky: 0, defined: 7))
    }

    @Test func cleanReportClaimsAllHold() throws {
        let (fixture, workspace) = try clean()
        let report = "docs/PHASE-1-REPORT.md"
        let claims = workspace.claims.filter { $0.source.file == report }
        let wrong = workspace.claims.filter { $0.verdict != nil && $0.verdict != .verified }
        #expect(wrong.map { "\($0.kind) “\($0.text)” \($0.verdict?.rawValue ?? "")" } == [])
        // Every claim is verified but dates that do not date the document, which are not judged.
        let unjudged = claims.filter { !$0.kind.isOtherModel && $0.verdict == nil }
        #expect(unjudged.allSatisfy { $0.kind == .date && $0.subject != Claim.documentDateSubject })
        #expect(claims.filter { !$0.kind.isOtherModel && $0.verdict != nil }.allSatisfy { $0.verdict == .verified })
        // Not vacuous: the report's claims of every kind it holds were read.
        let kinds = Set(claims.map(\.kind))
        let expected: Set<ClaimKind> = [
            .status, .completion, .testCount, .coverage, .loc, .date, .duration, .quality, .grade, .total, .commitRef,
            .fileCount, .deliverable,
        ]
        #expect(expected.subtracting(kinds) == [])
        let duration = try claim(.duration, in: report, at: "Duration: 3 days", of: fixture, in: workspace)
        #expect(duration.claimed == 72)
        #expect(duration.verdict == .verified)
        let started = try claim(.date, in: report, at: "Work started", of: fixture, in: workspace) { $0.claimedValue == "2025-12-01" }
        #expect(started.verdict == nil)
        let dated = try claim(.date, in: report, at: "Report date:", of: fixture, in: workspace)
        #expect(dated.subject == Claim.documentDateSubject)
        #expect(dated.claimedValue == "2025-12-04")
        #expect(dated.verifiedValue == "2025-12-04/2025-12-04")
        #expect(dated.verdict == .verified)
    }

    @Test func cleanPhasePassesItsGateWithAStableCertificationID() throws {
        let (fixture, workspace) = try clean()
        let phase = try #require(workspace.phase("1"))
        let gate = try #require(phase.gate)
        #expect(gate.passed, "\(gate.conditions.filter { !$0.passed })")
        #expect(phase.completion == Completion(done: 2, total: 2))
        let id = try #require(phase.certification?.id)
        let pattern = try Regex("^1-\\d{8}-100PCT-[A-F][+-]?-[0-9a-f]{8}$")
        #expect(id.wholeMatch(of: pattern) != nil, "\(id)")
        // The date is HEAD's commit date, not the clock.
        #expect(id.hasPrefix("1-20251204-100PCT-"))
        let again = try Self.scan(fixture.path)
        #expect(again.phase("1")?.certification?.id == id)
    }
}
