import Foundation

/// Where a command writes: standard output for results, standard error for diagnostics.
///
/// Tests pass their own closures so a command runs in-process with its output captured.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    public var errorIsTerminal: Bool
    /// The process environment (`CI`, `NO_COLOR`, `GITHUB_STEP_SUMMARY`).
    public var environment: [String: String]
    /// The working directory, for resolving `--repo` and `--config`.
    public var currentDirectory: String

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        errorIsTerminal: Bool = false, environment: [String: String] = [:], currentDirectory: String
    ) {
        self.out = out
        self.err = err
        self.errorIsTerminal = errorIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The real process streams.
    public static var standard: Console {
        Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath
        )
    }
}
