import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierOwnScoreTests {
    typealias F = ClaimFixtures

    var scored: Workspace {
        var task = F.task()
        task.quality = 91
        task.grade = "A-"
        var phase = F.phase(tasks: ["TN-201"])
        phase.quality = 88.25
        phase.grade = "B+"
        return F.workspace(tasks: [task], phases: [phase])
    }

    @Test func aTaskQualityClaimGetsPhasecertsFigureBesideItUnjudged() {
        let claim = F.claim(.quality, "150% quality", claimed: 150)
        let compared = ClaimVerifier.compareWithOwnScores([claim], in: scored)[0]
        #expect(compared.verdict == nil)
        #expect(compared.verified == 91)
        #expect(compared.verifiedValue == "A-")
        #expect(compared.discrepancy == nil)
        #expect(compared.note?.en == "phasecert's quality for TN-201 is 91% (grade A-); shown beside phasecert's figure, not judged")
        #expect(compared.note?.ru == "качество задачи TN-201 по phasecert — 91\u{00A0}% (оценка A-); показано рядом с оценкой phasecert, без сравнения")
    }

    @Test func aPhaseGradeClaimGetsThePhasesFigures() {
        let claim = F.claim(.grade, "Grade A+", task: nil, phase: "13", claimedValue: "A+")
        let compared = ClaimVerifier.compareWithOwnScores([claim], in: scored)[0]
        #expect(compared.verdict == nil)
        #expect(compared.verified == 88.25)
        #expect(compared.verifiedValue == "B+")
        #expect(compared.note?.en.contains("phase 13 is 88.25%") == true)
    }

    @Test func aTaskWithoutQualityIsSaidSo() {
        let claim = F.claim(.quality, "150% quality", claimed: 150)
        let compared = ClaimVerifier.compareWithOwnScores([claim], in: F.workspace(tasks: [F.task()]))[0]
        #expect(compared.verified == nil)
        #expect(compared.note?.en == "phasecert has no quality for TN-201, as no sub-score has evidence; shown beside phasecert's figure, not judged")
    }

    @Test func aWorkspaceQualityClaimHasNoOwnFigure() {
        let claim = F.claim(.quality, "average quality 148.3%", task: nil, claimed: 148.3)
        let compared = ClaimVerifier.compareWithOwnScores([claim], in: scored)[0]
        #expect(compared.verdict == nil)
        #expect(compared.verified == nil)
        #expect(compared.note?.en.hasSuffix("not judged") == true)
    }

    @Test func otherClaimsAreLeftAlone() {
        let verifier = ClaimVerifier(configuration: .init())
        var workspace = scored
        workspace.claims = [F.claim(.ratio, "9/10 = 95%", claimed: 95, denominator: 10, expected: 90)]
        let judged = verifier.verify(workspace).claims
        #expect(ClaimVerifier.compareWithOwnScores(judged, in: scored) == judged)
    }

    @Test func aVerdictSetByMistakeIsCleared() {
        var claim = F.claim(.grade, "Grade A+", claimedValue: "A+")
        claim.verdict = .contradicted
        #expect(ClaimVerifier.compareWithOwnScores([claim], in: scored)[0].verdict == nil)
    }
}
