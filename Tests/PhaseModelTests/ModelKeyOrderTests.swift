import Testing
@testable import PhaseModel

/// A task's nested objects (one of each a task, several sub-scores) are declared in the canonical
/// order too, each with every stored property once, so that none is left out of the JSON.
struct ModelKeyOrderTests {
    private func check<K: CodingKey & CaseIterable>(
        _ keys: K.Type, of value: Any, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let names = K.allCases.map(\.stringValue)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, sourceLocation: sourceLocation)
        // A property wrapper's storage is `_name`.
        let stored = Mirror(reflecting: value).children.compactMap { $0.label.map { String($0.drop { $0 == "_" }) } }
        #expect(Set(names) == Set(stored) && names.count == stored.count, sourceLocation: sourceLocation)
    }

    @Test func aTasksNestedObjectsAreDeclaredInCanonicalOrder() {
        check(SubScore.CodingKeys.self, of: SubScore(name: .tests, score: 1, weight: 1, appliedWeight: 1))
        check(QualityDetail.CodingKeys.self, of: QualityDetail(subScores: [], redistributed: false, uncapped: nil, uncappedGrade: nil, gradeCappedBy: nil))
        check(FindingCounts.CodingKeys.self, of: FindingCounts())
        check(GitSummary.CodingKeys.self, of: GitSummary(commits: 1, linesAdded: 1, linesDeleted: 0, first: nil, last: nil))
    }
}
