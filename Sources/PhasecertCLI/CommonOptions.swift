import ArgumentParser
import Foundation
import PhaseModel
import PhasecertKit
import Scan

/// Options every command takes (docs/design/pipeline.md#commands).
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.repo.help").en, valueName: "dir"))
    var repo: String?

    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.config.help").en, valueName: "file"))
    var config: String?

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.quiet.help").en))
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.verbose.help").en))
    var verbose = false

    /// The repository folder: `--repo`, else the nearest folder upwards holding `.git`, else
    /// the current folder.
    func repository(in console: Console) -> String {
        if let repo { return console.absolute(repo) }
        var folder = URL(fileURLWithPath: console.currentDirectory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return console.currentDirectory }
            folder = parent
        }
    }

    /// The configuration, and the repository-relative path it came from (nil for defaults).
    /// Without `--config`, `phasecert.yml` is read from `tree`: the repository itself, or the
    /// commit's tree that `--at` exported.
    func configuration(repository: String, tree: String? = nil, console: Console) throws -> (Configuration, String?) {
        try Pipeline.configuration(file: config.map(console.absolute), repository: repository, tree: tree)
    }
}
