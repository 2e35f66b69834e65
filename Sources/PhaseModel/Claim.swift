/// What kind of figure a claim states.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
    case testCount, loc, fileCount, deliverable, commitRef, coverage, ratio, total, average
    case completion, quality, grade, date, duration, status
}

/// The outcome of checking a claim against the evidence.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case verified, contradicted, inconsistent, unverifiable
}

/// A figure someone wrote, and what the evidence says about it.
public struct Claim: Codable, Sendable, Equatable {
    public var kind: ClaimKind
    /// The exact text the figure was read from.
    public var text: String
    public var source: Provenance
    @Nullable public var task: String?
    @Nullable public var phase: String?
    @Nullable public var claimed: Double?
    @Nullable public var verified: Double?
    @Nullable public var verdict: Verdict?

    public init(
        kind: ClaimKind, text: String, source: Provenance, task: String? = nil, phase: String? = nil,
        claimed: Double? = nil, verified: Double? = nil, verdict: Verdict? = nil
    ) {
        self.kind = kind
        self.text = text
        self.source = source
        self.task = task
        self.phase = phase
        self.claimed = claimed
        self.verified = verified
        self.verdict = verdict
    }
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
