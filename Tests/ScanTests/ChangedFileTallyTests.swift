import PhaseModel
import PropertyBased
import Testing
@testable import Scan

/// A commit's files counted once by category and status give every count that counting them
/// one by one gave.
struct ChangedFileTallyTests {
    static let paths = [
        "Sources/App/main.swift", "Tests/AppTests/MainTests.swift", "docs/guide.md", "README.md", "Package.swift",
        "charts/app/values.yaml", "app/test_filter.py", "web/src/App.test.tsx", "assets/logo.png", ".github/workflows/ci.yml",
    ]
    static let statuses: [FileChange.Status] = [.created, .modified, .deleted, .renamed]

    @Test func countsAreTheFilesCountedOneByOne() async {
        let file = Gen<Int>.int(in: 0...(Self.paths.count * Self.statuses.count - 1))
        await propertyCheck(count: 1_000, input: file.array(of: 0...40)) { picks in
            let files = picks.map { pick in
                FileChange(
                    path: Self.paths[pick % Self.paths.count], status: Self.statuses[pick / Self.paths.count],
                    added: 1, deleted: 0)
            }
            let tally = ChangedFileTally(files)
            for createdOnly in [false, true] {
                let counted = files.filter { !createdOnly || $0.status == .created }
                #expect(tally.count(createdOnly: createdOnly) == counted.count)
                for categories in [[FileCategory.code], [.tests], [.docs], [.code, .tests], FileCategory.allCases] {
                    let expected = counted.count { categories.contains(FileCategory.classify(path: $0.path)) }
                    #expect(tally.count(categories, createdOnly: createdOnly) == expected, "\(categories) \(createdOnly)")
                }
            }
            #expect(tally.modified == files.count { $0.status == .modified })
        }
    }
}
