import Foundation
import PhaseModel
import Render

/// What `phase-close --ci` adds for GitHub Actions: an annotation per finding of the closed
/// phases on standard output, and the Markdown summary appended to `$GITHUB_STEP_SUMMARY`.
enum CIOutput {
    static func publish(
        phases: [String], input: ReportInput, locale: ReportLocale, reportsFolder: String, console: Console, options: CommonOptions
    ) throws {
        let workspace = input.workspace
        let closed = phases.compactMap { workspace.phase($0) }
        let findings = workspace.findings.filter { finding in
            closed.contains { $0.owns(task: finding.task, phase: finding.phase) }
        }
        // One phase: its SARIF file holds every finding; several: the folder holding them all.
        let details = phases.count == 1 ? "\(reportsFolder)/\(PhaseSlug.folder(for: phases[0]))/findings.sarif" : "\(reportsFolder)/"
        for line in GitHubAnnotations.commands(for: findings, locale: locale, detailsPath: details) {
            console.out(line + "\n")
        }
        guard let path = console.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let markdown = try StepSummary.markdown(input: input, phases: phases, locale: locale, reportsFolder: reportsFolder)
        let outcome = try StepSummary.append(markdown, toFileAt: path, locale: locale)
        if !options.quiet {
            let cut = outcome.truncated ? ", cut to fit GitHub's 1 MiB limit" : ""
            console.err("phasecert: appended \(outcome.bytesWritten) bytes to the step summary\(cut)\n")
        }
    }
}
