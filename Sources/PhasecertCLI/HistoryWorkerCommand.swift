import ArgumentParser
import Scan

/// `phasecert history-worker`: counts the changes of the commits named on standard input.
/// Started by phasecert itself to spread a long history over several processors; not for users.
struct HistoryWorkerCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "history-worker",
        abstract: "Internal: count commit changes for a parent phasecert process.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "Repository to read.")
    var repo: String

    func run(console: Console) throws -> Int32 {
        StatsWorker.serve(repository: repo)
    }
}
