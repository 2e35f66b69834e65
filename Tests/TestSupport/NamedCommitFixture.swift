/// A fixture repository whose commits tests refer to by role (`"summary"`, `"merge"`) rather
/// than by id.
public struct NamedCommitFixture: Sendable {
    public let builder: GitRepositoryBuilder
    public var path: String { builder.path }
    /// Commit id per role.
    public var ids: [String: String] = [:]

    public init(builder: GitRepositoryBuilder) {
        self.builder = builder
    }

    /// The commit id of `name`; a role the fixture does not have is a mistake in the test.
    public subscript(_ name: String) -> String { ids[name]! }
}
