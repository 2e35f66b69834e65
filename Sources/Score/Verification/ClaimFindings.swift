import PhaseModel

/// The findings claim verdicts raise (docs/design/claims-and-verdicts.md#findings-from-verdicts): `claim.contradicted` (a contradicted
/// deliverable raises `deliverable.missing` instead), `claim.unverifiable` and
/// `report.arithmetic`. Each quotes the claim's text and both figures with their difference,
/// and points at the claim's source.
enum ClaimFindings {
    static let contradicted: FindingRuleID = .claimContradicted
    static let deliverableMissing: FindingRuleID = .deliverableMissing
    static let unverifiable: FindingRuleID = .claimUnverifiable
    static let arithmetic: FindingRuleID = .reportArithmetic

    /// The rule of the finding `claim`'s verdict raises; `nil` for verified and unjudged claims.
    static func rule(for claim: Claim) -> FindingRuleID? {
        switch claim.verdict {
        case nil, .verified?: nil
        case .contradicted? where claim.kind == .deliverable: deliverableMissing
        case .contradicted?: contradicted
        case .inconsistent?: arithmetic
        case .unverifiable?: unverifiable
        }
    }

    /// The finding `claim`'s verdict raises; `nil` for verified and unjudged claims.
    static func finding(for claim: Claim) -> Finding? {
        guard let rule = rule(for: claim) else { return nil }
        let note = claim.note ?? LocalizedText(message: "finding.claim.no-note")
        switch rule {
        case deliverableMissing:
            return make(rule, claim, message: missingDeliverable(claim), remediation: addDeliverable)
        case contradicted:
            return make(rule, claim, message: contradiction(claim, note), remediation: correction(for: claim.kind))
        case arithmetic:
            return make(rule, claim, message: inconsistency(claim, note), remediation: recompute)
        default:
            return make(rule, claim, message: unverifiability(claim, note), remediation: addEvidence)
        }
    }

    private static func make(_ rule: FindingRuleID, _ claim: Claim, message: LocalizedText, remediation: LocalizedText) -> Finding {
        // The three ids are in the catalog (a test holds them to it); `.info` is only a floor.
        let severity = FindingRule.named(rule)?.severity ?? .info
        return Finding(
            rule: rule, severity: severity, task: claim.task, phase: claim.phase, at: claim.source, message: message,
            remediation: remediation)
    }

    // MARK: Messages

    private static func contradiction(_ claim: Claim, _ note: LocalizedText) -> LocalizedText {
        let unit = ClaimUnit.of(claim)
        var arguments: [String: MessageArgument] = ["text": .text(claim.text), "note": .localized(note)]
        switch claim.kind {
        case .date:
            arguments["written"] = .text(claim.claimedValue ?? claim.text)
            arguments["days"] = .localized(ClaimFigure.text { language in claim.discrepancy.map { ClaimFigure.number($0.magnitude, language) } ?? "?" })
            arguments["span"] = .text(claim.verifiedValue ?? "?")
            return LocalizedText(message: "finding.claim.contradicted.date", arguments)
        case .status:
            arguments["word"] = .text(claim.claimedValue ?? (StatusJudge.saysDone(claim) == true ? "done" : "not done"))
            arguments["shown"] = .localized(ClaimFigure.text { language in claim.verified.map { ClaimFigure.figure($0, .fraction, language) } ?? "?" })
            arguments["difference"] = difference(claim, .fraction)
            return LocalizedText(message: "finding.claim.contradicted.status", arguments)
        default:
            guard claim.claimed != nil, let verified = claim.verified else {
                return LocalizedText(message: "finding.claim.contradicted.message", arguments)
            }
            arguments.merge(compared(claim, unit, with: verified, as: "shown")) { $1 }
            return LocalizedText(message: "finding.claim.contradicted.figures", arguments)
        }
    }

    /// The claimed figure, `value` named `name`, and their difference, each in `unit`.
    private static func compared(_ claim: Claim, _ unit: ClaimUnit, with value: Double, as name: String) -> [String: MessageArgument] {
        [
            "claimed": .localized(ClaimFigure.text { claimedFigure(claim, unit, $0) }),
            name: .localized(ClaimFigure.text { ClaimFigure.figure(value, unit, $0) }),
            "difference": difference(claim, unit),
        ]
    }

    /// The claim's signed discrepancy in `unit`, "?" when none was recorded.
    private static func difference(_ claim: Claim, _ unit: ClaimUnit) -> MessageArgument {
        .localized(ClaimFigure.text { language in claim.discrepancy.map { ClaimFigure.difference($0, unit, language) } ?? "?" })
    }

    private static func missingDeliverable(_ claim: Claim) -> LocalizedText {
        LocalizedText(
            message: "finding.deliverable.missing.message", ["text": .text(claim.text), "path": .text(claim.subject ?? claim.text)])
    }

    private static func inconsistency(_ claim: Claim, _ note: LocalizedText) -> LocalizedText {
        let unit = ClaimUnit.of(claim)
        var arguments: [String: MessageArgument] = ["text": .text(claim.text), "note": .localized(note)]
        // A target "exceeded" by a negative margin is wrong in its wording, not its sum: the
        // note says by how much the figure falls short.
        let shortfall = claim.kind == .target && (claim.claimed ?? 0) < 0
        guard !shortfall, claim.claimed != nil, let expected = claim.expected else {
            return LocalizedText(message: "finding.report.arithmetic.message", arguments)
        }
        arguments.merge(compared(claim, unit, with: expected, as: "computed")) { $1 }
        return LocalizedText(message: "finding.report.arithmetic.figures", arguments)
    }

    private static func unverifiability(_ claim: Claim, _ note: LocalizedText) -> LocalizedText {
        LocalizedText(message: "finding.claim.unverifiable.message", ["text": .text(claim.text), "note": .localized(note)])
    }

    /// The claimed figure as written: `39/39` for a count out of a total, else the number in its unit.
    private static func claimedFigure(_ claim: Claim, _ unit: ClaimUnit, _ language: NoteLanguage) -> String {
        guard let claimed = claim.claimed else { return "?" }
        if unit == .plain, let whole = claim.denominator {
            return "\(ClaimFigure.number(claimed, language))/\(ClaimFigure.number(whole, language))"
        }
        return ClaimFigure.figure(claimed, unit, language)
    }

    // MARK: Remediations

    private static let addDeliverable = LocalizedText(message: "finding.deliverable.missing.remediation")

    private static let recompute = LocalizedText(message: "finding.report.arithmetic.remediation")

    private static let addEvidence = LocalizedText(message: "finding.claim.unverifiable.remediation")

    private static func correction(for kind: ClaimKind) -> LocalizedText {
        switch kind {
        case .testCount: LocalizedText(message: "finding.claim.contradicted.remediation.test-count")
        case .coverage: LocalizedText(message: "finding.claim.contradicted.remediation.coverage")
        case .completion, .status: LocalizedText(message: "finding.claim.contradicted.remediation.completion")
        case .loc: LocalizedText(message: "finding.claim.contradicted.remediation.loc")
        case .date, .duration: LocalizedText(message: "finding.claim.contradicted.remediation.time")
        default: LocalizedText(message: "finding.claim.contradicted.remediation")
        }
    }
}
