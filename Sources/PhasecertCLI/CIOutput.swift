import Foundation
import PhaseModel
import PhasecertKit
import Render

/// What `phase-close --ci` adds for the CI service it runs on (`CIPlatform`).
///
/// GitHub Actions: an annotation per finding of the closed phases on standard output, and the
/// Markdown summary appended to `$GITHUB_STEP_SUMMARY`. GitLab CI: the findings of each closed
/// phase as plain lines in a folded log section; no workflow command, which GitLab would only
/// print as noise.
enum CIOutput {
    static func publish(
        platform: CIPlatform, closing: PhaseClosing, locale: ReportLocale, reportsFolder: String, console: Console,
        options: CommonOptions
    ) throws {
        let (phases, input) = (closing.phases, closing.input)
        switch platform {
        case .gitHubActions:
            try publishForGitHub(
                phases: phases, input: input, locale: locale, reportsFolder: reportsFolder, console: console, options: options)
        case .gitLab:
            publishForGitLab(phases: phases, input: input, locale: locale, reportsFolder: reportsFolder, console: console)
        }
    }

    /// `text` as GitLab shows it: in its own section when on GitLab, else as it is.
    static func section(_ text: String, name: String, header: String, collapsed: Bool = false, platform: CIPlatform?) -> String {
        guard platform == .gitLab else { return text }
        let section = GitLabLog.Section(name: name, header: header, collapsed: collapsed)
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        return section.start(at: Date()) + "\n" + body + section.end(at: Date()) + "\n"
    }

    private static func publishForGitHub(
        phases: [String], input: ReportInput, locale: ReportLocale, reportsFolder: String, console: Console, options: CommonOptions
    ) throws {
        let workspace = input.workspace
        // One phase: its SARIF file holds every finding; several: the folder holding them all.
        let details = phases.count == 1 ? "\(reportsFolder)/\(PhaseSlug.folder(for: phases[0]))/findings.sarif" : "\(reportsFolder)/"
        for line in GitHubAnnotations.commands(for: workspace.findings(inPhases: phases), locale: locale, detailsPath: details) {
            console.out(line + "\n")
        }
        guard let path = console.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let markdown = try StepSummary.markdown(input: input, phases: phases, locale: locale, reportsFolder: reportsFolder)
        let outcome = try StepSummary.append(markdown, toFileAt: path, locale: locale)
        if !options.quiet {
            let key = outcome.truncated ? "cli.ci.step-summary.appended-cut" : "cli.ci.step-summary.appended"
            console.say(LocalizedText(message: key, ["bytes": .count(outcome.bytesWritten)]))
        }
    }

    private static func publishForGitLab(phases: [String], input: ReportInput, locale: ReportLocale, reportsFolder: String, console: Console) {
        let workspace = input.workspace
        let locator = FindingLocator(workspace: workspace)
        for id in phases {
            let found = workspace.findings(inPhases: [id])
            guard !found.isEmpty else { continue }
            let slug = PhaseSlug.folder(for: id)
            let sarif = "\(reportsFolder)/\(slug)/findings.sarif"
            let header = "phasecert: " + LocalizedText(
                message: "cli.ci.gitlab.findings", ["count": .count(found.count), "phase": .text(id), "sarif": .text(sarif)]).en
            let lines = GitLabLog.findingLines(found, locale: locale, locator: locator).joined(separator: "\n")
            console.out(section(lines, name: "phasecert_findings_\(slug)", header: header, collapsed: true, platform: .gitLab))
        }
    }
}
