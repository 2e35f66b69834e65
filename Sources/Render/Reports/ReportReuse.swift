/// Task and audit reports an earlier run rendered, offered back by the key of what they were made
/// from (`ReportSource`), so that an unchanged report is read instead of rendered again.
///
/// Render only asks; where the files are and whether they still hold what was written is the
/// caller's to check (`RenderedReportCache` in PhasecertKit).
public struct ReportReuse: Sendable {
    /// The build of phasecert and the user's templates, as one text: part of every key, so that
    /// another build or an edited template renders again.
    public var salt: String
    /// The files at `paths` (one document's, Markdown then HTML) when an earlier run rendered
    /// them from `key` and they still hold what it wrote; `nil` otherwise.
    public var kept: @Sendable (_ key: String, _ paths: [String]) -> [ReportFile]?

    public init(salt: String, kept: @escaping @Sendable (_ key: String, _ paths: [String]) -> [ReportFile]?) {
        self.salt = salt
        self.kept = kept
    }
}
