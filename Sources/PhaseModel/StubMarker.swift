/// A `TODO`, `FIXME`, `XXX` or `HACK` comment in a source file that names a task id: the task
/// left work unfinished there (finding `code.stub-marker`).
///
/// One comment naming two ids gives two markers, one per id, so that each task gets its own
/// finding.
public struct StubMarker: Codable, Sendable, Equatable {
    /// Repository-relative path of the file.
    public var file: String
    /// 1-based line of the marker word.
    public var line: Int
    /// `TODO`, `FIXME`, `XXX` or `HACK`, upper case whatever the spelling in the file.
    public var marker: String
    /// Canonical task id (`TN-099` for `tn-99`).
    public var task: String
    /// The comment's text on the marker's line, without comment delimiters, trimmed, at most
    /// 200 characters; invalid UTF-8 shows as U+FFFD.
    public var text: String

    public init(file: String, line: Int, marker: String, task: String, text: String) {
        self.file = file
        self.line = line
        self.marker = marker
        self.task = task
        self.text = text
    }
}
