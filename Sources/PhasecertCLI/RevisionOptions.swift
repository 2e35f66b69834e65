import ArgumentParser
import PhaseModel

/// `--at REV`, shared by `scan`, `audit` and `report`: read the repository as of a commit.
struct RevisionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            LocalizedText(message: "cli.options.at.help").en,
            valueName: "rev"))
    var at: String?
}
