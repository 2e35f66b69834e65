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

/// How a figure was written when it is not meant exactly: `750+ lines` is a lower bound,
/// `~200 LOC` a rounded figure. A figure written plainly has no bound.
public enum ClaimBound: String, Codable, Sendable, CaseIterable {
    /// `750+`, `≥ 750`, `more than 750`, `более 750`: the evidence may be any larger figure.
    case atLeast
    /// `~200`, `≈ 200`, `about 200`, `около 200`: a rounded figure, judged with a wider tolerance.
    case about
}

/// Where the evidence of a claim was read, or why none could be, when that is not simply the
/// work tree as it is now. Scan sets it; the judge words the note from it.
public struct ClaimEvidenceBasis: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The file was counted as it was at `commit`, the last commit that changed the document
        /// (it changed since).
        case documentCommit
        /// The file the history has did not exist at `commit`, the document's commit: the
        /// figure was a plan or an estimate, not a count.
        case absentAtDocumentCommit
        /// A bare name several files share: which one is meant is unknown.
        case ambiguousPath
        /// A commit id (`commit` as written) that no commit of the history has.
        case unknownCommit
        /// A commit id prefix (`commit` as written) that several commits of the history share.
        case ambiguousCommit
        /// A test count: the tests defined in the test file the claim names (`Claim.verifiedValue`)
        /// as `commit` had it, the commit that wrote the claim's line.
        case testFile
        /// A test count that names no file but a test suite (a `describe` group, a test class):
        /// the tests defined under the suite `suite` of the test file `Claim.verifiedValue`, nested
        /// suites included, as `commit` had it, the commit that wrote the claim's line.
        case testSuite
        /// A count of new tests: the tests `commit` added (names its files define that its parent's
        /// did not, less names it removed), in the test file named (`Claim.verifiedValue`), else in
        /// every test file it changed.
        case testsAdded
        /// A count of new tests written after the work: the tests the file named (`Claim.verifiedValue`)
        /// gained from `commit`, the document's version before the one that wrote the line, to that one.
        case testsAddedSince
        /// A count of new tests whose commit (`commit`, the one that wrote the line) changed neither
        /// the test file named nor, when none is named, any test file: the tests came in another one.
        case noTestChange
        /// A file count: the files `commit`, the commit the line describes, changed (of the kind
        /// `Claim.subject` names, `FileCountScope`). With `ofPart`, the figure may count files of
        /// another scope (without documentation, of a part, over several commits) and `verified`
        /// is every file the commit changed.
        case changedFiles
    }

    public var kind: Kind
    /// The full id of the document's commit, or the prefix as written for a commit lookup.
    public var commit: String?
    /// For a test count read from test files: true when they hold subtests, parametrized tests or
    /// tests declared in a loop, so they may run other cases than they define. Written only when set.
    public var otherCases: Bool?
    /// For a test count: true when the figure may be of a part of the tests counted (it is
    /// qualified, `7 env tests`, `17 tests for validation`; or it names no file), so a figure
    /// below the count proves nothing. For a file count: the figure may be of other files than
    /// those counted, so no figure proves anything. Written only when set.
    public var ofPart: Bool?
    /// For a count of new tests: true when commits before the one counted may have added some of
    /// them too (they changed the file since the document's previous version, or no file is named),
    /// so a figure above the count proves nothing. Written only when set.
    public var earlierChanges: Bool?
    /// For a `testSuite` count: the suite's path in its file, as the test inventory writes it
    /// (`describe` titles joined by ` > `, a Python or Swift type path). Written only when set.
    public var suite: String?

    public init(
        _ kind: Kind, commit: String? = nil, otherCases: Bool? = nil, ofPart: Bool? = nil, earlierChanges: Bool? = nil,
        suite: String? = nil
    ) {
        self.kind = kind
        self.commit = commit
        self.otherCases = otherCases
        self.ofPart = ofPart
        self.earlierChanges = earlierChanges
        self.suite = suite
    }
}

