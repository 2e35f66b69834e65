import ArgumentParser
import Foundation
import PhaseModel
import Scan

/// A command that runs against a `Console` and returns its exit code, so tests can run it
/// in-process.
protocol PhasecertCommand: ParsableCommand {
    func run(console: Console) throws -> Int32
}

/// The root command: `phasecert <subcommand>`.
struct Phasecert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phasecert",
        abstract: LocalizedText(message: "cli.phasecert.abstract").en,
        discussion: LocalizedText(message: "cli.phasecert.discussion").en,
        // The library adds --version and prints this line for it.
        version: ToolVersion.built.description,
        subcommands: [
            ScanCommand.self, ReportCommand.self, AuditCommand.self, PhaseCloseCommand.self, CheckNamesCommand.self,
            VerifyCommand.self, InitCommand.self, EvidenceCommand.self, HistoryWorkerCommand.self,
        ]
    )
}

/// Entry point shared by the executable and the tests.
public enum PhasecertMain {
    /// Exit codes of docs/design/pipeline.md#errors-and-exit-codes.
    public enum ExitCode {
        public static let success: Int32 = 0
        public static let gateFailed: Int32 = 1
        public static let usage: Int32 = 2
        public static let unreadableInput: Int32 = 3
    }

    /// Runs the process's command line and exits with its code.
    public static func run() async -> Never {
        // Closed pipes surface as write errors, handled where they happen, not as a signal.
        signal(SIGPIPE, SIG_IGN)
        FreedMemory.mapLargeBlocks()
        FreedMemory.limitArenas()
        let code = execute(Array(CommandLine.arguments.dropFirst()), console: .standard)
        exit(code)
    }

    /// Parses and runs `arguments`; errors go to `console.err` as one line, never a backtrace.
    public static func execute(_ arguments: [String], console: Console) -> Int32 {
        let command: any ParsableCommand
        do {
            command = try Phasecert.parseAsRoot(arguments)
        } catch {
            return report(parseError: error, console: console)
        }
        guard let runnable = command as? any PhasecertCommand else {
            // `help <command>` and `<command> --help` parse to the library's help command, whose
            // run throws the help text of the command asked about; the root alone shows its own.
            do {
                var command = command
                try command.run()
            } catch {
                return report(parseError: error, console: console)
            }
            console.out(Phasecert.helpMessage() + "\n")
            return ExitCode.success
        }
        do {
            return try runnable.run(console: console)
        } catch let error as any UserFacingError {
            console.err("phasecert: \(error.description)\n")
            return error.exitCode
        } catch {
            console.err("phasecert: \(error)\n")
            return ExitCode.unreadableInput
        }
    }

    private static func report(parseError error: any Error, console: Console) -> Int32 {
        let code = Phasecert.exitCode(for: error)
        let message = Phasecert.fullMessage(for: error)
        if code == .success {
            console.out(message + "\n")
            return ExitCode.success
        }
        console.err(message + "\n")
        return ExitCode.usage
    }
}
