import PhaseModel
import Testing
@testable import Score

struct ClaimFindingsTests {
    typealias F = ClaimFixtures

    func findings(_ claims: [Claim], in workspace: Workspace = F.workspace()) -> [Finding] {
        var workspace = workspace
        workspace.claims = claims
        return ClaimVerifier(configuration: .init()).verify(workspace).findings
    }

    @Test func theRulesAreInTheCatalogWithTheSeveritiesTheSpecGives() {
        #expect(FindingRule.named(ClaimFindings.contradicted)?.severity == .major)
        #expect(FindingRule.named(ClaimFindings.deliverableMissing)?.severity == .major)
        #expect(FindingRule.named(ClaimFindings.unverifiable)?.severity == .info)
        #expect(FindingRule.named(ClaimFindings.arithmetic)?.severity == .minor)
    }

    @Test func aContradictedTestCountQuotesTheClaimAndBothFigures() throws {
        let claim = F.claim(
            .testCount, "39/39 tests passing", phase: "13", subject: "passing", claimed: 39, denominator: 39)
        let workspace = F.workspace(tasks: [F.task(tests: TestEvidence(passed: 38, failed: 1, defined: 39))])
        let finding = try #require(findings([claim], in: workspace).first)
        #expect(finding.rule == .claimContradicted)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-201")
        #expect(finding.phase == "13")
        #expect(finding.file == "tasks/TN-201-api/REPORT.md")
        #expect(finding.line == 12)
        #expect(finding.commit == nil)
        #expect(
            finding.message.en
                == "“39/39 tests passing” claims 39/39, but the evidence shows 38 (difference -1): 38 of 39 executed tests passed in results linked to TN-201.")
        #expect(
            finding.message.ru
                == "«39/39 tests passing»: заявлено 39/39, но по данным 38 (разница -1): в результатах, связанных с задачей TN-201, прошли 38 из 39 выполненных тестов.")
        #expect(finding.remediation?.en.contains("Run the tests") == true)
        #expect(finding.remediation?.ru.contains("Запустите тесты") == true)
    }

    @Test func aMissingDeliverableRaisesDeliverableMissingInstead() throws {
        let claim = F.claim(.deliverable, "`docs/RUNBOOK.md`", subject: "docs/RUNBOOK.md", verified: 0)
        let finding = try #require(findings([claim]).first)
        #expect(finding.rule == .deliverableMissing)
        #expect(finding.severity == .major)
        #expect(finding.message.en == "“`docs/RUNBOOK.md`” names docs/RUNBOOK.md as delivered, but no such file exists in the work tree.")
        #expect(finding.message.ru == "«`docs/RUNBOOK.md`» называет результатом работы docs/RUNBOOK.md, но такого файла в рабочем дереве нет.")
        #expect(finding.remediation == LocalizedText(
            en: "Add the file, or correct the path written in the text.", ru: "Добавьте файл или исправьте путь, указанный в тексте."))
    }

    @Test func anInconsistentRatioIsAMinorArithmeticFindingWithBothFigures() throws {
        let claim = F.claim(.ratio, "(9/10 = 95%)", claimed: 95, denominator: 10, expected: 90)
        let finding = try #require(findings([claim]).first)
        #expect(finding.rule == .reportArithmetic)
        #expect(finding.severity == .minor)
        #expect(
            finding.message.en
                == "“(9/10 = 95%)” states 95%, but the document’s own figures give 90% (difference -5 points): 9/10 is 90%.")
        #expect(
            finding.message.ru
                == "«(9/10 = 95%)»: указано 95\u{00A0}%, но собственные цифры документа дают 90\u{00A0}% (разница -5\u{00A0}п.\u{00A0}п.): 9/10 составляет 90\u{00A0}%.")
        #expect(finding.remediation?.en.hasPrefix("Recompute") == true)
    }

    @Test func aNegativeTargetMarginSaysTheTextContradictsItself() throws {
        let claim = F.claim(.target, "exceeds the 150% target by -1.7%", subject: "150%", claimed: -1.7)
        let finding = try #require(findings([claim]).first)
        #expect(finding.rule == .reportArithmetic)
        #expect(finding.message.en.hasPrefix("“exceeds the 150% target by -1.7%” contradicts itself: a margin of -1.7%"))
        #expect(finding.message.ru.hasPrefix("«exceeds the 150% target by -1.7%» противоречит самому себе: запас -1,7"))
    }

    @Test func anUnverifiableClaimIsAnInfoFinding() throws {
        let claim = F.claim(.coverage, "93.2% coverage", claimed: 93.2)
        let finding = try #require(findings([claim], in: F.workspace(tasks: [F.task()])).first)
        #expect(finding.rule == .claimUnverifiable)
        #expect(finding.severity == .info)
        #expect(finding.message.en == "“93.2% coverage” cannot be checked: no coverage report covers the files of TN-201.")
        #expect(finding.message.ru == "«93.2% coverage» проверить нельзя: ни один отчёт о покрытии не охватывает файлы задачи TN-201.")
        #expect(finding.remediation?.ru.isEmpty == false)
    }

    @Test func aClaimFromACommitPointsAtTheCommit() throws {
        let commit = "0123456789abcdef0123456789abcdef01234567"
        let claim = F.claim(.testCount, "TN-201: 9/9 passing", subject: "passing", claimed: 9, denominator: 9, source: .commit(commit))
        let finding = try #require(findings([claim], in: F.workspace(tasks: [F.task()])).first)
        #expect(finding.commit == commit)
        #expect(finding.file == nil)
        #expect(finding.line == nil)
        #expect(finding.message.en.contains("claims 9/9, but the evidence shows 0 (difference -9)"))
    }

    @Test func verifiedAndUnjudgedClaimsRaiseNothing() {
        let claims = [
            F.claim(.ratio, "(28/30 = 93%)", claimed: 93, denominator: 30, expected: 28.0 / 30 * 100),
            F.claim(.quality, "150% quality", claimed: 150),
            F.claim(.grade, "Grade A+", claimedValue: "A+"),
        ]
        #expect(findings(claims).isEmpty)
    }

    @Test func findingsFollowClaimOrder() {
        let claims = [
            F.claim(.fileCount, "17 total", claimed: 17, expected: 16),
            F.claim(.deliverable, "a.md", subject: "a.md", verified: 0),
            F.claim(.fileCount, "16 files", claimed: 16),
            F.claim(.loc, "b.md (10 LOC)", subject: "b.md", claimed: 10, verified: 100),
        ]
        #expect(findings(claims).map(\.rule) == [.reportArithmetic, .deliverableMissing, .claimUnverifiable, .claimContradicted])
    }

    @Test func aContradictedDateGivesTheDaysAndTheDocumentsCommitDays() throws {
        let claim = F.claim(
            .date, "Report date: 2025-12-11", subject: Claim.documentDateSubject, claimedValue: "2025-12-11",
            verifiedValue: "2025-11-30/2025-12-01")
        let workspace = F.workspace(tasks: [F.task(first: "2025-11-30", last: "2025-12-01")])
        let finding = try #require(findings([claim], in: workspace).first)
        #expect(finding.rule == .claimContradicted)
        #expect(finding.message.en.hasPrefix("“Report date: 2025-12-11” dates the document 2025-12-11, 10 days outside the days it was committed, 2025-11-30/2025-12-01:"))
        #expect(finding.message.ru.hasPrefix("«Report date: 2025-12-11» датирует документ 2025-12-11 — вне дней, когда его коммитили, 2025-11-30/2025-12-01 (расхождение в днях: 10):"))
    }

    @Test func aContradictedStatusGivesTheCompletion() throws {
        let claim = F.claim(.status, "✅ COMPLETE", claimed: 1, claimedValue: "done")
        let finding = try #require(findings([claim], in: F.workspace(tasks: [F.task(completion: 0.5)])).first)
        #expect(finding.message.en.hasPrefix("“✅ COMPLETE” says done, but the evidence shows 50% complete (difference -50 points):"))
        #expect(finding.message.ru.hasPrefix("«✅ COMPLETE»: заявлен статус done, но по данным выполнено 50\u{00A0}% (разница -50\u{00A0}п.\u{00A0}п.):"))
        #expect(finding.remediation?.en.contains("checklist") == true)
    }

    /// A commit a squash merge or a rebase replaced is missing from the history without the work
    /// being missing: the claim cannot be checked, and the finding says why.
    @Test func aCommitMissingFromTheHistoryCannotBeChecked() throws {
        let claim = F.claim(.commitRef, "| abc1234 |", claimedValue: "abc1234", verified: 0)
        let finding = try #require(findings([claim]).first)
        #expect(finding.rule == .claimUnverifiable)
        #expect(finding.severity == .info)
        #expect(finding.message.en.hasPrefix("“| abc1234 |” cannot be checked: no commit in the history starts with abc1234; it may have been squashed or rebased away"))
        #expect(finding.message.ru.hasPrefix("«| abc1234 |» проверить нельзя: в истории нет коммита, начинающегося с abc1234;"))
    }

    @Test func everyFindingHasARemediationInBothLanguages() {
        let claims = [
            F.claim(.fileCount, "17 total", claimed: 17, expected: 16),
            F.claim(.deliverable, "a.md", subject: "a.md", verified: 0),
            F.claim(.fileCount, "16 files", claimed: 16),
            F.claim(.loc, "b.md (10 LOC)", subject: "b.md", claimed: 10, verified: 100),
            F.claim(.commitRef, "abc1234", claimedValue: "abc1234", verified: 0),
        ]
        for finding in findings(claims) {
            #expect(finding.remediation?.en.isEmpty == false)
            #expect(finding.remediation?.ru.isEmpty == false)
            #expect(!finding.message.en.isEmpty && !finding.message.ru.isEmpty)
        }
    }
}
