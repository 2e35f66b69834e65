/// A phase now against its previous certification: the "before / after" of the next report.
///
/// Every figure keeps the two sides apart and says `nil` for a side without evidence, so a
/// report never shows a missing figure as 0 or a change from nothing as a gain.
public struct PhaseComparison: Codable, Sendable, Equatable {
    /// The certification id of the previous snapshot; `nil` when it was not certified.
    @Nullable public var previousCertification: String?
    /// Repository-relative path of the previous snapshot.
    public var previousPath: String
    /// Completion in percent; `nil` when neither side has one.
    @Nullable public var completion: Change<Double>?
    /// Mean task quality; `nil` when neither side has one.
    @Nullable public var quality: Change<Double>?
    /// The phase's grade; `nil` when neither side has one.
    @Nullable public var grade: Change<String>?
    /// Passed tests linked to the phase; `nil` when neither side has test evidence.
    @Nullable public var testsPassed: Change<Int>?
    /// Executed tests linked to the phase; `nil` when neither side has test evidence.
    @Nullable public var testsExecuted: Change<Int>?
    /// Findings about the phase and its tasks: `unchanged + resolved` before, `unchanged + introduced` after.
    public var findings: Change<Int>
    /// Findings of the previous snapshot that are gone, most severe first.
    public var resolved: [Finding]
    /// Findings that the previous snapshot did not have, most severe first.
    public var introduced: [Finding]
    /// Findings present on both sides.
    public var unchanged: Int

    public init(
        previousCertification: String?, previousPath: String, completion: Change<Double>?, quality: Change<Double>?,
        grade: Change<String>?, testsPassed: Change<Int>?, testsExecuted: Change<Int>?, findings: Change<Int>,
        resolved: [Finding], introduced: [Finding], unchanged: Int
    ) {
        self.previousCertification = previousCertification
        self.previousPath = previousPath
        self.completion = completion
        self.quality = quality
        self.grade = grade
        self.testsPassed = testsPassed
        self.testsExecuted = testsExecuted
        self.findings = findings
        self.resolved = resolved
        self.introduced = introduced
        self.unchanged = unchanged
    }

    /// One figure before and after; a side is `nil` when it had no evidence for the figure.
    public struct Change<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        @Nullable public var before: Value?
        @Nullable public var after: Value?

        public init(before: Value?, after: Value?) {
            self.before = before
            self.after = after
        }

        /// The change when at least one side has the figure; `nil` when neither has, so "no evidence
        /// either time" is not shown as a comparison.
        public static func between(_ before: Value?, _ after: Value?) -> Change? {
            before == nil && after == nil ? nil : Change(before: before, after: after)
        }
    }
}

extension PhaseComparison.Change where Value: AdditiveArithmetic {
    /// `after − before`; `nil` unless both sides have the figure, since a missing side is not 0.
    public var delta: Value? {
        guard let before, let after else { return nil }
        return after - before
    }
}
