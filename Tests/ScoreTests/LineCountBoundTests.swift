import Foundation
import PhaseModel
import Testing
@testable import Score

/// `750+ lines` and `~200 LOC` are held to what they say: a lower bound, a rounded figure.
struct LineCountBoundTests {
    typealias F = ClaimFixtures

    func judged(_ text: String, _ claimed: Double, bound: ClaimBound?, counted: Double?) -> Claim {
        var claim = F.claim(.loc, text, subject: "Analyzer.ts", claimed: claimed, verified: counted)
        claim.bound = bound
        return F.judged(claim)
    }

    @Test func aLowerBoundIsVerifiedByALargerCount() {
        let claim = judged("Analyzer.ts (750+ lines)", 750, bound: .atLeast, counted: 842)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 842)
        #expect(claim.note?.en == "Analyzer.ts has 842 lines; the figure is written as a lower bound")
        #expect(claim.note?.ru == "строк в Analyzer.ts: 842; число записано как нижняя граница")
        // Written plainly, the same figure is off by more than 10%.
        #expect(judged("Analyzer.ts (750 lines)", 750, bound: nil, counted: 842).verdict == .contradicted)
    }

    @Test func aLowerBoundAllowsTheLineToleranceBelowIt() {
        // 750 × 0.9 = 675.
        #expect(judged("750+ строк", 750, bound: .atLeast, counted: 675).verdict == .verified)
        let short = judged("750+ строк", 750, bound: .atLeast, counted: 674)
        #expect(short.verdict == .contradicted)
        #expect(short.discrepancy == -76)
    }

    @Test func aRoundedFigureIsVerifiedWithinAQuarterOfTheCount() {
        // |200 − 240| = 40 ≤ 25% of 240; plainly written it is beyond 10%.
        let rounded = judged("job.go (~200 LOC)", 200, bound: .about, counted: 240)
        #expect(rounded.verdict == .verified)
        #expect(rounded.note?.en == "Analyzer.ts has 240 lines; the figure is written as rounded, so 25% either way is accepted")
        #expect(rounded.note?.ru == "строк в Analyzer.ts: 240; число записано как округлённое, допускается 25% в обе стороны")
        #expect(judged("job.go (200 LOC)", 200, bound: nil, counted: 240).verdict == .contradicted)
    }

    @Test func aRoundedFigureBeyondAQuarterIsContradicted() {
        // ~200 for 369 lines: 169 off, beyond 25% of 369 (92.25). No rounding makes 369 into 200.
        let claim = judged("job.go (~200 LOC)", 200, bound: .about, counted: 369)
        #expect(claim.verdict == .contradicted)
        #expect(claim.discrepancy == 169)
        // At the documented edge: 25% of 160 is 40.
        #expect(judged("~200 LOC", 200, bound: .about, counted: 160).verdict == .verified)
        #expect(judged("~200 LOC", 200, bound: .about, counted: 159).verdict == .contradicted)
    }

    @Test func aWiderLineToleranceAlsoWidensRoundedFigures() {
        let loose = F.configuration { $0.locTolerance = 0.4 }
        var claim = F.claim(.loc, "~200 LOC", subject: "job.go", claimed: 200, verified: 320)
        claim.bound = .about
        #expect(F.judged(claim, configuration: loose).verdict == .verified)
        claim.bound = nil
        #expect(F.judged(claim, configuration: loose).verdict == .verified)
    }

    @Test func thousandsAreCompared() {
        // `38K LOC` is 38,000 lines, whatever the file has.
        #expect(judged("38K LOC", 38_000, bound: nil, counted: 4_955).verdict == .contradicted)
        #expect(judged("~38K LOC", 38_000, bound: .about, counted: 4_955).verdict == .contradicted)
    }

    @Test func aFileThatDidNotExistAtTheDocumentsCommitIsAPlan() {
        var claim = F.claim(.loc, "internal/resources/pod.go (~150 LOC)", subject: "internal/resources/pod.go", claimed: 150)
        claim.bound = .about
        claim.evidenceBasis = ClaimEvidenceBasis(.absentAtDocumentCommit, commit: "0123456789abcdef0123456789abcdef01234567")
        let judged = F.judged(claim)
        #expect(judged.verdict == .unverifiable)
        #expect(
            judged.note?.en
                == "internal/resources/pod.go did not exist at commit 0123456, when the document was last committed: the figure was a plan or an estimate, not a count")
        #expect(judged.note?.ru.contains("ещё не было на коммите 0123456") == true)
    }

    @Test func aCountAtTheDocumentsCommitSaysSo() {
        var claim = F.claim(.loc, "values.yaml | 40", subject: "values.yaml", claimed: 40, verified: 41)
        claim.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: "abcdef0123456789abcdef0123456789abcdef01")
        let judged = F.judged(claim)
        #expect(judged.verdict == .verified)
        #expect(judged.note?.en == "values.yaml had 41 lines at commit abcdef0, which changed the document (the nearest of its versions then)")
        #expect(judged.note?.ru == "строк в values.yaml на коммите abcdef0, который менял документ (ближайшая из его версий тогда): 41")
    }

    @Test func aNameSeveralFilesShareIsUnverifiable() {
        var claim = F.claim(.loc, "values.yaml | 40", subject: "values.yaml", claimed: 40)
        claim.evidenceBasis = ClaimEvidenceBasis(.ambiguousPath)
        let judged = F.judged(claim)
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "several files are named values.yaml, and the document does not say which one it counts")
        #expect(judged.note?.ru == "файлов с именем values.yaml несколько, и документ не уточняет, какой из них посчитан")
    }

    @Test func aHistoryRowIsJudgedAgainstTheLinesItsCommitAdded() {
        let id = "d0f4f7e0123456789abcdef0123456789abcdef0"
        let verified = F.judged(F.claim(.loc, "d0f4f7e | 538", claimed: 538, claimedValue: "d0f4f7e", verified: 540, verifiedValue: id))
        #expect(verified.verdict == .verified)
        #expect(verified.note?.en == "commit d0f4f7e added 540 lines")
        let contradicted = F.judged(F.claim(.loc, "d0f4f7e | 538", claimed: 538, claimedValue: "d0f4f7e", verified: 120, verifiedValue: id))
        #expect(contradicted.verdict == .contradicted)
        #expect(contradicted.discrepancy == -418)
        #expect(contradicted.note?.ru == "коммит d0f4f7e добавил строк: 120")
    }

    @Test func aHistoryRowWhoseCommitIsUnknownOrAmbiguousIsUnverifiable() {
        var unknown = F.claim(.loc, "deadbee | 10", claimed: 10, claimedValue: "deadbee")
        unknown.evidenceBasis = ClaimEvidenceBasis(.unknownCommit, commit: "deadbee")
        let judgedUnknown = F.judged(unknown)
        #expect(judgedUnknown.verdict == .unverifiable)
        #expect(judgedUnknown.note?.en == "no commit of the history starts with deadbee, so the lines it added cannot be counted")
        var ambiguous = F.claim(.loc, "abc1234 | 10", claimed: 10, claimedValue: "abc1234")
        ambiguous.evidenceBasis = ClaimEvidenceBasis(.ambiguousCommit, commit: "abc1234")
        let judgedAmbiguous = F.judged(ambiguous)
        #expect(judgedAmbiguous.verdict == .unverifiable)
        #expect(judgedAmbiguous.note?.ru == "с abc1234 начинаются несколько коммитов истории, и неизвестно, какой добавил эти строки")
    }

    @Test func aTestCountWrittenAsALowerBoundHoldsForMoreTests() {
        let tests = TestEvidence(passed: 320, defined: nil)
        let workspace = F.workspace(tasks: [F.task(tests: tests)])
        var claim = F.claim(.testCount, "300+ tests", subject: "count", claimed: 300)
        claim.bound = .atLeast
        #expect(F.judged(claim, in: workspace).verdict == .verified)
        // Without the bound, 300 is neither the 320 run nor a count defined: it may be of a part.
        claim.bound = nil
        #expect(F.judged(claim, in: workspace).verdict == .unverifiable)
    }

    @Test func aBoundIsWrittenOnlyWhenThereIsOne() throws {
        let plain = F.claim(.loc, "a.go (3 LOC)", subject: "a.go", claimed: 3)
        let plainJSON = String(decoding: try CanonicalJSON.encode(plain), as: UTF8.self)
        #expect(!plainJSON.contains("bound"))
        #expect(!plainJSON.contains("evidenceBasis"))
        var bounded = plain
        bounded.bound = .atLeast
        let boundedJSON = String(decoding: try CanonicalJSON.encode(bounded), as: UTF8.self)
        #expect(boundedJSON.contains("\"bound\" : \"atLeast\""))
        #expect(try CanonicalJSON.decode(Claim.self, from: Data(boundedJSON.utf8)) == bounded)
        #expect(try CanonicalJSON.decode(Claim.self, from: Data(plainJSON.utf8)) == plain)
    }
}

