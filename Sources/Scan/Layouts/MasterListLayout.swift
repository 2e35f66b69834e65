import Foundation
import PhaseModel

/// A master list — `TASKS.md`, `ROADMAP.md`, `INDEX.md`, `FEATURES.md`, anywhere in the tree —
/// whose phase headings list task items (`- [x] **TN-200** Title`, `- [x] **0.1** Step`) or index
/// rows, with task folders named by id under the list's folder (`TN-099-redis/`).
///
/// The conventional `tasks/TASKS.md` (or the configured `tasks.masterList`) is read exactly as
/// phasecert always read it: configured id pattern, task folders under `tasks.root`.
struct MasterListLayout: Layout {
    let name = "master-list"

    func candidates(in context: LayoutContext) -> [LayoutCandidate] {
        candidates(in: context, survey: context.survey ?? MasterListSurvey(context: context))
    }

    func candidates(in context: LayoutContext, survey: MasterListSurvey) -> [LayoutCandidate] {
        survey.lists.filter { !FlatTaskFilesLayout.hasFlatFiles($0, tree: context.tree) }.map { entry in
            var candidate = LayoutCandidate(
                layout: name, files: [entry.list.file], phases: entry.list.phasesWithTasks, tasks: entry.list.entries.count,
                reason: MasterListSurvey.reason(entry)
            ) { Self.reading(entry, context: context) }
            candidate.conventionalName = MasterListSurvey.isConventionalName(entry.list.file)
            return candidate
        }
    }

    /// The list found by content, with the task folders under its own folder.
    static func reading(_ entry: MasterListSurvey.Entry, context: LayoutContext) -> LayoutReading {
        var entry = entry
        entry.list = oneScopeIfPhaseless(entry.list)
        let folder = parentFolder(of: entry.list.file)
        let pattern = entry.pattern ?? context.ids
        let prefixes = Set(entry.list.entries.map { TaskFolderScanner.prefix(of: $0.id) })
        let (folders, findings) = TaskFolderScanner(
            tree: context.tree, ids: pattern, configuration: context.configuration.tasks, knownPrefixes: prefixes
        ).scan(root: folder)
        // Only folders of listed tasks: a list found anywhere sees folders it does not own.
        let listed = Set(entry.list.entries.map(\.id))
        let own = folders.filter { listed.contains($0.id) }
        return LayoutReading(
            tasksRoot: folder, masterList: entry.list, folders: own,
            texts: own.reduce(into: [:]) { texts, folder in texts.merge(folder.texts) { first, _ in first } },
            ids: pattern, findings: findings + entry.list.findings)
    }

    /// A registry without phase headings (`FEATURES.md`) is one scope: every task in the
    /// repository's one phase, so completion and the gate still have something to speak of.
    static func oneScopeIfPhaseless(_ list: MasterList) -> MasterList {
        guard list.phases.isEmpty, !list.entries.isEmpty else { return list }
        var list = list
        let scope = ReportsOnlyLayout.scopeID
        list.phases = [Phase(id: scope, name: nil, source: .file(list.file, line: 1), tasks: list.entries.map(\.id))]
        for index in list.entries.indices { list.entries[index].phase = scope }
        for index in list.claimTexts.indices where list.claimTexts[index].phase == nil && list.claimTexts[index].task == nil {
            list.claimTexts[index].phase = scope
        }
        return list
    }

    static func parentFolder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }
}
