import PropertyBased
import Testing
@testable import PhaseModel

/// Findings are ordered member by member exactly as comparing arrays of the members ordered them.
struct FindingListOrderTests {
    /// The order as it was first written: arrays of members compared lexicographically.
    static func reference(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        let left = [lhs.rule.rawValue, lhs.task ?? "", lhs.file ?? ""]
        let right = [rhs.rule.rawValue, rhs.task ?? "", rhs.file ?? ""]
        if left != right { return left.lexicographicallyPrecedes(right) }
        if lhs.line != rhs.line { return (lhs.line ?? -1) < (rhs.line ?? -1) }
        return [lhs.commit ?? "", lhs.phase ?? "", lhs.message.en, lhs.message.ru]
            .lexicographicallyPrecedes([rhs.commit ?? "", rhs.phase ?? "", rhs.message.en, rhs.message.ru])
    }

    @Test func twoFindingsAreOrderedAsByTheReference() async {
        let picks = CanonicalJSONFindingTests.picks
        await propertyCheck(count: 3_000, input: picks, picks) { left, right in
            let lhs = CanonicalJSONFindingTests.finding(left)
            let rhs = CanonicalJSONFindingTests.finding(right)
            #expect(Finding.listOrder(lhs, rhs) == Self.reference(lhs, rhs))
            #expect(Finding.listOrder(rhs, lhs) == Self.reference(rhs, lhs))
            #expect(!Finding.listOrder(lhs, lhs))
        }
    }

    @Test func aListIsSortedAsByTheReference() {
        let findings = (0..<400).map { index in
            CanonicalJSONFindingTests.finding((0..<8).map { member in (index * 7 / (member + 1) + member) % 8 })
        }
        let sorted = findings.sorted(by: Finding.listOrder)
        let expected = findings.sorted(by: Self.reference)
        // The first place the lists part, rather than both lists of findings in a failure.
        #expect(sorted.indices.first { sorted[$0] != expected[$0] } == nil)
    }
}
