import PhaseModel

/// Notes shared by several judges.
enum ClaimNotes {
    /// A claim of a numeric kind whose text yielded no number.
    static let noFigure = LocalizedText(message: "note.no-figure")

    /// A claim about completion or status that names neither a task nor a phase.
    static let noCompletionScope = LocalizedText(message: "note.no-completion-scope")

    /// The completion of `scope` as a percentage: "completion of TN-201 is 66.67%".
    static func completion(_ fraction: Double, of scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(
            message: "note.completion",
            [
                "scope": .localized(scope.name),
                "value": .localized(ClaimFigure.text { language in ClaimFigure.percent(fraction * 100, language) }),
            ])
    }

    /// Why `scope` has no completion to compare with.
    static func noCompletion(_ scope: ClaimScopeEvidence) -> LocalizedText {
        switch scope.scope {
        case .workspace:
            return noCompletionScope
        case .phase(let id):
            return LocalizedText(message: "note.no-completion.phase", ["phase": .text(id)])
        case .task(let id):
            return LocalizedText(message: "note.no-completion.task", ["task": .text(id)])
        }
    }

    /// Why "done" cannot be judged against a checklist with nothing ticked at all: an untouched
    /// checklist more often means it was not kept than that nothing was done, so it neither
    /// confirms nor refutes the claim. A checklist with some items ticked is kept, and is judged.
    /// `nil` when something is ticked.
    static func nothingTicked(_ scope: ClaimScopeEvidence) -> LocalizedText? {
        guard scope.completion == 0 else { return nil }
        guard let first = scope.firstCommit, let last = scope.lastCommit else {
            return LocalizedText(message: "note.nothing-ticked", ["scope": .localized(scope.name)])
        }
        return LocalizedText(
            message: "note.nothing-ticked.commits", ["scope": .localized(scope.name), "first": .text(first), "last": .text(last)])
    }
}
