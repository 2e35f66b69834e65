/// What `check-names --fix` will do, worked out before anything is changed.
public struct FixPlan: Sendable, Equatable {
    /// Folders to rename, in report order.
    public var renames: [FolderRename]
    /// Renames `--fix` would do but will not, with why.
    public var refused: [Refusal]
    /// Link destinations to rewrite, by file then position.
    public var links: [LinkEdit]
    /// Markdown files whose links were not looked at, and why.
    public var skippedFiles: [SkippedFile]

    /// Why each refused rename is not done.
    public var refusalReasons: [FolderRename: String] {
        Dictionary(refused.map { ($0.rename, $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    /// A rename `--fix` will not do.
    public struct Refusal: Sendable, Equatable {
        public var rename: FolderRename
        /// Why, in a clause (`it has uncommitted changes`).
        public var reason: String
        /// The files that are the reason, repository-relative, each with what `git status` says of it.
        public var files: [String]
    }

    /// A Markdown file left as it is.
    public struct SkippedFile: Sendable, Equatable {
        public var path: String
        public var reason: MarkdownFiles.Skip
    }
}

/// What `check-names --fix` did.
public struct FixOutcome: Sendable, Equatable {
    /// Renames done (on disk and, in a git work tree, in the index).
    public var renamed: [FolderRename] = []
    /// Renames that failed; the reason says where the folder is.
    public var failed: [Failure] = []
    /// Files whose links were rewritten, where they are now.
    public var rewrittenFiles: [String] = []
    /// Link destinations rewritten.
    public var rewrittenLinks = 0
    /// Files whose links could not be rewritten.
    public var unwritten: [Failure] = []

    /// Why each failed rename of `plan` is not done.
    public func failureReasons(in plan: FixPlan) -> [FolderRename: String] {
        var reasons: [FolderRename: String] = [:]
        for failure in failed {
            guard let change = plan.renames.first(where: { $0.from == failure.path }) else { continue }
            reasons[change] = failure.reason.hasPrefix("not renamed: ") ? String(failure.reason.dropFirst("not renamed: ".count)) : failure.reason
        }
        return reasons
    }

    /// A path and what went wrong with it.
    public struct Failure: Sendable, Equatable {
        public var path: String
        public var reason: String
    }
}
