import PhaseModel
import Testing
@testable import Render

/// A claim's figures in the unit its kind uses, in both locales.
struct AuditViewFiguresTests {
    private static func figures(_ locale: ReportLocale) throws -> AuditFigures {
        AuditFigures(text: ViewText(catalog: try Catalog.builtIn(locale)))
    }

    private static func claim(_ kind: ClaimKind, _ text: String = "x", verdict: Verdict? = .contradicted) -> Claim {
        Claim(kind: kind, text: text, source: .file("r.md", line: 1), verdict: verdict)
    }

    @Test func aStatusShowsTheWordWrittenAndTheCompletionFound() throws {
        var status = Self.claim(.status)
        status.claimed = 1
        status.claimedValue = "done"
        status.verified = 0.5
        status.discrepancy = -0.5
        let en = try Self.figures(.en)
        #expect(en.claimed(status) == "done")
        #expect(en.verified(status) == "50%")
        #expect(en.discrepancy(status) == "\\-50 pp")
        let ru = try Self.figures(.ru)
        #expect(ru.claimed(status) == "выполнено")
        #expect(ru.verified(status) == "50\u{A0}%")
        #expect(ru.discrepancy(status) == "\\-50\u{A0}п.\u{A0}п.")
    }

    @Test func durationsAreHoursAndTotalsKeepThePercentTheyWereWrittenWith() throws {
        var duration = Self.claim(.duration)
        duration.claimed = 2
        duration.verified = 70.5
        duration.discrepancy = 68.5
        let en = try Self.figures(.en)
        // The scanner reads "2 h" as a duration, so the report quotes it.
        #expect(en.claimed(duration) == "\\`2 h\\`")
        #expect(en.discrepancy(duration) == "\\`\\+68.5 h\\`")
        #expect(try Self.figures(.ru).verified(duration) == "\\`70,5\u{A0}ч\\`")

        var average = Self.claim(.average, "**148.3%**", verdict: .inconsistent)
        average.claimed = 148.3
        average.expected = 140.25
        average.discrepancy = -8.05
        #expect(en.claimed(average) == "148\\.3%")
        #expect(en.verified(average) == "140\\.25% by the document's figures")
        #expect(en.discrepancy(average) == "\\-8.05 pp")
        var total = Self.claim(.total, "7,321", verdict: .verified)
        total.claimed = 7321
        total.expected = 7321
        #expect(en.claimed(total) == "7,321")
        #expect(en.discrepancy(total) == "±0")
    }

    @Test func pathsAndCommitsSayWhetherTheyWereFound() throws {
        let en = try Self.figures(.en)
        var missing = Self.claim(.deliverable, "values.yaml")
        missing.subject = "deploy/values.yaml"
        missing.verified = 0
        #expect(en.claimed(missing) == "deploy/values.yaml")
        #expect(en.verified(missing) == "missing")
        #expect(en.discrepancy(missing) == "—")
        var unknown = Self.claim(.commitRef, "abc1234")
        unknown.claimedValue = "abc1234"
        unknown.verified = 0
        #expect(en.claimed(unknown) == "abc1234")
        #expect(en.verified(unknown) == "not in the history")
        #expect(try Self.figures(.ru).verified(unknown) == "нет в истории")
    }

    @Test func aClaimWithoutFiguresShowsNoEvidenceNeverZero() throws {
        let claim = Self.claim(.coverage, verdict: .unverifiable)
        let en = try Self.figures(.en)
        #expect(en.claimed(claim) == "no evidence")
        #expect(en.verified(claim) == "no evidence")
        #expect(en.discrepancy(claim) == "no evidence")
        var quality = Self.claim(.quality, verdict: nil)
        quality.claimed = 150
        #expect(en.verified(quality) == "no evidence")
        #expect(en.discrepancy(quality) == "not compared")
    }
}
