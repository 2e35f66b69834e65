/// What one `helm lint` or `helm template` run gave.
public struct HelmRunResult: Sendable, Equatable {
    /// The argument vector passed to the executable (without the executable itself).
    public var arguments: [String]
    /// The exit status; nil when helm could not be started, was killed after the timeout,
    /// or died of a signal.
    public var exitStatus: Int32?
    /// The run took longer than the runner's timeout and was killed.
    public var timedOut: Bool
    /// The parsed output. Its provenance and problems name the command
    /// (`helm lint charts/web`) as the file; a timeout, a failure to start, or an exit status
    /// the output does not explain are problems here too.
    public var summary: HelmOutputSummary

    public init(arguments: [String], exitStatus: Int32?, timedOut: Bool, summary: HelmOutputSummary) {
        self.arguments = arguments
        self.exitStatus = exitStatus
        self.timedOut = timedOut
        self.summary = summary
    }
}
