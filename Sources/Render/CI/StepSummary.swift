import Foundation
import PhaseModel

/// The Markdown summary of a CI run that GitHub Actions shows on the run's page: what a runner
/// appends to the file named by `$GITHUB_STEP_SUMMARY`.
public enum StepSummary {
    /// GitHub's limit for one step's summary file, in bytes; a larger file is not shown at all.
    public static let sizeLimit = 1_048_576

    /// What `append` did.
    public struct Outcome: Sendable, Equatable {
        /// Bytes added to the file, the note included.
        public var bytesWritten: Int
        /// Whether the summary was cut (or, when not even the note fit, left out) to stay under the limit.
        public var truncated: Bool

        public init(bytesWritten: Int, truncated: Bool) {
            self.bytesWritten = bytesWritten
            self.truncated = truncated
        }
    }

    /// The summary of `phases` in `locale`: per phase its name, certification id, gate verdict
    /// with each condition's actual value, completion, quality and grade, findings by severity,
    /// the change since the previous snapshot, and the paths of its reports under `reportsFolder`
    /// (relative to the repository, as `reports`). Every value is escaped for Markdown.
    public static func markdown(input: ReportInput, phases: [String], locale: ReportLocale, reportsFolder: String) throws -> String {
        let templates = try ReportTemplates(locale: locale)
        let view = try SummaryView(
            phases: phases, input: input, reportsFolder: reportsFolder, text: ViewText(catalog: templates.catalog))
        // The content-type pragma put before the first `{{#phases}}` keeps that tag from being
        // standalone, so its line break stays; a summary starts with its first heading.
        let markdown = try templates.render("summary", view)
        return String(markdown.drop { $0 == "\n" })
    }

    /// Appends `markdown` to the summary file at `path` (creating it when missing) so that the file
    /// stays within `sizeLimit`; the note that says a summary was cut is in `locale`.
    ///
    /// When the whole summary does not fit, it is cut after its last line that does, and a line
    /// saying it was cut follows; a line is never split, so neither is a UTF-8 sequence. When not
    /// even that note fits, nothing is appended. The file is opened for appending only, so the
    /// summaries other steps wrote before stay as they are.
    public static func append(_ markdown: String, toFileAt path: String, locale: ReportLocale = .en) throws -> Outcome {
        let note = try Catalog.builtIn(locale).text("summary.cut")
        return try append(markdown, toFileAt: path, note: note, limit: sizeLimit)
    }

    /// `append` with the note and the limit given, so tests can use a limit of a few bytes.
    static func append(_ markdown: String, toFileAt path: String, note: String, limit: Int) throws -> Outcome {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StepSummaryError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw StepSummaryError(path: path, reason: String(cString: strerror(errno))) }
        let bytes = fitted(Array(markdown.utf8), note: note, room: limit - Int(status.st_size))
        try writeAll(bytes.bytes, to: descriptor, path: path)
        return Outcome(bytesWritten: bytes.bytes.count, truncated: bytes.truncated)
    }

    /// The bytes of `summary` that fit in `room` bytes: all of them, or its whole lines that fit
    /// together with the note (after a blank line, so the note never joins a table), or nothing.
    static func fitted(_ summary: [UInt8], note: String, room: Int) -> (bytes: [UInt8], truncated: Bool) {
        if summary.count <= room { return (summary, false) }
        let noteBytes = Array(("\n" + note + "\n").utf8)
        let budget = room - noteBytes.count
        guard budget >= 0 else { return ([], true) }
        let newline = UInt8(ascii: "\n")
        let end = summary[..<min(budget, summary.count)].lastIndex(of: newline).map { $0 + 1 } ?? 0
        return (Array(summary[..<end]) + noteBytes, true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw StepSummaryError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// The step summary file cannot be opened or written.
public struct StepSummaryError: UserFacingError, Equatable {
    public var path: String
    public var reason: String

    /// An unwritable output file (docs/design/pipeline.md#errors-and-exit-codes).
    public var exitCode: Int32 { 3 }

    public var description: String {
        LocalizedText(message: "error.step-summary.unwritable", ["path": .text(path), "reason": .text(reason)]).en
    }
}
