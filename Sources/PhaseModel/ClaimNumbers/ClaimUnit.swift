/// The unit a claim's figures are in (see `Claim`'s table of field meanings): the one decision
/// the judges, the notes and findings, and the audit report all print and compare figures by, so
/// that `93.33%` is never a count in one of them and a percentage in another.
///
/// It sits beside the number lexer because "written as a percent" is read with it.
public enum ClaimUnit: Sendable, Equatable {
    /// A count or a line count.
    case plain
    /// Percent points (`93.5` is 93.5%).
    case percent
    /// Hours.
    case hours
    /// A share in [0, 1], shown as a percentage (a status claim's completion).
    case fraction

    /// The unit `claim` states its figures in.
    public static func of(_ claim: Claim) -> ClaimUnit {
        switch claim.kind {
        case .coverage, .ratio, .target, .quality: .percent
        case .completion: claim.isCountedCompletion ? .plain : .percent
        case .total, .average: claim.isWrittenAsPercent ? .percent : .plain
        case .duration: .hours
        case .status: .fraction
        default: .plain
        }
    }
}

extension Claim {
    /// A completion written as `n/m` rather than as a percentage. A percentage written beside
    /// `n/m` carries `expected`, so it is the percentage that is judged.
    public var isCountedCompletion: Bool { kind == .completion && denominator != nil && expected == nil }

    /// Whether the claimed figure is written with `%` in the claim's text (an average of a
    /// column of percentages, say), which decides the tolerance it is judged with.
    public var isWrittenAsPercent: Bool {
        guard let claimed else { return false }
        return ClaimNumberScanner.numbers(in: text).contains { $0.isPercent && ($0.value - claimed).magnitude < 1e-9 }
    }
}
