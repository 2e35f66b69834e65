import Foundation
import PhasecertCLI

/// Runs phasecert in-process and keeps what it wrote.
final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }

    func console(in directory: String, environment: [String: String] = [:], outputIsTerminal: Bool = false) -> Console {
        Console(
            out: { text in self.lock.withLock { self.outText += text } },
            err: { text in self.lock.withLock { self.errText += text } },
            outputIsTerminal: outputIsTerminal,
            environment: environment,
            currentDirectory: directory
        )
    }

    /// Runs `arguments` from `directory` and returns the exit code and both streams.
    static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], outputIsTerminal: Bool = false
    ) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        let code = PhasecertMain.execute(
            arguments, console: captured.console(in: directory, environment: environment, outputIsTerminal: outputIsTerminal))
        return (code, captured.out, captured.err)
    }
}