/// Which of a commit's changed files a file count was compared with (`Claim.subject` of a
/// `fileCount` whose basis is `changedFiles`).
public enum FileCountScope: String, Codable, Sendable, CaseIterable {
    /// Every file.
    case all
    /// Every file but documentation.
    case withoutDocs
    /// Source code and its tests.
    case source
    /// Test files.
    case tests
    /// Documentation.
    case docs
    /// Source code without tests.
    case code
    /// Files changed in place (neither created, deleted nor renamed).
    case modified
    /// Files created.
    case created
    /// Test files created.
    case createdTests
    /// Source code or test files created.
    case createdSource
    /// Documentation files created.
    case createdDocs
    /// The files of the name `Claim.verifiedValue`.
    case named
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
/// | testCount | tests claimed (passing when `subject` is `passing`) | m of "n/m" | – | tests passed, or defined (in the file named, or added by the line's commit when `evidenceBasis` says so) | subject `passing` / `new` / `count`; claimedValue: the test file the count is of, as written (a path or a name); verifiedValue: the resolved test file |
/// | loc | lines claimed | – | sum of the per-file LOC listed with a total | lines of the file (or files), or lines the commit added | subject: path as written; claimedValue: commit prefix of a history-table row; verifiedValue: resolved path or commit |
/// | fileCount | files claimed | – | items listed under it | files the commit the line describes changed (`evidenceBasis` `changedFiles`) | subject: `FileCountScope` counted; verifiedValue: the file name counted |
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
    // Stored compactly (Benchmarks/RESULTS-scale.md, twenty-fifth round): a scan of 100,000
    // commits holds over 100,000 claims, some of them twice (scanned and judged), and as plain
    // stored properties one took 352 bytes — the five optional figures 16 each, the evidence
    // basis and line counts 96 together though few claims have either. The figures are kept
    // with one byte saying which are present, and the rare two in one shared box: 216 bytes.
    public var kind: ClaimKind
    /// `nil` until judged; stays `nil` for figures of other scoring models.
    public var verdict: Verdict?
    /// Whether the figure was written as a lower bound or a rounded figure; `nil` for a figure
    /// meant exactly. Written only when there is a bound, so the JSON of every claim without one
    /// (and the certification digests over it) stays as it was.
    public var bound: ClaimBound?
    /// Which of the figures are present, a bit each (`Figure`).
    private var presentFigures: UInt8 = 0
    /// The exact text the figure was read from.
    public var text: String
    public var source: Provenance
    public var task: String?
    public var phase: String?
    /// What the figure is about, when the kind needs one (a path, a column header, `passing`).
    public var subject: String?
    /// A claimed value that is not a number: a grade, a date, a commit prefix, a status.
    public var claimedValue: String?
    /// The evidence's value when it is not a number: a full commit id, phasecert's own grade.
    public var verifiedValue: String?
    /// Why the verdict is what it is, in both languages.
    public var note: LocalizedText?
    // The figures, 0 where absent.
    private var storedClaimed: Double = 0
    private var storedDenominator: Double = 0
    private var storedExpected: Double = 0
    private var storedVerified: Double = 0
    private var storedDiscrepancy: Double = 0
    private var rare: RareFacts?

