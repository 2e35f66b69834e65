import PhaseModel

/// Gate conditions as terminal text: `minCompletion 95.4 < 100, maxCritical 1 > 0`.
public enum GateText {
    /// Every failing condition with its actual value and threshold.
    public static func failures(_ gate: Gate) -> String {
        gate.conditions.filter { !$0.passed }.map(describe).joined(separator: ", ")
    }

    /// One condition: its id, actual value (or "no evidence"), comparison and threshold.
    public static func describe(_ condition: GateCondition) -> String {
        let actual = condition.actual.map(Decimal1.format) ?? "no evidence"
        let relation: String
        switch (condition.comparison, condition.passed) {
        case ("<=", true): relation = "≤"
        case ("<=", false): relation = ">"
        case (_, true): relation = "≥"
        case (_, false): relation = "<"
        }
        if let unread = condition.unreadEvidence {
            let arguments: [String: MessageArgument] = ["condition": .text(condition.id.rawValue), "count": .count(unread)]
            return LocalizedText(message: "cli.gate.unread-evidence", arguments).en
        }
        return condition.actual == nil
            ? LocalizedText(message: "cli.gate.no-evidence", [
                "condition": .text(condition.id.rawValue), "relation": .text(condition.comparison == "<=" ? "≤" : "≥"),
                "threshold": .text(Decimal1.format(condition.threshold)),
            ]).en
            : "\(condition.id.rawValue) \(actual) \(relation) \(Decimal1.format(condition.threshold))"
    }
}
