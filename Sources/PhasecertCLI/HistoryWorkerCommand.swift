import ArgumentParser
import PhaseModel
import Scan

/// `phasecert history-worker`: counts the changes of the commits named on standard input.
/// Started by phasecert itself to spread a long history over several processors; not for users.
struct HistoryWorkerCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "history-worker",
        abstract: LocalizedText(message: "cli.history-worker.abstract").en,
        shouldDisplay: false
    )

    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.history-worker.repo.help").en))
    var repo: String

    func run(console: Console) throws -> Int32 {
        StatsWorker.serve(repository: repo)
    }
}
