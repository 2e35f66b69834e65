import Foundation
import PhaseModel

extension CertificationCheck {
    /// One figure then and now, as plain text (`50% (1/2)`, `B+`, `passed`); a side is `nil`
    /// when it had no value: no evidence, or no such gate condition.
    ///
    /// Numbers are shown with as many decimals as it takes to tell the two sides apart, so a
    /// change in the third decimal is not printed as `91.2 → 91.2`.
    public struct FigureChange: Sendable, Equatable {
        /// `completion`, `quality`, `grade`, `gate`, `gate minCompletion`; for tasks also
        /// `checklist`, `tests`, `commits`, `lines`.
        public var figure: String
        public var before: String?
        public var after: String?
        /// Evidence paths this figure accounts for, so they are not listed again as other evidence.
        var explains: [[String]]

        public init(figure: String, before: String?, after: String?) {
            self.init(figure, before, after, explains: [])
        }

        /// Equal when they say the same; what they account for is bookkeeping.
        public static func == (lhs: FigureChange, rhs: FigureChange) -> Bool {
            (lhs.figure, lhs.before, lhs.after) == (rhs.figure, rhs.before, rhs.after)
        }

        init(_ figure: String, _ before: String?, _ after: String?, explains: [[String]]) {
            self.figure = figure
            self.before = before
            self.after = after
            self.explains = explains
        }

        /// The phase figures that differ, in a fixed order, gate conditions in the phase's order.
        static func phase(_ before: Phase, _ after: Phase) -> [FigureChange] {
            let at = { (field: String) in ["phase", field] }
            var changes = [
                completion(before.completion, after.completion, explains: [at("completion")]),
                number("quality", before.quality, after.quality, explains: [at("quality"), at("qualityTasks")]),
                value("grade", before.grade, after.grade, explains: [at("grade")]),
                value(
                    "gate", before.gate.map { $0.passed ? "passed" : "failed" }, after.gate.map { $0.passed ? "passed" : "failed" },
                    explains: [["phase", "gate", "passed"]]),
            ]
            let conditions = (after.gate?.conditions ?? []) + (before.gate?.conditions ?? [])
            var seen = Set<GateConditionID>()
            for id in conditions.map(\.id) where seen.insert(id).inserted {
                let old = before.gate?.conditions.first { $0.id == id }
                let new = after.gate?.conditions.first { $0.id == id }
                guard old != new else { continue }
                let (then, now) = numbers(old?.actual, new?.actual)
                changes.append(FigureChange(
                    "gate \(id.rawValue)", old.map { condition($0, actual: then) }, new.map { condition($0, actual: now) },
                    explains: [["phase", "gate", "conditions", "[\(id.rawValue)]"]]))
            }
            return changes.compactMap { $0 }
        }

        /// The task figures that differ, in a fixed order.
        static func task(_ before: TaskRecord, _ after: TaskRecord) -> [FigureChange] {
            let at = { (field: String) in ["tasks", "[\(after.id)]", field] }
            let checklist = { (list: Checklist?) in list.map { "\($0.checked)/\($0.total)" } }
            let lines = { (git: GitSummary?) in git.map { "\($0.linesAreAtLeast ? "≥" : "")+\($0.linesAdded)/−\($0.linesDeleted)" } }
            let changes = [
                number(
                    "completion", before.completion.map { $0 * 100 }, after.completion.map { $0 * 100 }, suffix: "%",
                    explains: [at("completion")]),
                value("checklist", checklist(before.checklist), checklist(after.checklist), explains: [at("checklist")]),
                number("quality", before.quality, after.quality, explains: [at("quality"), at("qualityDetail")]),
                value("grade", before.grade, after.grade, explains: [at("grade")]),
                value("tests", before.tests.map(tests), after.tests.map(tests), explains: [at("tests")]),
                value(
                    "commits", before.git.map { String($0.commits) }, after.git.map { String($0.commits) },
                    explains: [["tasks", "[\(after.id)]", "git", "commits"], ["tasks", "[\(after.id)]", "git", "merges"]]),
                value(
                    "lines", lines(before.git), lines(after.git),
                    explains: [["tasks", "[\(after.id)]", "git", "linesAdded"], ["tasks", "[\(after.id)]", "git", "linesDeleted"]]),
            ]
            return changes.compactMap { $0 }
        }

        /// `50% (1/2)`: the percent and the sum of task completions over the task count.
        private static func completion(_ before: Completion?, _ after: Completion?, explains: [[String]]) -> FigureChange? {
            guard before != after else { return nil }
            let (then, now) = numbers(before?.percent, after?.percent)
            let text = { (completion: Completion?, percent: String?) in
                completion.map { "\(percent.map { $0 + "%" } ?? "no tasks") (\(decimal($0.done, digits: 2))/\($0.total))" }
            }
            return FigureChange("completion", text(before, then), text(after, now), explains: explains)
        }

        private static func number(
            _ figure: String, _ before: Double?, _ after: Double?, suffix: String = "", explains: [[String]]
        ) -> FigureChange? {
            guard before != after else { return nil }
            let (then, now) = numbers(before, after)
            return FigureChange(figure, then.map { $0 + suffix }, now.map { $0 + suffix }, explains: explains)
        }

        private static func value(_ figure: String, _ before: String?, _ after: String?, explains: [[String]]) -> FigureChange? {
            before == after ? nil : FigureChange(figure, before, after, explains: explains)
        }

        /// `50 (fails ≥ 100)`; `no evidence (fails ≥ 95)` without a value.
        private static func condition(_ condition: GateCondition, actual: String?) -> String {
            let relation = condition.comparison == "<=" ? "≤" : "≥"
            return "\(actual ?? "no evidence") (\(condition.passed ? "passes" : "fails") \(relation) \(decimal(condition.threshold, digits: 2)))"
        }

        /// `3/4 passed, 1 failed, 5 defined`, naming only the counts that are not 0.
        private static func tests(_ tests: TestEvidence) -> String {
            var parts = ["\(tests.passed)/\(tests.executed) passed"]
            for (count, word) in [(tests.failed, "failed"), (tests.errored, "errored"), (tests.skipped, "skipped")] where count > 0 {
                parts.append("\(count) \(word)")
            }
            if let defined = tests.defined { parts.append("\(defined) defined") }
            return parts.joined(separator: ", ")
        }

        /// Both numbers with the fewest decimals (1 to 6) that tell them apart.
        static func numbers(_ before: Double?, _ after: Double?) -> (String?, String?) {
            var digits = 1
            while true {
                let pair = (before.map { decimal($0, digits: digits) }, after.map { decimal($0, digits: digits) })
                if pair.0 != pair.1 || digits == 6 { return pair }
                digits += 1
            }
        }

        /// `value` rounded to `digits` decimals, trailing zeros dropped: `95.5`, `100` (the English
        /// number form reports use).
        static func decimal(_ value: Double, digits: Int) -> String {
            ReportLocale.en.number(value, fractionDigits: digits)
        }
    }
}
