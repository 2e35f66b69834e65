import PhaseModel
import PropertyBased
import Testing

@testable import Scan

/// One claim a phrase test expects, field by field; a field left out is expected to be `nil`.
struct PhraseExpectation {
    var kind: ClaimKind
    var text: String
    var subject: String? = nil
    var claimed: Double? = nil
    var denominator: Double? = nil
    var claimedValue: String? = nil
    var expected: Double? = nil
}

/// Checks that scanning `span` gives exactly `expectations`, in order, every field compared
/// (`expected` within 1e-9, since it is computed), and that each claim quotes `span[range]`.
func expectPhrases(
    _ span: String, _ expectations: [PhraseExpectation], sourceLocation: SourceLocation = #_sourceLocation
) {
    let claims = ClaimPhraseScanner.claims(in: span)
    #expect(
        claims.map(\.text) == expectations.map(\.text), "kinds: \(claims.map(\.kind))", sourceLocation: sourceLocation)
    for (claim, expectation) in zip(claims, expectations) {
        #expect(claim.kind == expectation.kind, "\(claim.text)", sourceLocation: sourceLocation)
        #expect(claim.subject == expectation.subject, "\(claim.text)", sourceLocation: sourceLocation)
        #expect(claim.claimed == expectation.claimed, "\(claim.text)", sourceLocation: sourceLocation)
        #expect(claim.denominator == expectation.denominator, "\(claim.text)", sourceLocation: sourceLocation)
        #expect(claim.claimedValue == expectation.claimedValue, "\(claim.text)", sourceLocation: sourceLocation)
        switch (claim.expected, expectation.expected) {
        case (let actual?, let wanted?):
            #expect(abs(actual - wanted) < 1e-9, "\(claim.text): \(actual)", sourceLocation: sourceLocation)
        default:
            #expect(claim.expected == expectation.expected, "\(claim.text)", sourceLocation: sourceLocation)
        }
        #expect(String(span[claim.range]) == claim.text, sourceLocation: sourceLocation)
    }
}

/// Checks that `span` holds no claim at all.
func expectNoPhrases(_ span: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let claims = ClaimPhraseScanner.claims(in: span)
    #expect(claims.isEmpty, "\(span): \(claims.map { "\($0.kind) \($0.text)" })", sourceLocation: sourceLocation)
}

struct ClaimPhraseScannerTests {
    // MARK: Mixed spans

    @Test func severalClaimsInOneSpanComeInTextOrder() {
        expectPhrases(
            "TN-201 ✅ COMPLETE — 39/39 tests passing, 95%+ test coverage, 150% quality (Grade A+), 2025-11-29, 4h",
            [
                PhraseExpectation(kind: .status, text: "COMPLETE", claimed: 1, claimedValue: "done"),
                PhraseExpectation(
                    kind: .testCount, text: "39/39 tests passing", subject: "passing", claimed: 39, denominator: 39),
                PhraseExpectation(kind: .coverage, text: "95%+ test coverage", claimed: 95),
                PhraseExpectation(kind: .quality, text: "150% quality", claimed: 150),
                PhraseExpectation(kind: .grade, text: "Grade A+", claimedValue: "A+"),
                PhraseExpectation(kind: .date, text: "2025-11-29", claimedValue: "2025-11-29"),
                PhraseExpectation(kind: .duration, text: "4h", claimed: 4),
            ])
    }

    @Test func russianSpanWithSeveralClaims() {
        expectPhrases(
            "Статус: ⚠️ 98% ГОТОВА К PRODUCTION (10.5/11 задач завершены), оценка: A+, 30 ноября 2025 г.",
            [
                PhraseExpectation(kind: .completion, text: "98% ГОТОВА", claimed: 98, expected: 10.5 / 11 * 100),
                PhraseExpectation(kind: .completion, text: "10.5/11 задач завершены", claimed: 10.5, denominator: 11),
                PhraseExpectation(kind: .grade, text: "оценка: A+", claimedValue: "A+"),
                PhraseExpectation(kind: .date, text: "30 ноября 2025 г.", claimedValue: "2025-11-30"),
            ])
    }

    @Test func averageWithTargetMarginGivesQualityAndTarget() {
        expectPhrases(
            "Средний уровень качества: 148.3% (превышает цель 150% на -1.7%)",
            [
                PhraseExpectation(kind: .quality, text: "Средний уровень качества: 148.3%", claimed: 148.3),
                PhraseExpectation(
                    kind: .target, text: "превышает цель 150% на -1.7%", subject: "150%", claimed: -1.7,
                    expected: 148.3 - 150),
            ])
    }

    @Test func filesAndLinesInOneHeading() {
        expectPhrases(
            "Documentation (4 files, 5,332 LOC)",
            [
                PhraseExpectation(kind: .fileCount, text: "4 files", claimed: 4),
                PhraseExpectation(kind: .loc, text: "5,332 LOC", claimed: 5332),
            ])
    }

    @Test func commitSubjectWithIdAndCount() {
        expectPhrases(
            "TN-099: add 9 Helm template tests (v1.2.3, #12, x86_64)",
            [PhraseExpectation(kind: .testCount, text: "9 Helm template tests", subject: "count", claimed: 9)])
    }

