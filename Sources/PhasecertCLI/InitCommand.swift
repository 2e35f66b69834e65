import ArgumentParser
import PhasecertKit

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
        let starter = StarterFiles(repository: repository, configurationPath: options.config.map(console.absolute), templates: templates)
        let plan = try starter.plan(force: force)
        for file in plan.writes {
            try file.write()
            if !options.quiet { console.out("wrote \(file.shown)\n") }
        }
        guard !plan.kept.isEmpty else { return PhasecertMain.ExitCode.success }
        for path in plan.kept { console.err("phasecert: \(path) already exists; kept as it is\n") }
        let which = plan.kept.count == 1 ? "it" : "them"
        console.err("phasecert: run phasecert init\(templates ? " --templates" : "") --force to replace \(which)\n")
        return PhasecertMain.ExitCode.gateFailed
    }
}
