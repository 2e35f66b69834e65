/// A phase as it was certified: one `reports/.history/<phase-slug>/<certification-id>.json`,
/// which holds that phase's `phase.json` at the time.
public struct Snapshot: Sendable, Equatable {
    /// Repository-relative path of the snapshot file, as listed (not as a link resolves).
    public var path: String
    /// The workspace narrowed to the phase: one phase, its tasks and the findings about them.
    public var workspace: Workspace

    public init(path: String, workspace: Workspace) {
        self.path = path
        self.workspace = workspace
    }

    /// The certification the snapshot records, if the phase was certified.
    public var certificationID: String? { workspace.phases.first?.certification?.id }

    /// The file name without `.json`: the certification id the snapshot was written under.
    public var fileStem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".json") ? String(name.dropLast(".json".count)) : name
    }
}
