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
                en: "\(task.id) is marked complete, but its checklist has \(checklist.checked) of \(checklist.total) items checked."
                    + " First unchecked, line \(first.line): \(RuleText.quotedEn(first.text)).",
                ru: "Задача \(task.id) отмечена как завершённая, но в её чек-листе отмечено пунктов: \(checklist.checked) из \(checklist.total)."
                    + " Первый неотмеченный, строка \(first.line): \(RuleText.quotedRu(first.text))."),
            remediation: LocalizedText(
                en: "Finish and check the remaining items in \(checklist.file), or take the completion mark off \(task.id) in the master list.",
                ru: "Выполните и отметьте оставшиеся пункты в \(checklist.file) или снимите с задачи \(task.id) отметку о завершении в общем списке."))
    }

    private static func deferredItems(task: TaskRecord, file: String, count: Int, first: ChecklistItem) -> Finding {
        .rule(
            .taskDeferredItems, task: task, at: .file(file, line: first.line),
            message: LocalizedText(
                en: "\(task.id) has checklist items marked deferred: \(count). First, line \(first.line): \(RuleText.quotedEn(first.text)).",
                ru: "У задачи \(task.id) есть отложенные пункты чек-листа: \(count). Первый, строка \(first.line): \(RuleText.quotedRu(first.text))."),
            remediation: LocalizedText(
                en: "Do the deferred items, or move them to a task of a later phase and name that task here.",
                ru: "Выполните отложенные пункты или перенесите их в задачу одной из следующих фаз и укажите её здесь."))
    }
}
