import PhaseModel
import Testing
@testable import Score

struct ClaimVerifierDeliverableTests {
    typealias F = ClaimFixtures

    func judged(_ exists: Double?) -> Claim {
        F.judged(
            F.claim(
                .deliverable, "`helm/redis/values.yaml`", subject: "helm/redis/values.yaml", verified: exists,
                verifiedValue: exists == 1 ? "helm/redis/values.yaml" : nil))
    }

    @Test func anExistingFileIsVerified() {
        let claim = judged(1)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 1)
        #expect(claim.verifiedValue == "helm/redis/values.yaml")
        #expect(claim.note?.en == "helm/redis/values.yaml exists in the work tree")
    }

    @Test func aMissingFileIsContradicted() {
        let claim = judged(0)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 0)
        #expect(claim.discrepancy == nil)
        #expect(claim.note?.ru == "файла helm/redis/values.yaml нет в рабочем дереве")
    }

    @Test func aPathScanCouldNotResolveIsUnverifiable() {
        #expect(judged(nil).verdict == .unverifiable)
    }
}
