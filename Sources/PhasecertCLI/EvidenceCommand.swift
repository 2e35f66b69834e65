import ArgumentParser
import Foundation
import PhaseModel
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
        var results: [EvidenceFileResult] = []
        var code: Int32 = 0
        if files.isEmpty {
            let found = EvidenceDiscovery(root: repository, configuration: configuration).discover()
            for candidate in found.files {
                if options.verbose { console.err("phasecert: reading \(candidate.path) as \(candidate.kind.label)\n") }
                results.append(EvidenceFileReader.read(URL(fileURLWithPath: repository + "/" + candidate.path), path: candidate.path, kind: candidate.kind))
            }
        } else {
            for file in files {
                var url = URL(fileURLWithPath: console.absolute(file))
                // A pipe (`<(go test -json ./...)`) or FIFO can be read once, so it is copied first, then
                // sniffed and parsed from the copy.
                var spooled: URL?
                if StreamInput.isStream(url.path) {
                    guard let copy = StreamInput.spool(url.path) else {
                        console.err("phasecert: error: \(file): cannot be read (a pipe or FIFO that could not be copied)\n")
                        code = 3
                        continue
                    }
                    spooled = copy
                    url = copy
                }
                defer { if let spooled { try? FileManager.default.removeItem(at: spooled) } }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                    let head = EvidenceSniffer.head(of: url)
                else {
                    console.err("phasecert: error: \(file): cannot be read (no such file, a folder, or no permission)\n")
                    code = 3
                    continue
                }
                guard let kind = EvidenceSniffer.kind(of: head) else {
                    console.err("phasecert: \(file): not recognised as test results, coverage or Helm output\n")
                    code = max(code, 1)
                    continue
                }
                results.append(EvidenceFileReader.read(url, path: file, kind: kind))
            }
        }
        let records = results.map(\.record)
        if json {
            console.out(String(decoding: try CanonicalJSON.encode(records), as: UTF8.self))
        } else {
            console.out(EvidenceTable.render(records))
        }
        for problem in results.flatMap(\.problems) where !options.quiet {
            let place = problem.line.map { "\(problem.file):\($0)" } ?? problem.file
            console.err("phasecert: \(place): \(problem.message)\n")
        }
        if results.contains(where: { !$0.problems.isEmpty }) { code = max(code, 1) }
        return code
    }
}