    public var claimed: Double? {
        get { figure(.claimed) }
        set { setFigure(.claimed, newValue) }
    }
    /// The `m` of an `n/m` form.
    public var denominator: Double? {
        get { figure(.denominator) }
        set { setFigure(.denominator, newValue) }
    }
    /// The figure the document itself implies (a column sum, a ratio, a count of listed items).
    public var expected: Double? {
        get { figure(.expected) }
        set { setFigure(.expected, newValue) }
    }
    /// The figure the evidence gives.
    public var verified: Double? {
        get { figure(.verified) }
        set { setFigure(.verified, newValue) }
    }
    /// `verified − claimed` for a contradicted claim, `expected − claimed` for an inconsistent one.
    public var discrepancy: Double? {
        get { figure(.discrepancy) }
        set { setFigure(.discrepancy, newValue) }
    }
    /// Where the evidence was read when not from today's work tree, or why it could not be;
    /// written only when present, like `bound`.
    public var evidenceBasis: ClaimEvidenceBasis? {
        get { rare?.evidenceBasis }
        set { rare = RareFacts.holding(newValue, rare?.lineCounts) }
    }
    /// For a line count of a file: the file's lines by each counting rule, which the judge holds
    /// the figure to. Not written: `verified` and the note carry the count that was used, and the
    /// JSON of every claim stays as it was. A claim read back from JSON has none, and is held to
    /// `verified` alone.
    public var lineCounts: LineCounts? {
        get { rare?.lineCounts }
        set { rare = RareFacts.holding(rare?.evidenceBasis, newValue) }
    }

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the thousands of them it writes; every
    /// property but `lineCounts`, which is not written.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case bound, claimed, claimedValue, denominator, discrepancy, evidenceBasis, expected, kind, note, phase
        case source, subject, task, text, verdict, verified, verifiedValue
    }

    public init(
        kind: ClaimKind, text: String, source: Provenance, task: String? = nil, phase: String? = nil,
        subject: String? = nil, claimed: Double? = nil, denominator: Double? = nil, claimedValue: String? = nil,
        expected: Double? = nil, verified: Double? = nil, verifiedValue: String? = nil, verdict: Verdict? = nil,
        bound: ClaimBound? = nil
    ) {
        self.kind = kind
        self.text = text
        self.source = source
        self.task = task
        self.phase = phase
        self.subject = subject
        self.claimedValue = claimedValue
        self.verifiedValue = verifiedValue
        self.verdict = verdict
        self.bound = bound
        self.claimed = claimed
        self.denominator = denominator
        self.expected = expected
        self.verified = verified
    }

    /// Reads what `encode(to:)` writes; a missing key reads as `nil`, like an explicit `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(ClaimKind.self, forKey: .kind), text: try container.decode(String.self, forKey: .text),
            source: try container.decode(Provenance.self, forKey: .source),
            task: try container.decodeIfPresent(String.self, forKey: .task),
            phase: try container.decodeIfPresent(String.self, forKey: .phase),
            subject: try container.decodeIfPresent(String.self, forKey: .subject),
            claimed: try container.decodeIfPresent(Double.self, forKey: .claimed),
            denominator: try container.decodeIfPresent(Double.self, forKey: .denominator),
            claimedValue: try container.decodeIfPresent(String.self, forKey: .claimedValue),
            expected: try container.decodeIfPresent(Double.self, forKey: .expected),
            verified: try container.decodeIfPresent(Double.self, forKey: .verified),
            verifiedValue: try container.decodeIfPresent(String.self, forKey: .verifiedValue),
            verdict: try container.decodeIfPresent(Verdict.self, forKey: .verdict),
            bound: try container.decodeIfPresent(ClaimBound.self, forKey: .bound))
        discrepancy = try container.decodeIfPresent(Double.self, forKey: .discrepancy)
        note = try container.decodeIfPresent(LocalizedText.self, forKey: .note)
        evidenceBasis = try container.decodeIfPresent(ClaimEvidenceBasis.self, forKey: .evidenceBasis)
    }

    /// Every key but `bound` and `evidenceBasis` is written, `null` where there is no value: the
    /// JSON contract (docs/design/model.md#no-evidence-is-null) says a value without evidence is
    /// `null`, never missing; those two are written only when present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(bound, forKey: .bound)
        try container.encode(claimed, forKey: .claimed)
        try container.encode(claimedValue, forKey: .claimedValue)
        try container.encode(denominator, forKey: .denominator)
        try container.encode(discrepancy, forKey: .discrepancy)
        try container.encodeIfPresent(evidenceBasis, forKey: .evidenceBasis)
        try container.encode(expected, forKey: .expected)
        try container.encode(kind, forKey: .kind)
        try container.encode(note, forKey: .note)
        try container.encode(phase, forKey: .phase)
        try container.encode(source, forKey: .source)
        try container.encode(subject, forKey: .subject)
        try container.encode(task, forKey: .task)
        try container.encode(text, forKey: .text)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(verified, forKey: .verified)
        try container.encode(verifiedValue, forKey: .verifiedValue)
    }

    /// The optional figures, by their bit in `presentFigures`.
    private enum Figure: UInt8 {
        case claimed = 0, denominator, expected, verified, discrepancy
        var bit: UInt8 { 1 << rawValue }
    }

    private func figure(_ figure: Figure) -> Double? {
        guard presentFigures & figure.bit != 0 else { return nil }
        switch figure {
        case .claimed: return storedClaimed
        case .denominator: return storedDenominator
        case .expected: return storedExpected
        case .verified: return storedVerified
        case .discrepancy: return storedDiscrepancy
        }
    }

    private mutating func setFigure(_ figure: Figure, _ value: Double?) {
        if value == nil { presentFigures &= ~figure.bit } else { presentFigures |= figure.bit }
        let stored = value ?? 0
        switch figure {
        case .claimed: storedClaimed = stored
        case .denominator: storedDenominator = stored
        case .expected: storedExpected = stored
        case .verified: storedVerified = stored
        case .discrepancy: storedDiscrepancy = stored
        }
    }

    public static func == (lhs: Claim, rhs: Claim) -> Bool {
        lhs.kind == rhs.kind && lhs.verdict == rhs.verdict && lhs.bound == rhs.bound && lhs.text == rhs.text
            && lhs.source == rhs.source && lhs.task == rhs.task && lhs.phase == rhs.phase && lhs.subject == rhs.subject
            && lhs.claimedValue == rhs.claimedValue && lhs.verifiedValue == rhs.verifiedValue && lhs.note == rhs.note
            && lhs.claimed == rhs.claimed && lhs.denominator == rhs.denominator && lhs.expected == rhs.expected
            && lhs.verified == rhs.verified && lhs.discrepancy == rhs.discrepancy
            && lhs.evidenceBasis == rhs.evidenceBasis && lhs.lineCounts == rhs.lineCounts
    }
}

/// A claim's evidence basis and line counts, which few claims have: kept apart, shared between
/// copies and replaced whole when either changes, so a claim without them holds one reference.
private final class RareFacts: Sendable {
    let evidenceBasis: ClaimEvidenceBasis?
    let lineCounts: LineCounts?

    private init(evidenceBasis: ClaimEvidenceBasis?, lineCounts: LineCounts?) {
        self.evidenceBasis = evidenceBasis
        self.lineCounts = lineCounts
    }

    /// A box with both, or `nil` when there is neither.
    static func holding(_ evidenceBasis: ClaimEvidenceBasis?, _ lineCounts: LineCounts?) -> RareFacts? {
        evidenceBasis == nil && lineCounts == nil ? nil : RareFacts(evidenceBasis: evidenceBasis, lineCounts: lineCounts)
    }
}

extension Claim {
    /// The subject of a date that says when its document was written, or as of when it speaks:
    /// the only dates judged, against the commits that added and last changed the document.
    public static let documentDateSubject = "document"

    /// The subject of a status that a list item or table row gives one step or part of the work
    /// (`Create feature branch — DONE`): not the status of its task or phase, and not judged.
    public static let stepStatusSubject = "step"
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
