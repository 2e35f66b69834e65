import Foundation
import PhaseModel

/// What one report is made from, taken out of the report input, and nothing more: its view is
/// built from the source alone, so the report's bytes are a function of the source's canonical
/// JSON, the locale, the templates and the build of phasecert.
///
/// Why: after one new commit, `phase-close` of one phase rendered its task and audit reports
/// again although, with their tasks' commits and the phase's claims unchanged, they came out the
/// same bytes: most of the rendering time of `phase-close 1` on the 100,000-commit claim-heavy
/// repository (Benchmarks/RESULTS-scale.md, eighteenth round). With the source as the key of what
/// was rendered, an unchanged report is read back instead (`ReportReuse`).
protocol ReportSource: Codable, Sendable {
    /// Which report the source is of, as the key names it.
    static var kind: String { get }
    /// Raised whenever what the source holds, or how the key is made, changes.
    static var version: Int { get }
}

extension ReportSource {
    /// The key a report of this source is kept under: the SHA-256 of `salt` (the build and the
    /// templates), the document's path and locale, and the SHA-256 of this source's canonical JSON
    /// (`digest()`); `nil` when the source does not encode, and then the report is rendered and
    /// not kept.
    func key(salt: String, document: String, locale: ReportLocale) -> String? {
        digest().map { Self.key(digest: $0, salt: salt, document: document, locale: locale) }
    }

    /// The SHA-256 of this source's canonical JSON; `nil` when the source does not encode.
    ///
    /// Why apart from the key: a task's or a phase's source is the same in every language. Made
    /// and encoded once for all of them rather than once a language, the sources and keys of
    /// `phase-close 1` after a new commit took 103–142 samples of a profile instead of 136–210
    /// (Benchmarks/RESULTS-scale.md, thirtieth round).
    func digest() -> String? {
        (try? CanonicalJSON.encode(self, pretty: false)).map(ContentDigest.sha256Hex(of:))
    }

    /// The key of the report at `document` in `locale` of the source whose `digest()` is `digest`.
    static func key(digest: String, salt: String, document: String, locale: ReportLocale) -> String {
        ContentDigest.sha256Hex(of: Array("\(Self.kind) \(Self.version)\n\(salt)\n\(document)\n\(locale.rawValue)\n\(digest)\n".utf8))
    }
}
