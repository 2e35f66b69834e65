import PhaseModel

/// What the pipeline takes from the process around it: where its notes and progress go, the
/// executable that can run history workers, and the `PATH` Helm is looked for on.
///
/// Notes and progress are closures so the library writes no output of its own: the CLI sends
/// them to standard error, tests collect them.
public struct PipelineContext: Sendable {
    /// phasecert's own executable, started as `history-worker` processes to read a long history
    /// on several processors; `nil` keeps all work in this process.
    public var executable: String?
    /// The `PATH` that `evidence.runHelm` looks for `helm` on.
    public var searchPath: String?
    /// The phasecert that runs, as reports, SARIF logs and `phase.json` name it.
    public var tool: ToolVersion
    /// Receives each remark that is not a finding (a rebuilt cache, an unreadable snapshot).
    public var note: @Sendable (String) -> Void
    /// Receives status lines during long work.
    public var progress: @Sendable (String) -> Void
    /// Called once the scan is over, to clear the status line.
    public var finishProgress: @Sendable () -> Void

    public init(
        executable: String? = nil, searchPath: String? = nil, tool: ToolVersion = .unstamped,
        note: @escaping @Sendable (String) -> Void = { _ in }, progress: @escaping @Sendable (String) -> Void = { _ in },
        finishProgress: @escaping @Sendable () -> Void = {}
    ) {
        self.executable = executable
        self.searchPath = searchPath
        self.tool = tool
        self.note = note
        self.progress = progress
        self.finishProgress = finishProgress
    }
}
