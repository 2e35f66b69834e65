/// What kind of figure a claim states.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
    case testCount, loc, fileCount, deliverable, commitRef, coverage, ratio, total, average
    case completion, quality, grade, date, duration, status
    /// "exceeds the 150% target by 3.2%": a stated margin over (or under) a target.
    case target

    /// Figures from another scoring model (quality percentages, grades): shown beside
    /// phasecert's own figure and never judged, so their verdict stays `nil`.
    public var isOtherModel: Bool { self == .quality || self == .grade }
}

/// The outcome of checking a claim against the evidence.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case verified, contradicted, inconsistent, unverifiable
}

/// A figure someone wrote, and what the evidence says about it.
///
/// Field meaning per kind (numbers are in the unit the kind uses: percent points for
/// percentages, hours for durations, lines for LOC):
///
/// | kind | `claimed` | `denominator` | `expected` (the document itself) | `verified` (evidence) | text values |
/// |---|---|---|---|---|---|
/// | testCount | tests claimed (passing when `subject` is `passing`) | m of "n/m" | – | tests passed, or defined | subject `passing` / `count` |
/// | loc | lines claimed | – | sum of the per-file LOC listed with a total | lines of the file (or files) | subject: path as written |
/// | fileCount | files claimed | – | items listed under it | – | – |
/// | deliverable | – | – | – | 1 exists, 0 missing | subject: path as written; verifiedValue: resolved path |
/// | commitRef | – | – | – | 1 found, 0 not | claimedValue: hex prefix; verifiedValue: full id |
/// | coverage | percent | – | – | coverage percent | – |
/// | ratio | percent written | m of "n/m" | n/m × 100 | – | – |
/// | total | total written | – | sum of the column | – | subject: column header |
/// | average | average written | – | mean of the column | – | subject: column header |
/// | completion | percent, or n of "n/m" | m of "n/m" | n/m × 100 when a percent stands beside n/m | completion (percent or done) | – |
/// | quality | percent | – | – | phasecert's quality (not judged) | verifiedValue: phasecert's grade |
/// | grade | – | – | – | phasecert's quality (not judged) | claimedValue: grade; verifiedValue: phasecert's grade |
/// | date | – | – | – | – | claimedValue: `yyyy-MM-dd`; subject `document` when it dates the document itself; verifiedValue: the document's commit days `first/last` |
/// | duration | hours | – | – | hours between first and last commit | subject: the word that says it is time spent (`Duration`, `took`); without one, not judged |
/// | status | 1 done, 0 not done | – | – | completion in [0, 1] | claimedValue: `done` / `in-progress` / `blocked` |
/// | target | margin claimed | – | actual − target when both are written | – | subject: target as written |
public struct Claim: Codable, Sendable, Equatable {
    public var kind: ClaimKind
    /// The exact text the figure was read from.
    public var text: String
    public var source: Provenance
    @Nullable public var task: String?
    @Nullable public var phase: String?
    /// What the figure is about, when the kind needs one (a path, a column header, `passing`).
    @Nullable public var subject: String?
    @Nullable public var claimed: Double?
    /// The `m` of an `n/m` form.
    @Nullable public var denominator: Double?
    /// A claimed value that is not a number: a grade, a date, a commit prefix, a status.
    @Nullable public var claimedValue: String?
    /// The figure the document itself implies (a column sum, a ratio, a count of listed items).
    @Nullable public var expected: Double?
    /// The figure the evidence gives.
    @Nullable public var verified: Double?
    /// The evidence's value when it is not a number: a full commit id, phasecert's own grade.
    @Nullable public var verifiedValue: String?
    /// `verified − claimed` for a contradicted claim, `expected − claimed` for an inconsistent one.
    @Nullable public var discrepancy: Double?
    /// `nil` until judged; stays `nil` for figures of other scoring models.
    @Nullable public var verdict: Verdict?
    /// Why the verdict is what it is, in both languages.
    @Nullable public var note: LocalizedText?

    public init(
        kind: ClaimKind, text: String, source: Provenance, task: String? = nil, phase: String? = nil,
        subject: String? = nil, claimed: Double? = nil, denominator: Double? = nil, claimedValue: String? = nil,
        expected: Double? = nil, verified: Double? = nil, verifiedValue: String? = nil, verdict: Verdict? = nil
    ) {
        self.kind = kind
        self.text = text
        self.source = source
        self.task = task
        self.phase = phase
        self.subject = subject
        self.claimed = claimed
        self.denominator = denominator
        self.claimedValue = claimedValue
        self.expected = expected
        self.verified = verified
        self.verifiedValue = verifiedValue
        self.verdict = verdict
    }
}

extension Claim {
    /// The subject of a date that says when its document was written, or as of when it speaks:
    /// the only dates judged, against the commits that added and last changed the document.
    public static let documentDateSubject = "document"
}

/// Text that carries claims but has not been taken apart into figures yet: the status part
/// of a master-list item or heading, a nested sub-item, a commit subject.
public struct ClaimText: Codable, Sendable, Equatable {
    public var text: String
    public var source: Provenance
    @Nullable public var task: String?
    @Nullable public var phase: String?

    public init(text: String, source: Provenance, task: String? = nil, phase: String? = nil) {
        self.text = text
        self.source = source
        self.task = task
        self.phase = phase
    }
}
