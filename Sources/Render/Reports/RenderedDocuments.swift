import Foundation
import PhaseModel

/// One Markdown report to render: where it goes (without the extension), in which language, and
/// what it reports on.
struct ReportDocument: Sendable {
    enum Subject: Sendable {
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
/// independent of the others, so they are rendered in parallel and kept in document order, which
/// makes the files the same bytes in the same order as one core writes them.
struct RenderedDocuments {
    /// The files of each phase folder, in document order: Markdown then HTML per document.
    private var byFolder: [Substring: [ReportFile]] = [:]

    init(_ documents: [ReportDocument], renderer: ReportRenderer, formats: [ReportFormat]) throws {
        let markdown = formats.contains(.md)
        let html = formats.contains(.html)
        let results = documents.concurrentMap(minimumPiece: 1) { document -> Result<[ReportFile], any Error> in
            Result {
                let text = try Self.markdown(of: document, renderer: renderer)
                var texts: [String] = []
                if markdown { texts.append(text) }
                if html { texts.append(try renderer.html(markdown: text, locale: document.locale)) }
                return zip(Self.paths(of: document, formats: formats), texts).map { ReportFile(path: $0, text: $1) }
            }
        }
        for (document, result) in zip(documents, results) {
            // The first failure in document order is the one a single core meets first.
            byFolder[document.folder, default: []] += try result.get()
        }
    }

    /// The paths of `document`'s files among `formats`: Markdown, then HTML.
    static func paths(of document: ReportDocument, formats: [ReportFormat]) -> [String] {
        [ReportFormat.md, .html].filter(formats.contains).map { document.path + "." + $0.rawValue }
    }

    /// The rendered files of the phase folder `folder`.
    func files(inFolder folder: String) -> [ReportFile] { byFolder[Substring(folder)] ?? [] }

    private static func markdown(of document: ReportDocument, renderer: ReportRenderer) throws -> String {
        switch document.subject {
        case let .completion(phase): try renderer.completion(phase: phase, locale: document.locale)
        case let .audit(phase): try renderer.audit(phase: phase, locale: document.locale)
        case let .task(task): try renderer.task(task, locale: document.locale)
        }
    }
}