    @Test func markdownEmphasisDoesNotHideAClaim() {
        expectPhrases(
            "**39/39** tests _passing_",
            [
                PhraseExpectation(
                    kind: .testCount, text: "39/39** tests _passing", subject: "passing", claimed: 39, denominator: 39)
            ])
    }

    // MARK: What gives nothing

    @Test(arguments: [
        "v1.2.3", "Swift 6.3", "TN-099", "PC-004", "#12", "12:30", "at 12:30:45", "x86_64", "sha256", "№5",
        "Fix issue #12 in TN-099", "Build with Swift 6.3 on x86_64", "", "   ", "✅", "🚧 ⛔", "**", "complete the form",
        "Please complete the checklist", "Phase 13: Production Packaging", "|---|---|",
    ])
    func idsVersionsAndPlainWordsGiveNoClaim(span: String) {
        expectNoPhrases(span)
    }

    @Test(arguments: [
        "Target: 80% coverage", "coverage ≥ 80%", "coverage >= 80%", "at least 36 tests", "покрытие не менее 80 %",
        "Goal: 150% quality", "minimum 80% coverage", "should have 36 tests", "must be COMPLETE",
        "expected 40 tests", "planned: 2 days", "Estimated: 3 hours", "цель: 80% покрытия", "должно быть 36 тестов",
        "минимум 80 % покрытие", "план: 5 дней", "80% coverage target", "Goal (80% coverage)",
        "no less than 12 tests", "требуется 95% покрытие", "Coverage target: 80%", "quality ≥ 150%",
    ])
    func targetsRequirementsAndPlansGiveNoClaim(span: String) {
        expectNoPhrases(span)
    }

    @Test func aPlanDoesNotReachPastItsClause() {
        expectPhrases(
            "Target: 80% coverage; achieved 93.2% coverage",
            [PhraseExpectation(kind: .coverage, text: "93.2% coverage", claimed: 93.2)])
        expectPhrases(
            "Target 80% (achieved 93.2% coverage)",
            [PhraseExpectation(kind: .coverage, text: "93.2% coverage", claimed: 93.2)])
    }

    @Test func aTargetMarginIsNotItselfAPlan() {
        expectPhrases(
            "exceeds the 150% target by 2%, with 39 tests",
            [
                PhraseExpectation(kind: .target, text: "exceeds the 150% target by 2%", subject: "150%", claimed: 2),
                PhraseExpectation(kind: .testCount, text: "39 tests", subject: "count", claimed: 39),
            ])
    }

    // MARK: Properties

    @Test func quotesAreTheTextAtTheirRanges() {
        let span = "e\u{301} 39 tests\u{301} ✅️ COMPLETE 👍🏽 93,2 % покрытие, design.md (1 970 LOC)"
        let claims = ClaimPhraseScanner.claims(in: span)
        #expect(claims.count >= 3)
        for claim in claims {
            #expect(String(span[claim.range]) == claim.text)
        }
    }

    @Test func aLongCharacterBesideAFigureIsQuotedWholeAndQuickly() throws {
        let marks = String(repeating: "\u{301}", count: 20_000)
        let span = "39 tests" + marks + " then 4h"
        let claims = ClaimPhraseScanner.claims(in: span)
        #expect(claims.map(\.kind) == [.testCount, .duration])
        let first = try #require(claims.first)
        #expect(first.text == "39 tests" + marks && String(span[first.range]) == first.text)
    }

    @Test func randomTextNeverBreaksTheScanner() async {
        let pieces = [
            "39", "/", "tests", " ", "passing", "%", "7 321", "строк", "LOC", "(", ")", "design.md", "`", "*", "✅",
            "COMPLETE", "В РАБОТЕ", "Grade", "A", "+", "−", "2025-02-29", "2024-02-29", "ноября", "30", "2025", "г.",
            "exceeds", "target", "by", "-1.7%", "≥", "at least", "\u{301}", "👍🏽", ":", ",", ".", "\n", "h", "files",
            "total", "10.5/11", "задач", "quality", "покрытие", "=", "of", "~", "+", "TN-099",
        ]
        await propertyCheck(input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40)) { indices in
            let span = indices.map { pieces[$0] }.joined()
            let claims = ClaimPhraseScanner.claims(in: span)
            for claim in claims {
                #expect(String(span[claim.range]) == claim.text, "\(span)")
            }
            let starts = claims.map(\.range.lowerBound)
            #expect(starts == starts.sorted(), "\(span)")
        }
    }

    @Test func longParagraphsAreScannedWholeAndInLinearTime() {
        // Quadratic work over 2,000 repetitions would not finish in a test run.
        let sentence = "Phase 13: 39/39 tests passing, 93.2% coverage, design.md (1,970 LOC), 2025-11-30. "
        let span = String(repeating: sentence, count: 2_000)
        let claims = ClaimPhraseScanner.claims(in: span)
        #expect(claims.count == 8_000)
        #expect(Set(claims.map(\.kind)) == [.testCount, .coverage, .loc, .date])
    }
}
