import ArgumentParser
import PhaseModel
import PhasecertKit

/// `phasecert init`: a commented `phasecert.yml` with every default, and the report templates on request.
struct InitCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: LocalizedText(message: "cli.init.abstract").en,
        discussion: LocalizedText(message: "cli.init.discussion").en
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.init.templates.help").en))
    var templates = false

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.init.force.help").en))
    var force = false

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let starter = StarterFiles(repository: repository, configurationPath: options.config.map(console.absolute), templates: templates)
        let plan = try starter.plan(force: force)
        for file in plan.writes {
            try file.write()
            if !options.quiet { console.out(LocalizedText(message: "cli.init.wrote", ["file": .text(file.shown)]).en + "\n") }
        }
        guard !plan.kept.isEmpty else { return PhasecertMain.ExitCode.success }
        for path in plan.kept { console.say(LocalizedText(message: "cli.init.kept", ["path": .text(path)])) }
        let command = "phasecert init" + (templates ? " --templates" : "") + " --force"
        let rerun = LocalizedText(message: "cli.init.rerun", ["count": .count(plan.kept.count), "command": .text(command)])
        console.say(rerun)
        return PhasecertMain.ExitCode.gateFailed
    }
}
