import PhaseModel

/// Everything a report is written from: the assessed workspace and what the scan kept beside it.
/// Reports compute no figure of their own; they format these values.
public struct ReportInput: Sendable {
    public var workspace: Workspace
    public var configuration: Configuration
    /// Per task: its commits and the files they changed (from `TaskAssociation.history(for:)`).
    /// A task without an entry shows "no evidence" in its history sections.
    public var histories: [String: TaskHistory]
    /// Per phase id: the comparison with the previous snapshot, when one exists.
    public var comparisons: [String: PhaseComparison]
    /// The phasecert writing the reports, named in their methodology sections, the SARIF log
    /// and `phase.json`.
    public var tool: ToolVersion

    public init(
        workspace: Workspace, configuration: Configuration, histories: [String: TaskHistory] = [:],
        comparisons: [String: PhaseComparison] = [:], tool: ToolVersion = .unstamped
    ) {
        self.workspace = workspace
        self.configuration = configuration
        self.histories = histories
        self.comparisons = comparisons
        self.tool = tool
    }
}
