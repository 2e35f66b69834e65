import ArgumentParser
import PhaseModel
import PhasecertKit
import Render

/// `phasecert scan`: the phase model as phasecert reads it.
struct ScanCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: LocalizedText(message: "cli.scan.abstract").en,
        discussion: LocalizedText(message: "cli.scan.discussion").en
    )

    @OptionGroup var options: CommonOptions

    @OptionGroup var revision: RevisionOptions

    @Flag(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.scan.json.help").en))
    var json = false

    func run(console: Console) throws -> Int32 {
        try ScanSource.with(repository: options.repository(in: console), at: revision.at) { source in
            try run(source, console: console)
        }
    }

    private func run(_ source: ScanSource, console: Console) throws -> Int32 {
        let pipeline = try options.pipeline(source: source, console: console)
        if options.verbose { console.say(LocalizedText(message: "cli.scan.scanning", ["source": .text(source.displayName)])) }
        let assessment = try pipeline.assess(pipeline.scan())
        try show(assessment, console: console)
        if options.verbose {
            let workspace = assessment.workspace
            let counts: [String: MessageArgument] = [
                "phases": .count(workspace.phases.count), "tasks": .count(workspace.tasks.count),
                "findings": .count(workspace.findings.count),
            ]
            console.say(LocalizedText(message: "cli.scan.counts", counts))
        }
        return 0
    }

    /// The phase model as JSON, or the layout and the summary table.
    private func show(_ assessment: Assessment, console: Console) throws {
        let workspace = assessment.workspace
        guard json else {
            if let layout = assessment.scan.layout { console.out(LayoutText.render(layout)) }
            console.out(ScanSummary.render(workspace))
            return
        }
        for piece in try CanonicalJSON.pieces(workspace) { console.outBytes(piece) }
        // Standard output is for machines here; input that was skipped is still said, on stderr.
        if !options.quiet {
            for finding in workspace.findings where finding.rule.rawValue.hasPrefix("scan.") {
                console.say(LocalizedText(message: "cli.warning", ["message": .text(ControlText.neutralized(finding.message.en))]))
            }
        }
    }
}
