import Foundation
import PhaseModel

/// One Markdown report to render: where it goes (without the extension), in which language, and
/// what it reports on.
struct ReportDocument: Sendable {
    enum Subject: Sendable, Hashable {
        case completion(String)
        case audit(String)
        case task(String)
    }

    /// `<phase-slug>/completion.en`, `<phase-slug>/tasks/TN-1.ru`, …
    var path: String
    var locale: ReportLocale
    var subject: Subject

    /// The phase folder the document is written in: the first path component.
    var folder: Substring { path.prefix { $0 != "/" } }
}

/// Report documents rendered as Markdown and, when asked for, HTML, by every core.
///
/// A phase of 50,000 tasks has 200,000 task files (two languages, two formats); each is
/// independent of the others, so they are rendered in parallel (`schedule(_:)`) and kept in
/// document order, which makes the files the same bytes in the same order as one core writes them.
struct RenderedDocuments {
    /// The files of each phase folder, in document order: Markdown then HTML per document.
    private var byFolder: [Substring: [ReportFile]] = [:]

    /// - Parameter reuse: Where task and audit reports rendered before may be read back from; with `nil`
    ///   every document is rendered.
    init(_ documents: [ReportDocument], renderer: ReportRenderer, formats: [ReportFormat], reuse: ReportReuse? = nil) throws {
        let slots = ResultSlots<Result<[ReportFile], any Error>>(count: documents.count)
        let digests = reuse == nil ? [:] : Self.sourceDigests(of: documents, input: renderer.input)
        let order = Self.schedule(documents)
        DispatchQueue.concurrentPerform(iterations: order.count) { step in
            let index = order[step]
            let document = documents[index]
            slots.set(index, Result {
                let paths = Self.paths(of: document, formats: formats)
                let render = { (markdown: () throws -> String) in
                    try Self.render(document, paths: paths, formats: formats, renderer: renderer, markdown: markdown)
                }
                guard let reuse else { return try render { try Self.markdown(of: document, renderer: renderer) } }
                switch document.subject {
                case .completion:
                    return try render { try Self.markdown(of: document, renderer: renderer) }
                case let .audit(phase):
                    let digest = try digests[document.subject]?.get()
                    return try Self.reused(AuditReportSource.self, digest: digest, document, paths: paths, reuse: reuse) {
                        let source = try AuditReportSource(phase: phase, input: renderer.input)
                        return try render { try renderer.audit(source, locale: document.locale) }
                    }
                case let .task(task):
                    let digest = try digests[document.subject]?.get()
                    return try Self.reused(TaskReportSource.self, digest: digest, document, paths: paths, reuse: reuse) {
                        let source = try TaskReportSource(task: task, input: renderer.input)
                        return try render { try renderer.task(source, locale: document.locale) }
                    }
                }
            })
        }
        for (document, result) in zip(documents, slots.values()) {
            // The first failure in document order is the one a single core meets first.
            byFolder[document.folder, default: []] += try result.get()
        }
    }

    /// The order the documents are rendered in, each on its own: completion and audit reports
    /// (a whole phase each) before the task reports, in document order within each. In contiguous
    /// pieces of the list, a phase's two completion reports could fall to one core, which then
    /// rendered them alone while the other waited: the last 0.25 s of 1.95 s of `phase-close 1` on
    /// the 100,000-commit repository (Benchmarks/RESULTS-scale.md, twenty-second round).
    static func schedule(_ documents: [ReportDocument]) -> [Int] {
        let whole = documents.indices.filter { index in
            if case .task = documents[index].subject { return false }
            return true
        }
        let tasks = documents.indices.filter { index in
            if case .task = documents[index].subject { return true }
            return false
        }
        return whole + tasks
    }

    /// The paths of `document`'s files among `formats`: Markdown, then HTML.
    static func paths(of document: ReportDocument, formats: [ReportFormat]) -> [String] {
        [ReportFormat.md, .html].filter(formats.contains).map { document.path + "." + $0.rawValue }
    }

    /// The rendered files of the phase folder `folder`.
    func files(inFolder folder: String) -> [ReportFile] { byFolder[Substring(folder)] ?? [] }

    /// The files of `document` at `paths` as `reuse` keeps them for the source of `kind` whose
    /// digest is `digest`, or as `render` makes them, marked with the key they are remembered under
    /// (rendered and unmarked when the source has no digest).
    private static func reused<Source: ReportSource>(
        _ kind: Source.Type, digest: String?, _ document: ReportDocument, paths: [String], reuse: ReportReuse,
        render: () throws -> [ReportFile]
    ) throws -> [ReportFile] {
        guard let digest else { return try render() }
        let key = Source.key(digest: digest, salt: reuse.salt, document: document.path, locale: document.locale)
        var files = try reuse.kept(key, paths) ?? render()
        for index in files.indices { files[index].renderKey = key }
        return files
    }

    /// The digest of the report source of each task and audit among `documents` (a subject's
    /// source is the same in every language), once for all their languages, on every core: `nil`
    /// for a source that does not encode, the error for one that cannot be made (thrown where its
    /// first document is rendered). Completion reports have no source and no entry.
    static func sourceDigests(of documents: [ReportDocument], input: ReportInput) -> [ReportDocument.Subject: Result<String?, any Error>] {
        var subjects: [ReportDocument.Subject] = []
        var seen = Set<ReportDocument.Subject>()
        for document in documents {
            if case .completion = document.subject { continue }
            if seen.insert(document.subject).inserted { subjects.append(document.subject) }
        }
        let digests = subjects.concurrentMap(minimumPiece: 4) { subject in
            Result { () throws -> String? in
                switch subject {
                case .completion: nil
                case let .audit(phase): try AuditReportSource(phase: phase, input: input).digest()
                case let .task(task): try TaskReportSource(task: task, input: input).digest()
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(subjects, digests))
    }

    /// The files of `document` at `paths`: its Markdown as `markdown` gives it, then its HTML page, as `formats` ask.
    private static func render(
        _ document: ReportDocument, paths: [String], formats: [ReportFormat], renderer: ReportRenderer, markdown: () throws -> String
    ) throws -> [ReportFile] {
        let text = try markdown()
        var texts: [String] = []
        if formats.contains(.md) { texts.append(text) }
        if formats.contains(.html) { texts.append(try renderer.html(markdown: text, locale: document.locale)) }
        return zip(paths, texts).map { ReportFile(path: $0, text: $1) }
    }

    private static func markdown(of document: ReportDocument, renderer: ReportRenderer) throws -> String {
        switch document.subject {
        case let .completion(phase): try renderer.completion(phase: phase, locale: document.locale)
        case let .audit(phase): try renderer.audit(phase: phase, locale: document.locale)
        case let .task(task): try renderer.task(task, locale: document.locale)
        }
    }
}
