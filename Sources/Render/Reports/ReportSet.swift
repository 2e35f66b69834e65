import Foundation
import PhaseModel

/// The files of one report run, in the layout of docs/design/pipeline.md#report-files:
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
        let workspace = renderer.input.workspace
        let records = try phases.map { try record(of: $0, in: workspace) }
        // Every report of every phase is rendered on all cores first; each phase's files are then
        // put together in order, so the output is the one a single core gives.
        // A phase named twice (or two phases that share a folder) is rendered once.
        var folders = Set<String>()
        let distinct = records.filter { folders.insert(PhaseSlug.folder(for: $0.id)).inserted }
        let rendered = try RenderedDocuments(documents(of: distinct), renderer: renderer, formats: formats)
        var files: [ReportFile] = []
        for record in records {
            files += try self.files(of: record, rendered: rendered)
        }
        if formats.contains(.codequality) {
            // GitLab reads one Code Quality file per job: every phase's findings, each once.
            let findings = workspace.findings(of: records)
            files.append(ReportFile(path: "codequality.json", contents: Array(try codeQuality(findings))))
        }
        if formats.contains(.html), kinds.contains(.completion) {
            let index = IndexView(
                workspace: workspace, linked: linked.union(phases), locales: locales,
                text: try renderer.text(for: locales.first ?? .en))
            files.append(ReportFile(path: "index.html", text: try renderer.render("index", index, locale: locales.first ?? .en)))
        }
        return files
    }

    /// The files of one phase.
    public func files(phase: String) throws -> [ReportFile] {
        let record = try record(of: phase, in: renderer.input.workspace)
        let rendered = try RenderedDocuments(documents(of: [record]), renderer: renderer, formats: formats)
        return try files(of: record, rendered: rendered)
    }

    private func record(of phase: String, in workspace: Workspace) throws -> Phase {
        guard let record = workspace.phase(phase) else {
            throw UnknownSubjectError(kind: "phase", id: phase, known: workspace.phases.map(\.id))
        }
        return record
    }

    /// The Markdown documents of `phases` (completion, audit and task reports in each locale), in
    /// the order their files are listed.
    private func documents(of phases: [Phase]) -> [ReportDocument] {
        let workspace = renderer.input.workspace
        var documents: [ReportDocument] = []
        for record in phases {
            let folder = PhaseSlug.folder(for: record.id)
            for locale in locales {
                let lang = locale.rawValue
                if kinds.contains(.completion) {
                    documents.append(ReportDocument(path: "\(folder)/completion.\(lang)", locale: locale, subject: .completion(record.id)))
                }
                if kinds.contains(.audit) {
                    documents.append(ReportDocument(path: "\(folder)/audit.\(lang)", locale: locale, subject: .audit(record.id)))
                }
                if kinds.contains(.task) {
                    for task in record.tasks where workspace.task(task) != nil {
                        documents.append(ReportDocument(
                            path: "\(folder)/tasks/\(PhaseSlug.taskFile(for: task)).\(lang)", locale: locale, subject: .task(task)))
                    }
                }
            }
        }
        return documents
    }

    /// The files of `record`: its rendered documents, then the machine-readable files.
    private func files(of record: Phase, rendered: RenderedDocuments) throws -> [ReportFile] {
        let workspace = renderer.input.workspace
        let phase = record.id
        let folder = PhaseSlug.folder(for: phase)
        var files = rendered.files(inFolder: folder)
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
