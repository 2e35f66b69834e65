import PhaseModel
import Testing
@testable import Score

/// A file count completed from the section it recaps is verified, and its note names that section.
struct FileCountRecapVerdictTests {
    typealias F = ClaimFixtures

    @Test func aRecapIsVerifiedAgainstTheSectionItNames() {
        let claim = F.claim(.fileCount, "2 documentation files", subject: "Documentation (2 new)", claimed: 2, expected: 2)
        let judged = F.judged(claim)
        #expect(judged.verdict == .verified)
        #expect(judged.note == LocalizedText(
            en: "the section “Documentation (2 new)” lists 2 files",
            ru: "в разделе «Documentation (2 new)» перечислено файлов: 2"))
    }

    @Test func aCountOverTheListUnderItKeepsItsNote() {
        let judged = F.judged(F.claim(.fileCount, "Files Created (3 total)", claimed: 3, expected: 3))
        #expect(judged.verdict == .verified)
        #expect(judged.note?.en == "3 items are listed under it")
    }
}
