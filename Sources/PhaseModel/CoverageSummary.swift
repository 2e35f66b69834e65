/// Line coverage over some files: a task's, a phase's or the whole workspace's.
public struct CoverageSummary: Codable, Sendable, Equatable {
    /// Instrumented lines.
    public var linesFound: Int
    /// Of those, lines run at least once.
    public var linesHit: Int
    /// `linesHit / linesFound × 100`, unrounded; `nil` when no line was instrumented.
    @Nullable public var percent: Double?
    /// Source files the figures cover.
    public var files: Int

    public init(linesFound: Int, linesHit: Int, files: Int) {
        self.linesFound = linesFound
        self.linesHit = linesHit
        self.files = files
        self.percent = linesFound > 0 ? Double(linesHit) / Double(linesFound) * 100 : nil
    }
}
