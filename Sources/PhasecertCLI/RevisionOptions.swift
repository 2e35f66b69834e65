import ArgumentParser

/// `--at REV`, shared by `scan`, `audit` and `report`: read the repository as of a commit.
struct RevisionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the repository as of this commit (id, tag, branch, HEAD~3), without checking it out.",
            valueName: "rev"))
    var at: String?
}
