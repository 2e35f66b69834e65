import Foundation
import PhaseModel

/// Where a command writes: standard output for results, standard error for diagnostics.
///
/// Tests pass their own closures so a command runs in-process with its output captured.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    /// Bytes for standard output as they are (`scan --json` writes hundreds of megabytes, which
    /// need no round trip through `String`); by default they go to `out` as UTF-8 text.
    public var outBytes: @Sendable ([UInt8]) -> Void
    public var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    public var errorIsTerminal: Bool
    /// Whether standard output is a terminal (colour is used only then, and not with `NO_COLOR`).
    public var outputIsTerminal: Bool
    /// The process environment (`CI`, `NO_COLOR`, `GITHUB_STEP_SUMMARY`).
    public var environment: [String: String]
    /// The working directory, for resolving `--repo` and `--config`.
    public var currentDirectory: String
    /// This program's own executable, for starting worker processes; `nil` keeps all work
    /// in this process (as in tests, where the process is the test runner).
    public var executable: String?
    /// The phasecert that runs, as reports, SARIF logs and `phase.json` name it. In-process runs
    /// default to `ToolVersion.unstamped`, so their output does not change with every commit built.
    public var version: ToolVersion

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        errorIsTerminal: Bool = false, outputIsTerminal: Bool = false, environment: [String: String] = [:],
        currentDirectory: String, executable: String? = nil, version: ToolVersion = .unstamped,
        outBytes: (@Sendable ([UInt8]) -> Void)? = nil
    ) {
        self.out = out
        self.outBytes = outBytes ?? { bytes in out(String(decoding: bytes, as: UTF8.self)) }
        self.err = err
        self.errorIsTerminal = errorIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executable = executable
        self.version = version
    }

    /// `message` on standard error as a line after "phasecert: ", in English, the language of the terminal text.
    public func say(_ message: LocalizedText) {
        err("phasecert: \(message.en)\n")
    }

    /// The real process streams.
    public static var standard: Console {
        Console(
            // A reader that went away (`phasecert scan | head`) is not an error worth a crash.
            out: { text in try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) },
            err: { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1,
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath,
            version: .built,
            outBytes: { bytes in try? FileHandle.standardOutput.write(contentsOf: bytes) }
        )
    }

    /// A progress reporter: one status line, rewritten in place, only when standard error is a
    /// terminal and not `quiet`; `finish` clears it.
    public func progress(quiet: Bool) -> (report: @Sendable (String) -> Void, finish: @Sendable () -> Void) {
        guard errorIsTerminal, !quiet else { return ({ _ in }, {}) }
        let err = self.err
        return ({ message in err("\r\u{1B}[Kphasecert: \(message)") }, { err("\r\u{1B}[K") })
    }
}
