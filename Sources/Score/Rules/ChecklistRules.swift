import Foundation
import PhaseModel

/// `checklist.incomplete` and `task.deferred-items`: what a task's checklist says against its status.
enum ChecklistRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for task in context.workspace.tasks {
            guard let checklist = task.checklist else { continue }
            let items = checklist.items
            if RuleContext.isMarkedComplete(task), let open = items.first(where: { !$0.checked }) {
                findings.append(incomplete(task: task, checklist: checklist, first: open))
            }
            let deferred = items.filter { isDeferred($0.text) }
            if let first = deferred.first {
                findings.append(deferredItems(task: task, file: checklist.file, count: deferred.count, first: first))
            }
        }
        return findings
    }

    /// Words that put an item off rather than do it, in English and Russian, as whole words in any
    /// case, and the pause sign.
    private static let deferredPattern: NSRegularExpression? = try? NSRegularExpression(
        pattern: """
            (?<![\\p{L}\\p{N}])(?:deferred|defer|postponed|later|out of scope|won['’]?t do|next phase|\
            отложен[оаы]?|перенес[её]н[оаы]?|позже|в следующ(?:ей|ую) фаз[еу]|на следующую фазу)(?![\\p{L}\\p{N}])|⏸
            """,
        options: [.caseInsensitive])

    /// Whether the item's text marks it deferred.
    static func isDeferred(_ text: String) -> Bool {
        guard let deferredPattern else { return false }
        return deferredPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func incomplete(task: TaskRecord, checklist: Checklist, first: ChecklistItem) -> Finding {
        .rule(
            .checklistIncomplete, task: task, at: .file(checklist.file, line: first.line),
            message: LocalizedText(
                message: "finding.checklist.incomplete.message",
                [
                    "task": .text(task.id), "checked": .count(checklist.checked), "total": .count(checklist.total),
                    "line": .count(first.line), "item": .text(RuleText.excerpt(first.text)),
                ]),
            remediation: LocalizedText(
                message: "finding.checklist.incomplete.remediation", ["file": .text(checklist.file), "task": .text(task.id)]))
    }

    private static func deferredItems(task: TaskRecord, file: String, count: Int, first: ChecklistItem) -> Finding {
        .rule(
            .taskDeferredItems, task: task, at: .file(file, line: first.line),
            message: LocalizedText(
                message: "finding.task.deferred-items.message",
                [
                    "task": .text(task.id), "count": .count(count), "line": .count(first.line),
                    "item": .text(RuleText.excerpt(first.text)),
                ]),
            remediation: LocalizedText(message: "finding.task.deferred-items.remediation"))
    }
}
