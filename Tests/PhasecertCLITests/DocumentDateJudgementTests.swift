import Foundation
import PhaseModel
import Testing
import TestSupport

/// Only a date labelled as the document's own is judged, against the first and last days of the
/// commits that changed the document (renames followed): inside them, one day's tolerance either
/// side, verified; after the last day contradicted; before the first day unverifiable (written
/// before it was committed). A document no commit changed cannot be dated. Any other date is not
/// judged.
struct DocumentDateJudgementTests {
    static let english = "docs/STATUS.md"
    static let russian = "docs/STATUS.ru.md"
    static let renamed = "docs/PHASE-1-STATUS.md"
    static let draft = "docs/DRAFT-STATUS.md"

    /// STATUS.md and STATUS.ru.md are added on 2025-12-01 and last changed on 2025-12-05; a notes
    /// file is added on 2025-11-20 and moved to PHASE-1-STATUS.md on 2025-12-05; DRAFT-STATUS.md is
    /// never committed.
    static let built: Result<HandCheckRepository, any Error> = Result {
        var repository = try HandCheckRepository(day: "2025-11-20")
        try repository.write("docs/notes-on-phase-1.md", "# Phase 1 notes\n\nDate: 2025-11-20\n\nThe parser is under way.\n")
        try repository.commit("docs: phase 1 notes", on: "2025-11-20")
        try repository.write(english, "# Status\n\nFirst draft.\n")
        try repository.write(russian, "# Состояние\n\nЧерновик.\n")
        try repository.commit("docs: status drafts", on: "2025-12-01")
        try repository.write(english, """
            # Status

            Date: 2025-12-03

            Last updated: 2025-12-06

            Report generated on 2025-12-09

            Report date: 2025-11-20

            As of December 4, 2025 the parser is done.

            Audited at commit 1234abc (December 2, 2025).

            Deadline: 2025-12-20

            Due date: 2025-12-20

            Kick-off meeting held on 2025-10-01.

            """)
        try repository.write(russian, """
            # Состояние

            Дата отчёта: 03.12.2025

            Данные по состоянию на 9 декабря 2025 г.

            Дата: 20.11.2025

            Срок сдачи: 20.12.2025

            Встреча прошла 1 октября 2025 г.

            """)
        try GitFixture.git(["mv", "docs/notes-on-phase-1.md", renamed], in: repository.path)
        try repository.write(renamed, "# Phase 1 notes\n\nDate: 2025-11-20\n\nThe parser is under way.\n")
        try repository.commit("docs: status of phase 1", on: "2025-12-05")
        try repository.write(draft, "# Draft status\n\nDate: 2025-12-05\n")
        return repository
    }

    static let scanned: Result<Workspace, any Error> = Result { try built.get().scan() }

    func date(_ file: String, _ needle: String) throws -> Claim {
        try Self.built.get().claim(.date, in: file, at: needle, of: try Self.scanned.get())
    }

    @Test(arguments: ["Date: 2025-12-03", "Last updated: 2025-12-06", "As of December 4", "Audited at commit"])
    func aDocumentDateWithinItsCommitDaysIsVerified(needle: String) throws {
        let claim = try date(Self.english, needle)
        #expect(claim.subject == "document")
        #expect(claim.verifiedValue == "2025-12-01/2025-12-05")
        #expect(claim.verdict == .verified, "\(claim.note?.en ?? "")")
    }

    @Test func aDocumentDateAfterTheLastChangeIsContradicted() throws {
        let claim = try date(Self.english, "Report generated on")
        #expect(claim.subject == "document")
        #expect(claim.verdict == .contradicted)
        #expect(claim.discrepancy == -4)
        #expect(claim.note?.en == "docs/STATUS.md was added on 2025-12-01 and last changed on 2025-12-05; 2025-12-09 lies 4 days outside that")
        let finding = try #require(try Self.built.get().findings(in: Self.english, at: "Report generated on", of: Self.scanned.get()).first)
        #expect(finding.rule == .claimContradicted)
        #expect(finding.message.en.contains("dates the document 2025-12-09"))
        #expect(finding.message.ru.contains("датирует документ 2025-12-09"))
    }

    /// A document is often written before it reaches the history: an earlier date is no lie.
    @Test func aDocumentDateBeforeTheFirstCommitIsUnverifiable() throws {
        let claim = try date(Self.english, "Report date: 2025-11-20")
        #expect(claim.subject == "document")
        #expect(claim.verdict == .unverifiable)
        #expect(claim.discrepancy == nil)
        #expect(claim.note?.en.hasSuffix("2025-11-20 is 11 days earlier, and a document may be written long before it is committed, or copied in from elsewhere") == true)
    }

    @Test(arguments: ["Deadline:", "Due date:", "Kick-off meeting"])
    func otherDatesAreNotJudged(needle: String) throws {
        let claim = try date(Self.english, needle)
        #expect(claim.subject == nil)
        #expect(claim.verdict == nil)
        #expect(claim.note?.en.hasPrefix("only a date that says when its document was written is judged") == true)
        #expect(try Self.built.get().findings(in: Self.english, at: needle, of: Self.scanned.get()).isEmpty)
    }

    @Test func aRussianReportDateIsJudgedLikeAnEnglishOne() throws {
        let dated = try date(Self.russian, "Дата отчёта:")
        #expect(dated.subject == "document")
        #expect(dated.claimedValue == "2025-12-03")
        #expect(dated.verdict == .verified)
        #expect(dated.note?.ru == "docs/STATUS.ru.md добавлен 2025-12-01 и последний раз изменён 2025-12-05")

        let asOf = try date(Self.russian, "по состоянию на")
        #expect(asOf.subject == "document")
        #expect(asOf.verdict == .contradicted)
        #expect(asOf.discrepancy == -4)
        #expect(asOf.note?.ru.hasSuffix("дата 2025-12-09 выходит за эти дни на 4") == true)

        let early = try date(Self.russian, "Дата: 20.11.2025")
        #expect(early.verdict == .unverifiable)
    }

    @Test(arguments: ["Срок сдачи", "Встреча прошла"])
    func otherRussianDatesAreNotJudged(needle: String) throws {
        let claim = try date(Self.russian, needle)
        #expect(claim.subject == nil)
        #expect(claim.verdict == nil)
    }

    /// The notes were added on 2025-11-20 under another name: the move keeps their first day.
    @Test func aRenamedDocumentKeepsTheDayItWasFirstCommitted() throws {
        let claim = try date(Self.renamed, "Date: 2025-11-20")
        #expect(claim.verifiedValue == "2025-11-20/2025-12-05")
        #expect(claim.verdict == .verified)
    }

    @Test func aDocumentNeverCommittedCannotBeDated() throws {
        let claim = try date(Self.draft, "Date: 2025-12-05")
        #expect(claim.subject == "document")
        #expect(claim.verifiedValue == nil)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "no commit of the history changed docs/DRAFT-STATUS.md, so when it was written is not known")
    }
}
