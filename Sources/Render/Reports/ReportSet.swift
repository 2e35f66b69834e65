import Foundation
import PhaseModel

/// The files of one report run, in the layout of SPEC §5:
///
/// ```
/// <phase-slug>/completion.<lang>.md|html
/// <phase-slug>/audit.<lang>.md|html
/// <phase-slug>/tasks/<ID>.<lang>.md|html
/// <phase-slug>/phase.json
/// <phase-slug>/findings.sarif
/// <phase-slug>/codequality.json     (format codequality)
/// <phase-slug>/badge.json           (format badge)
/// codequality.json                  (format codequality: every phase written, for GitLab)
/// index.html
/// ```
///
/// Paths are relative and every byte comes from the input, so two runs on the same state give
/// the same files.
public struct ReportSet: Sendable {
    public let renderer: ReportRenderer
    public let locales: [ReportLocale]
    public let formats: [ReportFormat]
    public let kinds: [ReportKind]

    public init(renderer: ReportRenderer, locales: [ReportLocale], formats: [ReportFormat], kinds: [ReportKind] = ReportKind.allCases) {
        self.renderer = renderer
        self.locales = locales
        self.formats = formats.sorted()
        self.kinds = kinds
    }

    /// The files of `phases`, then `index.html` (when HTML is asked for) listing every phase of the
    /// workspace; phases in `linked` (besides those written now) also get links, since their
    /// reports already exist.
    public func files(phases: [String], linked: Set<String> = []) throws -> [ReportFile] {
        var files: [ReportFile] = []
        for phase in phases {
            files += try self.files(phase: phase)
        }
        if formats.contains(.codequality) {
            // GitLab reads one Code Quality file per job: every phase's findings, each once.
            let workspace = renderer.input.workspace
            let chosen = phases.compactMap { workspace.phase($0) }
            let findings = workspace.findings(of: chosen)
            files.append(ReportFile(path: "codequality.json", contents: Array(try codeQuality(findings))))
        }
        if formats.contains(.html), kinds.contains(.completion) {
            let index = IndexView(
                workspace: renderer.input.workspace, linked: linked.union(phases), locales: locales,
                text: try renderer.text(for: locales.first ?? .en))
            files.append(ReportFile(path: "index.html", text: try renderer.render("index", index, locale: locales.first ?? .en)))
        }
        return files
    }

    /// The files of one phase.
    public func files(phase: String) throws -> [ReportFile] {
        let workspace = renderer.input.workspace
        guard let record = workspace.phase(phase) else {
            throw UnknownSubjectError(kind: "phase", id: phase, known: workspace.phases.map(\.id))
        }
        let folder = PhaseSlug.folder(for: phase)
        var files: [ReportFile] = []
        for locale in locales {
            let lang = locale.rawValue
            var documents: [(path: String, markdown: String)] = []
            if kinds.contains(.completion) {
                documents.append(("\(folder)/completion.\(lang)", try renderer.completion(phase: phase, locale: locale)))
            }
            if kinds.contains(.audit) {
                documents.append(("\(folder)/audit.\(lang)", try renderer.audit(phase: phase, locale: locale)))
            }
            if kinds.contains(.task) {
                for task in record.tasks where workspace.task(task) != nil {
                    documents.append(("\(folder)/tasks/\(PhaseSlug.taskFile(for: task)).\(lang)", try renderer.task(task, locale: locale)))
                }
            }
            for document in documents {
                if formats.contains(.md) {
                    files.append(ReportFile(path: document.path + ".md", text: document.markdown))
                }
                if formats.contains(.html) {
                    files.append(ReportFile(path: document.path + ".html", text: try renderer.html(markdown: document.markdown, locale: locale)))
                }
            }
        }
        let tool = renderer.input.tool
        if formats.contains(.json), let data = try PhaseJSON.data(of: phase, in: workspace, generator: tool) {
            files.append(ReportFile(path: "\(folder)/phase.json", contents: Array(data)))
        }
        if formats.contains(.sarif), let model = PhaseJSON.model(of: phase, in: workspace) {
            let data = try SARIFWriter.log(
                model.findings, locale: (locales.first ?? .en).rawValue, tool: tool, locator: FindingLocator(workspace: workspace))
            files.append(ReportFile(path: "\(folder)/findings.sarif", contents: Array(data)))
        }
        if formats.contains(.codequality), let model = PhaseJSON.model(of: phase, in: workspace) {
            files.append(ReportFile(path: "\(folder)/codequality.json", contents: Array(try codeQuality(model.findings))))
        }
        if formats.contains(.badge) {
            let badge = PhaseBadge(phase: record, text: try renderer.text(for: locales.first ?? .en))
            files.append(ReportFile(path: "\(folder)/badge.json", contents: Array(try CanonicalJSON.encode(badge))))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The Code Quality report of `findings`, in the first locale, anchored in the workspace.
    private func codeQuality(_ findings: [Finding]) throws -> Data {
        try CodeQualityReport.data(
            findings, locale: locales.first ?? .en, locator: FindingLocator(workspace: renderer.input.workspace))
    }
}
