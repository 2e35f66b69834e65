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
    /// Where task and audit reports rendered before may be read back from; `nil` renders every report.
    public let reuse: ReportReuse?

    public init(
        renderer: ReportRenderer, locales: [ReportLocale], formats: [ReportFormat], kinds: [ReportKind] = ReportKind.allCases,
        reuse: ReportReuse? = nil
    ) {
        self.renderer = renderer
        self.locales = locales
        self.formats = formats.sorted()
        self.kinds = kinds
        self.reuse = reuse
    }

    /// The files of `phases`, then `index.html` (when HTML is asked for) listing every phase of the
    /// workspace; phases in `linked` (besides those written now) also get links, since their
    /// reports already exist.
    public func files(phases: [String], linked: Set<String> = []) throws -> [ReportFile] {
        let records = try phases.map { try record(of: $0, in: renderer.input.workspace) }
        // Every report of every phase is rendered on all cores first; each phase's files are then
        // put together in order, so the output is the one a single core gives.
        let rendered = try RenderedDocuments(documents(of: distinct(records)), renderer: renderer, formats: formats, reuse: reuse)
        return try records.flatMap { try files(of: $0, rendered: rendered) } + Self.make(made(after: records, linked: linked))
    }

    /// The files of one phase.
    ///
    /// Its machine-readable files are made while its documents are rendered: made after them, on
    /// one core, `phase.json` and the SARIF were the last 74 samples at 999 a second of
    /// `phase-close 1` on 100,000 commits, with the other core idle (Benchmarks/RESULTS-scale.md,
    /// twenty-first round).
    public func files(phase: String) throws -> [ReportFile] {
        let record = try record(of: phase, in: renderer.input.workspace)
        let machineReadable = BackgroundValue { [self] in Result { try Self.make(made(of: record)) } }
        let rendered: RenderedDocuments
        do {
            rendered = try RenderedDocuments(documents(of: [record]), renderer: renderer, formats: formats, reuse: reuse)
        } catch {
            machineReadable.wait()
            throw error
        }
        return Self.sorted(rendered.files(inFolder: PhaseSlug.folder(for: record.id)) + (try machineReadable.take().get()))
    }

    /// The files of `record`: its documents as `rendered` holds them and its machine-readable files, by path.
    private func files(of record: Phase, rendered: RenderedDocuments) throws -> [ReportFile] {
        Self.sorted(rendered.files(inFolder: PhaseSlug.folder(for: record.id)) + (try Self.make(made(of: record))))
    }

    /// One phase's files in the order they are listed and written: by path.
    private static func sorted(_ files: [ReportFile]) -> [ReportFile] {
        files.sorted { $0.path < $1.path }
    }

    /// The paths of `files(phases:linked:)`, in its order, without rendering or encoding anything:
    /// what a dry run checks and counts.
    public func paths(phases: [String]) throws -> [String] {
        let records = try phases.map { try record(of: $0, in: renderer.input.workspace) }
        let documents = Dictionary(grouping: self.documents(of: distinct(records)), by: \.folder)
        return records.flatMap { paths(of: $0, documents: documents[Substring(PhaseSlug.folder(for: $0.id))] ?? []) }
            + made(after: records, linked: []).map(\.path)
    }

    /// The paths of `files(phase:)`, without rendering or encoding anything.
    public func paths(phase: String) throws -> [String] {
        let record = try record(of: phase, in: renderer.input.workspace)
        return paths(of: record, documents: documents(of: [record]))
    }

    /// The paths of `record`'s files, sorted as its files are, when `documents` are those rendered into its folder.
    private func paths(of record: Phase, documents: [ReportDocument]) -> [String] {
        (documents.flatMap { RenderedDocuments.paths(of: $0, formats: formats) } + made(of: record).map(\.path)).sorted()
    }

    /// A phase named twice, or two phases that share a folder, is rendered once.
    private func distinct(_ records: [Phase]) -> [Phase] {
        var folders = Set<String>()
        return records.filter { folders.insert(PhaseSlug.folder(for: $0.id)).inserted }
    }

    /// A file that is not a rendered document: its path, and what makes its bytes when they are wanted.
    private typealias MadeFile = (path: String, contents: () throws -> [UInt8])

    private static func make(_ files: [MadeFile]) throws -> [ReportFile] {
        try files.map { ReportFile(path: $0.path, contents: try $0.contents()) }
    }

    /// The machine-readable files of `record`.
    private func made(of record: Phase) -> [MadeFile] {
        let (workspace, tool, folder) = (renderer.input.workspace, renderer.input.tool, PhaseSlug.folder(for: record.id))
        var files: [MadeFile] = []
        if formats.contains(.json) {
            files.append(("\(folder)/phase.json", { Array(try PhaseJSON.data(of: record.id, in: workspace, generator: tool) ?? Data()) }))
        }
        if formats.contains(.sarif) {
            files.append(("\(folder)/findings.sarif", {
                Array(try SARIFWriter.log(
                    workspace.findings(of: record), locale: (locales.first ?? .en).rawValue, tool: tool, locator: FindingLocator(workspace: workspace)))
            }))
        }
        if formats.contains(.codequality) {
            files.append(("\(folder)/codequality.json", { Array(try codeQuality(workspace.findings(of: record))) }))
        }
        if formats.contains(.badge) {
            files.append(("\(folder)/badge.json", {
                Array(try CanonicalJSON.encode(PhaseBadge(phase: record, text: try renderer.text(for: locales.first ?? .en))))
            }))
        }
        return files
    }

    /// The files after every phase's: the Code Quality file of all of them, and `index.html`.
    private func made(after records: [Phase], linked: Set<String>) -> [MadeFile] {
        let (workspace, locale) = (renderer.input.workspace, locales.first ?? .en)
        var files: [MadeFile] = []
        if formats.contains(.codequality) {
            // GitLab reads one Code Quality file per job: every phase's findings, each once.
            files.append(("codequality.json", { Array(try codeQuality(workspace.findings(of: records))) }))
        }
        if formats.contains(.html), kinds.contains(.completion) {
            files.append(("index.html", {
                let phases = linked.union(records.map(\.id))
                let index = IndexView(workspace: workspace, linked: phases, locales: locales, text: try renderer.text(for: locale))
                return Array(try renderer.render("index", index, locale: locale).utf8)
            }))
        }
        return files
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

    /// The Code Quality report of `findings`, in the first locale, anchored in the workspace.
    private func codeQuality(_ findings: [Finding]) throws -> Data {
        try CodeQualityReport.data(
            findings, locale: locales.first ?? .en, locator: FindingLocator(workspace: renderer.input.workspace))
    }
}
