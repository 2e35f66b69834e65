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

    /// The finding `claim`'s verdict raises; `nil` for verified and unjudged claims.
    static func finding(for claim: Claim) -> Finding? {
        guard let verdict = claim.verdict else { return nil }
        let note = claim.note ?? LocalizedText(en: "no detail recorded", ru: "подробности не записаны")
        switch verdict {
        case .verified:
            return nil
        case .contradicted where claim.kind == .deliverable:
            return make(deliverableMissing, claim, message: missingDeliverable(claim), remediation: addDeliverable)
        case .contradicted:
            return make(contradicted, claim, message: contradiction(claim, note), remediation: correction(for: claim.kind))
        case .inconsistent:
            return make(arithmetic, claim, message: inconsistency(claim, note), remediation: recompute)
        case .unverifiable:
            return make(unverifiable, claim, message: unverifiability(claim, note), remediation: addEvidence)
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
        switch claim.kind {
        case .date:
            let written = claim.claimedValue ?? claim.text
            return ClaimFigure.text { language in
                let days = claim.discrepancy.map { ClaimFigure.number($0.magnitude, language) } ?? "?"
                let span = claim.verifiedValue ?? "?"
                return language == .en
                    ? "“\(claim.text)” dates the document \(written), \(days) days outside the days it was committed, \(span): \(note.en)."
                    : "«\(claim.text)» датирует документ \(written) — вне дней, когда его коммитили, \(span) (расхождение в днях: \(days)): \(note.ru)."
            }
        case .status:
            let word = claim.claimedValue ?? (StatusJudge.saysDone(claim) == true ? "done" : "not done")
            return ClaimFigure.text { language in
                let shown = claim.verified.map { ClaimFigure.figure($0, .fraction, language) } ?? "?"
                let difference = claim.discrepancy.map { ClaimFigure.difference($0, .fraction, language) } ?? "?"
                return language == .en
                    ? "“\(claim.text)” says \(word), but the evidence shows \(shown) complete (difference \(difference)): \(note.en)."
                    : "«\(claim.text)»: заявлен статус \(word), но по данным выполнено \(shown) (разница \(difference)): \(note.ru)."
            }
        default:
            guard claim.claimed != nil, let verified = claim.verified else {
                return LocalizedText(
                    en: "“\(claim.text)” is contradicted by the evidence: \(note.en).",
                    ru: "«\(claim.text)» опровергается данными: \(note.ru).")
            }
            return ClaimFigure.text { language in
                let claimed = claimedFigure(claim, unit, language)
                let shown = ClaimFigure.figure(verified, unit, language)
                let difference = claim.discrepancy.map { ClaimFigure.difference($0, unit, language) } ?? "?"
                return language == .en
                    ? "“\(claim.text)” claims \(claimed), but the evidence shows \(shown) (difference \(difference)): \(note.en)."
                    : "«\(claim.text)»: заявлено \(claimed), но по данным \(shown) (разница \(difference)): \(note.ru)."
            }
        }
    }

    private static func missingDeliverable(_ claim: Claim) -> LocalizedText {
        let path = claim.subject ?? claim.text
        return LocalizedText(
            en: "“\(claim.text)” names \(path) as delivered, but no such file exists in the work tree.",
            ru: "«\(claim.text)» называет результатом работы \(path), но такого файла в рабочем дереве нет.")
    }

    private static func inconsistency(_ claim: Claim, _ note: LocalizedText) -> LocalizedText {
        let unit = ClaimUnit.of(claim)
        // A target "exceeded" by a negative margin is wrong in its wording, not its sum: the
        // note says by how much the figure falls short.
        let shortfall = claim.kind == .target && (claim.claimed ?? 0) < 0
        guard !shortfall, claim.claimed != nil, let expected = claim.expected else {
            return LocalizedText(
                en: "“\(claim.text)” contradicts itself: \(note.en).",
                ru: "«\(claim.text)» противоречит самому себе: \(note.ru).")
        }
        return ClaimFigure.text { language in
            let claimed = claimedFigure(claim, unit, language)
            let computed = ClaimFigure.figure(expected, unit, language)
            let difference = claim.discrepancy.map { ClaimFigure.difference($0, unit, language) } ?? "?"
            return language == .en
                ? "“\(claim.text)” states \(claimed), but the document’s own figures give \(computed) (difference \(difference)): \(note.en)."
                : "«\(claim.text)»: указано \(claimed), но собственные цифры документа дают \(computed) (разница \(difference)): \(note.ru)."
        }
    }

    private static func unverifiability(_ claim: Claim, _ note: LocalizedText) -> LocalizedText {
        LocalizedText(
            en: "“\(claim.text)” cannot be checked: \(note.en).",
            ru: "«\(claim.text)» проверить нельзя: \(note.ru).")
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

    private static let addDeliverable = LocalizedText(
        en: "Add the file, or correct the path written in the text.",
        ru: "Добавьте файл или исправьте путь, указанный в тексте.")

    private static let recompute = LocalizedText(
        en: "Recompute the figure from the numbers beside it and correct the text.",
        ru: "Пересчитайте значение по приведённым рядом числам и исправьте текст.")

    private static let addEvidence = LocalizedText(
        en: "Add evidence phasecert can read for it (test results, a coverage report, git history), or drop the figure.",
        ru: "Добавьте данные, которые phasecert может прочитать (результаты тестов, отчёт о покрытии, историю git), или уберите это значение.")

    private static func correction(for kind: ClaimKind) -> LocalizedText {
        switch kind {
        case .testCount:
            LocalizedText(
                en: "Run the tests and keep their result file where phasecert finds it, or correct the count in the text.",
                ru: "Запустите тесты и сохраните файл результатов там, где phasecert его найдёт, или исправьте число в тексте.")
        case .coverage:
            LocalizedText(
                en: "Correct the figure to the coverage report’s, or regenerate the report if the figure is right.",
                ru: "Исправьте значение по отчёту о покрытии или пересоздайте отчёт, если значение верно.")
        case .completion, .status:
            LocalizedText(
                en: "Correct the status or figure to match the checklist, or finish and check off the remaining items.",
                ru: "Исправьте статус или значение по чек-листу либо доделайте и отметьте оставшиеся пункты.")
        case .loc:
            LocalizedText(
                en: "Correct the line count to the file’s actual size.",
                ru: "Исправьте число строк по фактическому размеру файла.")
        case .date, .duration:
            LocalizedText(
                en: "Correct the date or duration to match the commit history.",
                ru: "Исправьте дату или длительность по истории коммитов.")
        default:
            LocalizedText(en: "Correct the figure to match the evidence.", ru: "Исправьте значение по данным.")
        }
    }
}
