/// The formats reports are written in (docs/design/pipeline.md#report-files), and the files CI tools read: GitLab Code
/// Quality (`codequality`) and a shields.io endpoint badge (`badge`).
public enum ReportFormat: String, Sendable, CaseIterable, Comparable {
    case md, html, json, sarif, codequality, badge

    /// What `report` and `phase-close` write unless told otherwise: the reports, the phase model
    /// and the SARIF log. The CI files are asked for with `--format`.
    public static let standard: [ReportFormat] = [.md, .html, .json, .sarif]

    public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The three reports, for choosing which to write (`audit` writes only the audit).
public enum ReportKind: String, Sendable, CaseIterable {
    case completion, audit, task
}

/// One file of a report run: where it goes (relative to the reports folder, `/`-separated) and its bytes.
public struct ReportFile: Sendable, Equatable {
    public var path: String
    public var contents: [UInt8]
    /// The key of what a task or audit report was rendered from (`ReportSource.key`), when it was
    /// rendered for reuse (`ReportReuse`): under it the file is remembered once written.
    public var renderKey: String?
    /// Read back from the reports folder, where it lies with exactly these bytes: writing it only
    /// marks it as written now (`ReportWriter.write`). Where a file came from, not what it is: two
    /// files are equal whether or not either was read back.
    public var isOnDisk = false

    public static func == (lhs: ReportFile, rhs: ReportFile) -> Bool {
        lhs.path == rhs.path && lhs.contents == rhs.contents && lhs.renderKey == rhs.renderKey
    }

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
