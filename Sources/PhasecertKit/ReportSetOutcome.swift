import Render

/// What a `report` run gives its folder: the reports rendered, or the paths of the reports the
/// folder already holds exactly as they would be rendered (`ReportSetCache`).
public struct ReportSetOutcome: Sendable {
    /// The rendered reports; empty when `kept`.
    public var files: [ReportFile]
    /// The reports left as they are, nothing rendered; `nil` when `files` were rendered.
    public var kept: [String]?
    /// Where and under which key the rendered files are remembered once written.
    var remembered: (cache: ReportSetCache, key: String)?
    /// Where the task and audit reports rendered for reuse are remembered once written.
    var renderedReports: RenderedReportCache?

    init(files: [ReportFile], kept: [String]?) {
        self.files = files
        self.kept = kept
    }

    /// The paths of the reports, rendered or kept.
    public var paths: [String] { kept ?? files.map(\.path) }

    /// Remembers the rendered files, once they are written, for the next run; a cache that cannot
    /// be written only costs that run time.
    public func remember() {
        guard kept == nil else { return }
        if let remembered { try? remembered.cache.save(key: remembered.key, files: files) }
        try? renderedReports?.remember(files)
    }
}
