import Foundation
import Testing

/// The shell completions and the man page under `docs/` are generated from the commands
/// (`scripts/generate-docs`); these tests fail while a committed file says something the commands
/// no longer do, and check that every command's help has an example and its exit codes.
struct GeneratedDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The commands a user sees (`history-worker` is internal).
    static let commands = ["scan", "report", "audit", "phase-close", "check-names", "verify", "init", "evidence"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func theCommittedCompletionScriptIsTheGeneratedOne(shell: String) throws {
        let run = CapturedConsole.run(["--generate-completion-script", shell], in: Self.root.path)
        #expect(run.code == 0)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/completions/phasecert.\(shell)"), encoding: .utf8)
        #expect(committed == run.out, "docs/completions/phasecert.\(shell) is stale: run scripts/generate-docs")
        for command in Self.commands { #expect(committed.contains(command)) }
    }

    @Test(arguments: commands)
    func theManPageListsTheCommandAndEachOfItsOptions(command: String) throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/man/phasecert.1"), encoding: .utf8)
        #expect(page.contains(".It Em \(command)\n"), "docs/man/phasecert.1 lacks \(command): run scripts/generate-docs")
        let help = CapturedConsole.run([command, "--help"], in: Self.root.path)
        #expect(help.code == 0)
        let options = Self.longOptions(inHelp: help.out)
        #expect(options.contains("repo"))
        // The page lists each command's options in its own section, up to the next command.
        let section = page.components(separatedBy: ".It Em \(command)\n").dropFirst().first ?? ""
        let own = section.components(separatedBy: "\n.It Em ").first ?? ""
        for option in options where option != "help" {
            #expect(own.contains("Fl -\(option)"), "docs/man/phasecert.1 lacks \(command) --\(option): run scripts/generate-docs")
        }
    }

    @Test(arguments: commands)
    func everyHelpHasAnExampleAndTheExitCodes(command: String) {
        let help = CapturedConsole.run([command, "--help"], in: Self.root.path)
        #expect(help.code == 0)
        #expect(help.out.contains("OVERVIEW:"))
        #expect(help.out.contains("Example"), "\(command) --help has no example")
        #expect(help.out.contains("Exit codes:"), "\(command) --help does not list its exit codes")
        #expect(help.out.contains("phasecert \(command)"))
    }

    @Test func helpForACommandIsThatCommandsNotTheRoots() {
        let flag = CapturedConsole.run(["verify", "--help"], in: Self.root.path)
        let word = CapturedConsole.run(["help", "verify"], in: Self.root.path)
        #expect(flag.code == 0 && word.code == 0)
        #expect(flag.out == word.out)
        #expect(flag.out.contains("USAGE: phasecert verify"))
    }

    /// The long options in the OPTIONS section of a help text.
    static func longOptions(inHelp help: String) -> [String] {
        guard let start = help.range(of: "OPTIONS:") else { return [] }
        var names: [String] = []
        for line in help[start.upperBound...].split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard line.hasPrefix("  "), trimmed.hasPrefix("-") else { continue }
            for word in trimmed.split(separator: " ") where word.hasPrefix("--") {
                let name = word.dropFirst(2).prefix { $0.isLetter || $0 == "-" }
                if !name.isEmpty { names.append(String(name)) }
            }
        }
        return names
    }
}
