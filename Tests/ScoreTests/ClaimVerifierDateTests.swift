import PhaseModel
import Testing
@testable import Score

/// Only a date that dates its own document (subject `document`) is judged, against the days of the
/// commits that changed the document (`verifiedValue` `first/last`, which Scan fills in): inside
/// the days, within tolerance, verified; after the last day contradicted; before the first day
/// unverifiable (a document is often written before it is committed). Every other date is not
/// judged.
struct ClaimVerifierDateTests {
    typealias F = ClaimFixtures

    /// A date of the report `F.report` that dates the document, whose commits span `first`…`last`.
    func judged(_ date: String, first: String? = "2025-11-30", last: String? = "2025-12-01") -> Claim {
        let days = first.flatMap { first in last.map { "\(first)/\($0)" } }
        let workspace = F.workspace(tasks: [F.task(first: first, last: last)])
        let claim = F.claim(
            .date, "Report date: \(date)", subject: Claim.documentDateSubject, claimedValue: date, verifiedValue: days)
        return F.judged(claim, in: workspace)
    }

    @Test func aDateInsideTheDocumentsCommitDaysIsVerified() {
        let claim = judged("2025-11-30")
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == "2025-11-30/2025-12-01")
        #expect(claim.note?.en == "tasks/TN-201-api/REPORT.md was added on 2025-11-30 and last changed on 2025-12-01")
        #expect(claim.note?.ru == "tasks/TN-201-api/REPORT.md добавлен 2025-11-30 и последний раз изменён 2025-12-01")
    }

    @Test func aDateOneDayOutsideIsWithinTheDefaultTolerance() {
        #expect(judged("2025-11-29").verdict == .verified)
        #expect(judged("2025-12-02").verdict == .verified)
    }

    /// A document is often written days before it reaches the history (on a branch, elsewhere).
    @Test func aDateTwoDaysBeforeTheFirstCommitIsUnverifiable() {
        let claim = judged("2025-11-28")
        #expect(claim.verdict == .unverifiable)
        #expect(claim.discrepancy == nil)
        #expect(
            claim.note?.en
                == "tasks/TN-201-api/REPORT.md was added on 2025-11-30 and last changed on 2025-12-01; 2025-11-28 is 2 days earlier, and a document may be written long before it is committed, or copied in from elsewhere")
        #expect(
            claim.note?.ru
                == "tasks/TN-201-api/REPORT.md добавлен 2025-11-30 и последний раз изменён 2025-12-01; дата 2025-11-28 раньше на 2 дн., а документ могут написать задолго до коммита или перенести из другого места")
    }

    @Test func aDateTwoDaysAfterTheLastCommitIsContradicted() {
        let claim = judged("2025-12-03")
        #expect(claim.verdict == .contradicted)
        #expect(claim.discrepancy == -2)
        #expect(claim.verifiedValue == "2025-11-30/2025-12-01")
        #expect(
            claim.note?.en
                == "tasks/TN-201-api/REPORT.md was added on 2025-11-30 and last changed on 2025-12-01; 2025-12-03 lies 2 days outside that")
        #expect(
            claim.note?.ru
                == "tasks/TN-201-api/REPORT.md добавлен 2025-11-30 и последний раз изменён 2025-12-01; дата 2025-12-03 выходит за эти дни на 2")
    }

    @Test func theDateToleranceIsConfigurable() {
        let exact = F.configuration { $0.dateToleranceDays = 0 }
        let after = F.claim(
            .date, "Date: 2025-12-02", subject: Claim.documentDateSubject, claimedValue: "2025-12-02",
            verifiedValue: "2025-11-30/2025-12-01")
        #expect(F.judged(after).verdict == .verified)
        #expect(F.judged(after, configuration: exact).verdict == .contradicted)
        var before = after
        before.claimedValue = "2025-11-29"
        #expect(F.judged(before, configuration: exact).verdict == .unverifiable)
    }

    @Test func aDocumentCommittedOnOneDayVerifiesThatDay() {
        let claim = judged("2025-11-30", first: "2025-11-30", last: "2025-11-30")
        #expect(claim.verdict == .verified)
        #expect(claim.verifiedValue == "2025-11-30/2025-11-30")
    }

    @Test func aDocumentNoCommitChangedIsUnverifiable() {
        let claim = judged("2025-11-30", first: nil, last: nil)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "no commit of the history changed tasks/TN-201-api/REPORT.md, so when it was written is not known")
        #expect(claim.note?.ru == "ни один коммит истории не менял tasks/TN-201-api/REPORT.md, и когда он написан, неизвестно")
    }

    @Test func aValueThatIsNoDateIsUnverifiable() {
        let claim = judged("2025-02-30")
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "“2025-02-30” is not a date in yyyy-MM-dd form")
    }

    /// The task's and phase's commits say nothing about when a document was written: only the
    /// document's own days count.
    @Test func theTasksCommitsDoNotMatterOnlyTheDocuments() {
        let task = F.task("TN-201", first: "2025-11-01", last: "2025-11-03")
        let workspace = F.workspace(tasks: [task], phases: [F.phase(tasks: ["TN-201"])])
        let document = "2025-11-10/2025-11-12"
        let insideTask = F.claim(
            .date, "Date: 2025-11-02", subject: Claim.documentDateSubject, claimedValue: "2025-11-02", verifiedValue: document)
        #expect(F.judged(insideTask, in: workspace).verdict == .unverifiable)
        let afterTask = F.claim(
            .date, "Date: 2025-11-11", subject: Claim.documentDateSubject, claimedValue: "2025-11-11", verifiedValue: document)
        let judged = F.judged(afterTask, in: workspace)
        #expect(judged.verdict == .verified)
        #expect(judged.verifiedValue == document)
    }

    /// A document date is judged even when its task is not in the workspace: it needs no scope.
    @Test func aDocumentDateNeedsNoTaskOfTheWorkspace() {
        let claim = F.claim(
            .date, "Date: 2025-11-30", task: "TN-404", subject: Claim.documentDateSubject, claimedValue: "2025-11-30",
            verifiedValue: "2025-11-30/2025-12-01")
        #expect(F.judged(claim).verdict == .verified)
    }

    /// A deadline, a kick-off or a release of something else: not judged, with a note saying why.
    @Test func aDateNotLabelledAsTheDocumentsIsNotJudged() {
        let git = HistorySummary(
            head: nil, commits: 2, merges: 0, shallow: false, detached: false, unreadable: 0, first: "2025-10-01",
            last: "2025-12-01")
        let claim = F.claim(.date, "Kick-off on 2025-09-01", task: nil, claimedValue: "2025-09-01")
        var workspace = F.workspace(tasks: [F.task(first: "2025-11-30", last: "2025-12-01")], git: git)
        workspace.claims = [claim]
        let (claims, findings) = ClaimVerifier(configuration: .init()).verify(workspace)
        #expect(claims[0].verdict == nil)
        #expect(claims[0].discrepancy == nil)
        #expect(
            claims[0].note?.en
                == "only a date that says when its document was written is judged; this one may be a deadline, a plan or the date of something else")
        #expect(claims[0].note?.ru.hasPrefix("проверяется только дата") == true)
        #expect(findings.isEmpty)
    }
}
