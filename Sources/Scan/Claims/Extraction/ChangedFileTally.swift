import PhaseModel

/// A commit's changed files counted by category and by what happened to them, once per commit.
///
/// A file count in a report ("12 files changed", "3 new test files") is judged against the
/// commit that wrote its line; a plan's first commit adds thousands of files, and every such
/// figure written by it counted them all again, up to five times per figure.
struct ChangedFileTally: Equatable {
    var all = 0
    var created = 0
    var modified = 0
    /// Files of each category, and of each among the created ones, by `FileCategory`'s case order.
    private var byCategory = [Int](repeating: 0, count: FileCategory.allCases.count)
    private var createdByCategory = [Int](repeating: 0, count: FileCategory.allCases.count)

    init(_ files: [FileChange]) {
        for file in files {
            let category = Self.slot(FileCategory.classify(path: file.path))
            all += 1
            byCategory[category] += 1
            switch file.status {
            case .created:
                created += 1
                createdByCategory[category] += 1
            case .modified:
                modified += 1
            case .deleted, .renamed:
                break
            }
        }
    }

    /// Files of `categories`; only the created ones when `createdOnly`.
    func count(_ categories: [FileCategory], createdOnly: Bool) -> Int {
        let counts = createdOnly ? createdByCategory : byCategory
        return categories.reduce(0) { $0 + counts[Self.slot($1)] }
    }

    /// Every file, or every created one.
    func count(createdOnly: Bool) -> Int { createdOnly ? created : all }

    private static func slot(_ category: FileCategory) -> Int {
        FileCategory.allCases.firstIndex(of: category) ?? 0
    }
}
