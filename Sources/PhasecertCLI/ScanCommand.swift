import ArgumentParser
import PhaseModel
import PhasecertKit
import Render

/// `phasecert scan`: the phase model as phasecert reads it.
struct ScanCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Show the phases and tasks phasecert finds in a repository.",
        discussion: """
            Reads the master list (tasks/TASKS.md by default) and every task folder, and prints one \
            row per task: phase, id, title, master-list checkbox, checklist progress and folders. \
            Figures without evidence are shown as "—" (null in JSON).

            With --at REV, reads the files of commit REV (its tasks folder, evidence and phasecert.yml) and \
            the history up to it, without checking it out: the work tree and the index are left as they are.

            Exit codes: 0 scanned (a failing gate is shown, not an error), 2 usage or configuration error \
            (an unknown --at revision), 3 unreadable input.

            Example:
              phasecert scan --repo ../service --json > phase-model.json
              phasecert scan --at v1.2.0
            """
    )

    @OptionGroup var options: CommonOptions

    @OptionGroup var revision: RevisionOptions

    @Flag(name: .long, help: "Print the phase model as JSON (schema/phase-model.schema.json).")
    var json = false

    func run(console: Console) throws -> Int32 {
        try ScanSource.with(repository: options.repository(in: console), at: revision.at) { source in
            try run(source, console: console)
        }
    }

    private func run(_ source: ScanSource, console: Console) throws -> Int32 {
        let pipeline = try options.pipeline(source: source, console: console)
        if options.verbose { console.err("phasecert: scanning \(source.displayName)\n") }
        let assessment = try pipeline.assess(pipeline.scan())
        try show(assessment, console: console)
        if options.verbose {
            let workspace = assessment.workspace
            console.err("phasecert: \(workspace.phases.count) phases, \(workspace.tasks.count) tasks, \(workspace.findings.count) findings\n")
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
                console.err("phasecert: warning: \(ControlText.neutralized(finding.message.en))\n")
            }
        }
    }
}
