import ArgumentParser
import PhaseModel
import PhasecertKit
import Render
import Scan

/// `phasecert evidence`: which evidence files phasecert reads, and what each holds.
struct EvidenceCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: LocalizedText(message: "cli.evidence.abstract").en,
        discussion: LocalizedText(message: "cli.evidence.discussion").en
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.evidence.json.help").en))
    var json = false

    @Argument(help: ArgumentHelp(LocalizedText(message: "cli.evidence.files.help").en, valueName: "file"))
    var files: [String] = []

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let (configuration, _) = try options.configuration(repository: repository, console: console)
        let (results, unread) = files.isEmpty
            ? (discovered(in: repository, configuration: configuration, console: console), Int32(0))
            : given(console: console)
        let records = results.map(\.record)
        console.out(json ? String(decoding: try CanonicalJSON.encode(records), as: UTF8.self) : EvidenceTable.render(records))
        for problem in results.flatMap(\.problems) where !options.quiet {
            let place = problem.line.map { "\(problem.file):\($0)" } ?? problem.file
            console.err("phasecert: \(place): \(problem.message)\n")
        }
        return results.contains(where: { !$0.problems.isEmpty }) ? max(unread, 1) : unread
    }

    /// The evidence files in the work tree, each named with `--verbose`.
    private func discovered(in repository: String, configuration: Configuration, console: Console) -> [EvidenceFileResult] {
        let results = EvidenceFiles.discovered(root: repository, configuration: configuration)
        if options.verbose {
            for result in results {
                let reading = LocalizedText(message: "cli.evidence.reading", ["path": .text(result.path), "kind": .text(result.kind.label)])
                console.say(reading)
            }
        }
        return results
    }

    /// The files given that could be read, and the exit code of those that could not: 3 for a
    /// file that cannot be read, 1 for one not recognised.
    private func given(console: Console) -> ([EvidenceFileResult], Int32) {
        var results: [EvidenceFileResult] = []
        var code: Int32 = 0
        for file in files {
            switch EvidenceFiles.read(file, atPath: console.absolute(file)) {
            case let .read(result):
                results.append(result)
            case let .unspooled(file):
                console.say(LocalizedText(message: "error.evidence.unspooled", ["file": .text(file)]))
                code = 3
            case let .unreadable(file):
                console.say(LocalizedText(message: "error.evidence.unreadable", ["file": .text(file)]))
                code = 3
            case let .unrecognised(file):
                console.say(LocalizedText(message: "cli.evidence.unrecognised", ["file": .text(file)]))
                code = max(code, 1)
            }
        }
        return (results, code)
    }
}
