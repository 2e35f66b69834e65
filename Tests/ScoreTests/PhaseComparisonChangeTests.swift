import Foundation
import PhaseModel
import Testing

/// `PhaseComparison.Change` and the JSON of a comparison: a missing side is `null`, never 0.
struct PhaseComparisonChangeTests {
    @Test func aChangeExistsWhenEitherSideHasTheFigure() {
        #expect(PhaseComparison.Change<Int>.between(nil, nil) == nil)
        #expect(PhaseComparison.Change<Int>.between(0, nil) == PhaseComparison.Change(before: 0, after: nil))
        #expect(PhaseComparison.Change<Int>.between(nil, 0) == PhaseComparison.Change(before: nil, after: 0))
    }

    @Test func aDeltaNeedsBothSides() {
        #expect(PhaseComparison.Change<Int>(before: 3, after: 5).delta == 2)
        #expect(PhaseComparison.Change<Double>(before: 90, after: 87.5).delta == -2.5)
        #expect(PhaseComparison.Change<Int>(before: nil, after: 5).delta == nil)
        #expect(PhaseComparison.Change<Int>(before: 3, after: nil).delta == nil)
    }

    @Test func missingValuesAreExplicitNullsAndRoundTrip() throws {
        let comparison = PhaseComparison(
            previousCertification: nil, previousPath: "reports/.history/phase-13/a.json",
            completion: PhaseComparison.Change(before: nil, after: 75), quality: nil, grade: PhaseComparison.Change(before: "B", after: nil),
            testsPassed: nil, testsExecuted: nil, findings: PhaseComparison.Change(before: 1, after: 0),
            resolved: [Finding(rule: .docsMissing, severity: .minor, task: "TN-001", message: LocalizedText(en: "a", ru: "а"))],
            introduced: [], unchanged: 0)
        let data = try CanonicalJSON.encode(comparison)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["previousCertification", "quality", "testsPassed", "testsExecuted"] {
            #expect(object[key] is NSNull, "\(key)")
        }
        let completion = try #require(object["completion"] as? [String: Any])
        #expect(completion["before"] is NSNull)
        #expect(completion["after"] as? Double == 75)
        let grade = try #require(object["grade"] as? [String: Any])
        #expect(grade["after"] is NSNull)
        #expect(try CanonicalJSON.decode(PhaseComparison.self, from: data) == comparison)
    }
}
