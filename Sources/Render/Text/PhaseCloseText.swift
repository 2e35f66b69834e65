import PhaseModel

/// What `phase-close` prints for a phase: the gate verdict with every condition's actual value,
/// the certification id, and the change since the previous close.
public enum PhaseCloseText {
    /// The verdict block of `phase`; `comparison` adds the "before / after" lines.
    public static func verdict(_ phase: Phase, comparison: PhaseComparison?, style: TerminalStyle) -> String {
        let title = "Phase \(phase.id)" + (phase.name.map { " — \($0)" } ?? "")
        var output: String
        if let gate = phase.gate {
            output = style.strong(title) + ": " + (gate.passed ? style.good("gate passed") : style.bad("gate failed")) + "\n"
        } else {
            output = style.strong(title) + ": no gate\n"
        }
        output += "  certification: \(phase.certification?.id ?? "none")\n"
        output += "  completion: \(completion(phase)); quality: \(phase.quality.map(Decimal1.format) ?? "no evidence")"
        output += phase.grade.map { " (\($0))" } ?? ""
        output += "; findings: \(findings(phase.findings))\n"
        for condition in phase.gate?.conditions ?? [] {
            let mark = condition.passed ? style.good("pass") : style.bad("FAIL")
            output += "  \(mark) \(GateText.describe(condition))\n"
        }
        if let comparison { output += before(comparison) }
        return output
    }

    private static func completion(_ phase: Phase) -> String {
        guard let completion = phase.completion, let percent = completion.percent else { return "no evidence" }
        return "\(Decimal1.format(completion.done))/\(completion.total) tasks (\(Decimal1.format(percent))%)"
    }

    private static func findings(_ counts: FindingCounts?) -> String {
        guard let counts else { return "none" }
        let figures: [String: MessageArgument] = [
            "critical": .count(counts.critical), "major": .count(counts.major), "minor": .count(counts.minor), "info": .count(counts.info),
        ]
        return LocalizedText(message: "cli.phase-close.findings", figures).en
    }

    /// The change since the previous snapshot: counts, figures that moved, and each finding that
    /// was resolved or is new.
    private static func before(_ comparison: PhaseComparison) -> String {
        let previous = comparison.previousCertification ?? comparison.previousPath
        let counts: [String: MessageArgument] = [
            "previous": .text(previous), "resolved": .count(comparison.resolved.count), "new": .count(comparison.introduced.count),
            "unchanged": .count(comparison.unchanged),
        ]
        var output = "  " + LocalizedText(message: "cli.phase-close.since", counts).en
        var figures: [String] = []
        if let change = comparison.completion { figures.append("completion " + change.text(Decimal1.format)) }
        if let change = comparison.quality { figures.append("quality " + change.text(Decimal1.format)) }
        if let change = comparison.grade { figures.append("grade " + change.text { $0 }) }
        if let change = comparison.testsPassed { figures.append("tests passed " + change.text(String.init)) }
        if !figures.isEmpty { output += "; " + figures.joined(separator: ", ") }
        output += "\n"
        for finding in comparison.resolved { output += "    resolved: \(line(finding))\n" }
        for finding in comparison.introduced { output += "    new: \(line(finding))\n" }
        return output
    }

    private static func line(_ finding: Finding) -> String {
        let task = finding.task.map { " \($0)" } ?? ""
        return "[\(finding.severity.rawValue)] \(finding.rule)\(task): \(ControlText.neutralized(finding.message.en))"
    }
}

extension PhaseComparison.Change {
    /// `50 → 100`, with "no evidence" for a missing side.
    fileprivate func text(_ format: (Value) -> String) -> String {
        "\(before.map(format) ?? "no evidence") → \(after.map(format) ?? "no evidence")"
    }
}
