import ArgumentParser
import Foundation
import Render
import Scan
import TextSupport

/// `phasecert init`: a commented `phasecert.yml` with every default, and the report templates on request.
struct InitCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented phasecert.yml with every default (and, with --templates, the report templates).",
        discussion: """
            Writes phasecert.yml at the repository root: every setting with its default value and a comment \
            saying what it does, so a team edits values instead of looking up keys. With --config FILE it \
            writes that file instead.

            --templates also copies the built-in report templates and catalogs into templates/ (templates/en/, \
            templates/ru/, templates/common/), where each file replaces the built-in one of the same name, \
            so editing a copy changes the reports.

            A file that already exists is kept as it is, and said so, unless --force is given; the other \
            files are still written. Each file is written atomically and named on standard output (not \
            with --quiet).

            Exit codes: 0 every file written, 1 a file already existed and was kept (run again with --force \
            to replace it), 2 usage error, 3 a file cannot be written.

            Example:
              phasecert init --templates
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Also copy the built-in report templates into templates/.")
    var templates = false

    @Flag(name: .long, help: "Replace files that already exist.")
    var force = false

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let configPath = options.config.map(console.absolute) ?? repository + "/phasecert.yml"
        var files = [(path: configPath, text: DefaultConfiguration.yaml)]
        if templates {
            files += ReportTemplates.builtInFiles.sorted { $0.key < $1.key }.map { (repository + "/templates/" + $0.key, $0.value) }
        }
        var kept: [String] = []
        var written: [(path: String, text: String, boundary: WriteBoundary)] = []
        for file in files {
            // A dangling link or a folder exists too: nothing in the way is replaced without --force.
            if !force, (try? FileManager.default.attributesOfItem(atPath: file.path)) != nil {
                kept.append(DisplayedPath.of(file.path, repository: repository))
                continue
            }
            // Checked before anything is written: a `templates` link out of the repository stops
            // the run with no file written, not after phasecert.yml.
            let boundary = WriteBoundary.enclosing((file.path as NSString).deletingLastPathComponent, repository: repository)
            try boundary.check(file.path)
            written.append((file.path, file.text, boundary))
        }
        for file in written {
            let shown = DisplayedPath.of(file.path, repository: repository)
            do {
                try AtomicFile.write(Data(file.text.utf8), to: file.path, within: file.boundary)
            } catch let error as ContainedWriteError {
                throw error
            } catch {
                throw ReportWriteError(path: shown, reason: error.localizedDescription)
            }
            if !options.quiet { console.out("wrote \(shown)\n") }
        }
        guard !kept.isEmpty else { return PhasecertMain.ExitCode.success }
        for path in kept { console.err("phasecert: \(path) already exists; kept as it is\n") }
        let which = kept.count == 1 ? "it" : "them"
        console.err("phasecert: run phasecert init\(templates ? " --templates" : "") --force to replace \(which)\n")
        return PhasecertMain.ExitCode.gateFailed
    }
}
