import PropertyBased
import Testing
@testable import Scan

/// `ClaimPhraseScanner.statesClaim(in:)` stops at the first claim and answers what `claims(in:)` does.
struct StatesClaimTests {
    /// Words of every phrase family, of plans and targets, arrows, code and ids, in both languages.
    static let pieces = [
        " ", ", ", ". ", "39", "39/39", "100%", "85.5%", "1,234", "2025-11-30", "v1.2.3", "TN-001", "→", "`42`",
        "tests", "passing", "passed", "failed", "LOC", "lines of code", "lines", "files", "coverage", "complete",
        "COMPLETE", "DONE", "✅", "Grade A+", "quality", "hours", "2h", "Target:", "at least", "should", "planned",
        "тестов", "проходят", "строк", "покрытие", "ГОТОВО", "завершено", "файлов", "часа", "цель", "Phase 3", "(", ")",
    ]

    @Test func theShortScanAgreesWithTheFullOne() async {
        await propertyCheck(count: 4_000, input: Gen<Int>.int(in: 0...(Self.pieces.count - 1)).array(of: 0...14)) { picks in
            let text = picks.map { Self.pieces[$0] }.joined(separator: " ")
            #expect(ClaimPhraseScanner.statesClaim(in: text) == !ClaimPhraseScanner.claims(in: text).isEmpty, "\(text)")
        }
    }

    @Test(arguments: ["39/39 tests passing", "✅ COMPLETE", "Покрытие 85%", "Target: 80% coverage", "v1.2.3 of TN-001", ""])
    func aSentenceGetsTheSameAnswer(_ text: String) {
        #expect(ClaimPhraseScanner.statesClaim(in: text) == !ClaimPhraseScanner.claims(in: text).isEmpty)
    }
}
