/// Metadata a task declares about itself in `task.yml` or a document's front matter.
public struct TaskMetadata: Codable, Sendable, Equatable {
    /// Canonical ids of tasks this one depends on.
    public var dependencies: [String]
    /// Paths the task says it delivers or touches, relative to the repository root.
    public var linkedPaths: [String]
    /// Named numeric targets (for example `coverage: 80`), sorted by name.
    public var targets: [String: Double]
    /// Where the metadata was read from.
    public var source: Provenance

    public init(dependencies: [String], linkedPaths: [String], targets: [String: Double], source: Provenance) {
        self.dependencies = dependencies
        self.linkedPaths = linkedPaths
        self.targets = targets
        self.source = source
    }
}
