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
            let files = unread == 1 ? "1 result file" : "\(unread) result files"
            return "\(condition.id.rawValue) held failed: \(files) not read whole or repeated (see the evidence findings)"
        }
        return condition.actual == nil
            ? "\(condition.id.rawValue) has no evidence (needs \(condition.comparison == "<=" ? "≤" : "≥") \(Decimal1.format(condition.threshold)))"
            : "\(condition.id.rawValue) \(actual) \(relation) \(Decimal1.format(condition.threshold))"
    }
}