extension LineCountBoundTests {
    /// `~10` rounds to tens: 7 is about 10, 16 is not; above two digits the 25% share rules.
    @Test func aTwoDigitRoundFigureAllowsHalfItsRoundingStep() {
        let tolerance = ClaimTolerance(Configuration.Claims())
        #expect(tolerance.accepts(10, against: 7, as: .lines, bound: .about))
        #expect(!tolerance.accepts(10, against: 16, as: .lines, bound: .about))
        #expect(!tolerance.accepts(3, against: 14, as: .lines, bound: .about))
        #expect(ClaimTolerance.roundingUnit(of: 70) == 10)
        #expect(ClaimTolerance.roundingUnit(of: 45) == 1)
        #expect(ClaimTolerance.roundingUnit(of: 1000) == 1)
    }
}

extension LineCountBoundTests {
    /// `(~280 LOC)` after a description names no file: the note says so, not that a file is missing.
    @Test func aLineFigureThatNamesNoFileSaysSo() {
        let judged = F.judged(F.claim(.loc, "~280 LOC", claimed: 280))
        #expect(judged.verdict == .unverifiable)
        #expect(judged.note?.en == "the figure names no file, so which lines it counts is not known")
        #expect(judged.note?.ru == "число не называет файла, и неизвестно, какие строки оно считает")
    }
}
