import PhaseModel

/// Which of the configured required documents a task has, by one definition shared by the
/// `docs.missing` rule and the quality model's documents sub-score.
///
/// A required document is looked for in the task's primary folder (`directories.first`), by its
/// path relative to that folder: the exact name first, else the same name in another case
/// (`REQUIREMENTS.md`). It is non-trivial when it holds at least `minimumNonBlankLines` lines with
/// something other than white space; a heading alone is a placeholder, not a document.
public enum RequiredDocuments {
    /// Fewest non-blank lines a required document needs to count.
    public static let minimumNonBlankLines = 3

    /// One required document of a task.
    public struct Status: Sendable, Equatable {
        /// The name as configured (`requirements.md`).
        public var name: String
        /// The document's repository path when present; `nil` when missing.
        public var path: String?
        public var present: Bool
        /// Present and holding at least `minimumNonBlankLines` non-blank lines.
        public var nonTrivial: Bool
        /// Its non-blank lines; `nil` when missing.
        public var nonBlankLines: Int?

        public init(name: String, path: String?, nonBlankLines: Int?) {
            self.name = name
            self.path = path
            self.present = path != nil
            self.nonBlankLines = nonBlankLines
            self.nonTrivial = (nonBlankLines ?? 0) >= RequiredDocuments.minimumNonBlankLines
        }
    }

    /// The status of each configured required document, in configuration order; empty for a task
    /// without a folder, which has nowhere to keep documents.
    public static func status(of task: TaskRecord, configuration: Configuration.Tasks) -> [Status] {
        guard let folder = task.directories.first else { return [] }
        let prefix = folder + "/"
        let own = task.documents.filter { $0.path.hasPrefix(prefix) }
        return configuration.requiredDocuments.map { name in
            let wanted = prefix + name
            let document = own.first { $0.path == wanted } ?? own.first { $0.path.lowercased() == wanted.lowercased() }
            return Status(name: name, path: document?.path, nonBlankLines: document?.nonBlankLines)
        }
    }
}
