import ArgumentParser
import PhaseModel
import PhasecertKit
import Render
import Scan

/// `phasecert evidence`: which evidence files phasecert reads, and what each holds.
struct EvidenceCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "List the test results, coverage and Helm output phasecert finds, or read the files given.",
        discussion: """
            Without files, looks through the work tree the way scan does (by content, outside .git, .build, \
            node_modules and the reports folder, narrowed by evidence.include / evidence.exclude) and lists \
            every evidence file with what it was read as. With files, reads just those. Problems in a file \
            (malformed XML, counts that disagree, a truncated stream) are printed with file and line.

            Exit codes: 0 every file was read cleanly, 1 a file had problems or was not recognised, \
            2 usage or configuration error, 3 a file could not be read.

            Example:
              phasecert evidence build/test-results/TEST-cart.xml coverage.out
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Print the records as JSON.")
    var json = false

    @Argument(help: ArgumentHelp("Evidence files to read (default: discover them in the repository).", valueName: "file"))
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
            for result in results { console.err("phasecert: reading \(result.path) as \(result.kind.label)\n") }
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
                console.err("phasecert: error: \(file): cannot be read (a pipe or FIFO that could not be copied)\n")
                code = 3
            case let .unreadable(file):
                console.err("phasecert: error: \(file): cannot be read (no such file, a folder, or no permission)\n")
                code = 3
            case let .unrecognised(file):
                console.err("phasecert: \(file): not recognised as test results, coverage or Helm output\n")
                code = max(code, 1)
            }
        }
        return (results, code)
    }
}
