import Foundation
import Testing
@testable import PhasecertCLI

struct ConsoleTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ line: String) { lock.withLock { stored.append(line) } }
        var all: [String] { lock.withLock { stored } }
    }

    func console(terminal: Bool, into lines: Lines) -> Console {
        Console(out: { _ in }, err: { lines.append($0) }, errorIsTerminal: terminal, currentDirectory: "/")
    }

    @Test func progressIsShownOnATerminalAndClearedAfterwards() {
        let lines = Lines()
        let progress = console(terminal: true, into: lines).progress(quiet: false)
        progress.report("reading history: 5000 commits")
        progress.finish()
        #expect(lines.all == ["\r\u{1B}[Kphasecert: reading history: 5000 commits", "\r\u{1B}[K"])
    }

    @Test func progressIsNeverWrittenToAPipeOrWhenQuiet() {
        let piped = Lines()
        let toPipe = console(terminal: false, into: piped).progress(quiet: false)
        toPipe.report("reading history: 5000 commits")
        toPipe.finish()
        #expect(piped.all.isEmpty)

        let quiet = Lines()
        let quietProgress = console(terminal: true, into: quiet).progress(quiet: true)
        quietProgress.report("reading history: 5000 commits")
        quietProgress.finish()
        #expect(quiet.all.isEmpty)
    }
}
