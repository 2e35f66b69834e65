/// How much a finding matters; ordered from most to least severe.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical, major, minor, info

    private var rank: Int {
        switch self {
        case .critical: 0
        case .major: 1
        case .minor: 2
        case .info: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in the evidence: a blocker or a lesser issue, with where it was seen.
public struct Finding: Codable, Sendable, Equatable {
    /// The rule that raised it; the JSON writes its stable dotted id, for example `naming.noncanonical`.
    public var rule: FindingRuleID
    public var severity: Severity
    /// Canonical task id the finding concerns, if any.
    @Nullable public var task: String?
    /// Phase id the finding concerns, if any.
    @Nullable public var phase: String?
    /// Work-tree path the finding points at, if any.
    @Nullable public var file: String?
    @Nullable public var line: Int?
    /// Full commit id the finding points at, if any.
    @Nullable public var commit: String?
    public var message: LocalizedText
    /// What to do about it, if the rule has advice.
    @Nullable public var remediation: LocalizedText?

    /// The members in the order the canonical JSON writes them (by the bytes of their names),
    /// so that the writer need not reorder each of the thousands of them it writes.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case commit, file, line, message, phase, remediation, rule, severity, task
    }

    public init(
        rule: FindingRuleID, severity: Severity, task: String? = nil, phase: String? = nil,
        at provenance: Provenance? = nil, message: LocalizedText, remediation: LocalizedText? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.task = task
        self.phase = phase
        switch provenance {
        case let .file(path, line)?:
            self.file = path
            self.line = line
        case let .commit(id)?:
            self.commit = id
        case nil:
            break
        }
        self.message = message
        self.remediation = remediation
    }
}

extension Finding {
    /// The order findings are listed in everywhere: most severe first, then rule, task, file,
    /// line, commit, phase and message. It is total, so a list never depends on input order.
    public static func listOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        // Member by member, as comparing arrays of them did, without building two arrays of
        // copied strings for every comparison: a phase of thousands of findings is sorted for
        // every report of it.
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if let order = precedes(lhs.task ?? "", rhs.task ?? "") { return order }
        if let order = precedes(lhs.file ?? "", rhs.file ?? "") { return order }
        if lhs.line != rhs.line { return (lhs.line ?? -1) < (rhs.line ?? -1) }
        if let order = precedes(lhs.commit ?? "", rhs.commit ?? "") { return order }
        if let order = precedes(lhs.phase ?? "", rhs.phase ?? "") { return order }
        if let order = precedes(lhs.message.en, rhs.message.en) { return order }
        return lhs.message.ru < rhs.message.ru
    }

    /// `left < right` when they differ, `nil` when they are equal.
    @inline(__always)
    private static func precedes(_ left: String, _ right: String) -> Bool? {
        left == right ? nil : left < right
    }
}
