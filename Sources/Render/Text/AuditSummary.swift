import PhaseModel

/// The terminal view of `phasecert audit`: claimed | verified | discrepancy | verdict for the
/// claims that did not hold, then counts per verdict.
///
/// Verified claims and figures of other models are listed only when `all` is set.
public enum AuditSummary {
    /// Longest claim text shown before it is cut.
    static let textWidth = 60

    public static func render(_ claims: [Claim], all: Bool) -> String {
        let order: [Verdict?] = [.contradicted, .inconsistent, .unverifiable, .verified, nil]
        let shown = claims.enumerated()
            .filter { all || $0.element.verdict == .contradicted || $0.element.verdict == .inconsistent }
            .sorted { lhs, rhs in
                let left = order.firstIndex(of: lhs.element.verdict) ?? order.count
                let right = order.firstIndex(of: rhs.element.verdict) ?? order.count
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
        var output = ""
        if shown.isEmpty {
            let none = claims.isEmpty ? LocalizedText(message: "cli.audit.no-claims") : LocalizedText(message: "cli.audit.no-broken-claims")
            output += none.en + "\n"
        } else {
            output += TextTable(
                header: ["Verdict", "Kind", "Claimed", "Verified", "Discrepancy", "Scope", "Source", "Text"],
                rows: shown.map(row)
            ).render()
        }
        output += "\nClaims: \(ClaimCounts(claims).summary)\n"
        return output
    }

    private static func row(_ claim: Claim) -> [String] {
        [
            claim.verdict?.rawValue ?? "not judged",
            claim.kind.rawValue,
            claimed(claim),
            verified(claim),
            claim.discrepancy.map(signed) ?? "—",
            claim.task ?? claim.phase.map { "Phase \($0)" } ?? "—",
            claim.source.description,
            TextTable.truncate(claim.text.replacingOccurrences(of: "\n", with: " "), to: textWidth),
        ]
    }

    private static func claimed(_ claim: Claim) -> String {
        if let value = claim.claimed {
            // A ratio's claimed figure is its percentage; the n/m it was computed from is in the text.
            if claim.kind == .ratio { return Decimal1.format(value) + "%" }
            return claim.denominator.map { "\(Decimal1.format(value))/\(Decimal1.format($0))" } ?? Decimal1.format(value)
        }
        return claim.claimedValue ?? claim.subject ?? "—"
    }

    /// The evidence's figure, else the figure the document itself implies (marked `doc`).
    private static func verified(_ claim: Claim) -> String {
        if let value = claim.verified { return Decimal1.format(value) }
        if let value = claim.verifiedValue { return String(value.prefix(12)) }
        if let expected = claim.expected { return "\(Decimal1.format(expected)) (doc)" }
        return "—"
    }

    private static func signed(_ value: Double) -> String {
        value > 0 ? "+" + Decimal1.format(value) : Decimal1.format(value)
    }
}
