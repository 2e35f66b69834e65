import Foundation
import PhaseModel

/// Kiro (and cc-sdd): `.kiro/specs/<feature>/{requirements,design,tasks}.md` with `spec.json`,
/// `tasks.md` a numbered checklist `- [x] 1.`, `- [x] 1.1 …` with `_Requirements: 1.2_` lines.
///
/// Each spec is a phase named by its folder; its numbered items are its tasks (`bancho-login/1.1`).
/// A top-level item whose sub-items are numbered under it (`1.` over `1.1`, `1.2`) is a group,
/// not a task of its own. `_Requirements:` names requirements, not tasks: it is not a dependency.
struct KiroLayout: Layout {
    let name = "kiro"

    func candidates(in context: LayoutContext) -> [LayoutCandidate] {
        let syntax = DottedTaskID(allowsSingleNumber: true)
        var specs: [(folder: String, checklist: String)] = []
        for path in context.markdownFiles where path.hasSuffix("/tasks.md") {
            let folder = MasterListLayout.parentFolder(of: path)
            let parent = MasterListLayout.parentFolder(of: folder)
            let isKiro = parent.hasSuffix(".kiro/specs") || parent == ".kiro/specs"
            let hasSpec = context.tree.isFile(folder + "/spec.json")
                || (context.tree.isFile(folder + "/requirements.md") && context.tree.isFile(folder + "/design.md"))
            guard isKiro || hasSpec, !SpecKitLayout.isNumberedFeature(folder) else { continue }
            specs.append((folder, path))
        }
        let groups = Dictionary(grouping: specs) { MasterListLayout.parentFolder(of: $0.folder) }
        return groups.compactMap { root, specs in
            var lists: [(String, String, MasterList)] = []
            for spec in specs.sorted(by: { $0.folder.utf8.lexicographicallyPrecedes($1.folder.utf8) }) {
                guard case let .success(file) = TextFileReader.read(
                    absolutePath: context.tree.absolute(spec.checklist), path: spec.checklist)
                else { continue }
                let slug = spec.folder.split(separator: "/").last.map(String.init) ?? spec.folder
                var list = MasterListParser.parse(file.text, file: spec.checklist, ids: syntax, qualifier: slug)
                Self.dropGroups(&list, qualifier: slug)
                for index in list.entries.indices {
                    list.entries[index].title = SpecKitLayout.withoutMarkers(list.entries[index].title)
                }
                if !list.entries.isEmpty { lists.append((slug, spec.folder, list)) }
            }
            guard !lists.isEmpty else { return nil }
            let features = lists
            let tasks = lists.reduce(0) { $0 + $1.2.entries.count }
            return LayoutCandidate(
                layout: name, files: lists.map { $0.2.file }, phases: lists.count, tasks: tasks,
                reason: LocalizedText(message: "cli.layout.reason.kiro", [
                    "specs": .localized(LocalizedText(message: "cli.layout.count.spec", ["count": .count(lists.count)])),
                    "root": .text(root),
                    "tasks": .localized(LocalizedText(message: "cli.layout.count.numbered-task", ["count": .count(tasks)])),
                ]).en
            ) { FeatureLists.reading(root: root, features: features, ids: context.ids) }
        }
    }

    /// Removes `1` when `1.1` … exist: the group's own checkbox only sums its sub-tasks.
    static func dropGroups(_ list: inout MasterList, qualifier: String) {
        let ids = Set(list.entries.map(\.id))
        let groups = Set(ids.filter { id in ids.contains { $0.hasPrefix(id + ".") } })
        guard !groups.isEmpty else { return }
        list.entries.removeAll { groups.contains($0.id) }
        // What a group's item says belongs to its spec, not to a task that no longer exists.
        for index in list.claimTexts.indices where list.claimTexts[index].task.map(groups.contains) == true {
            list.claimTexts[index].task = nil
        }
        for index in list.phases.indices { list.phases[index].tasks.removeAll { groups.contains($0) } }
    }
}

extension SpecKitLayout {
    /// `specs/015-auth`: a folder named by a number and a slug.
    static func isNumberedFeature(_ folder: String) -> Bool {
        let name = folder.split(separator: "/").last ?? ""
        let number = name.prefix { $0.isNumber }
        return (2...4).contains(number.count) && name.dropFirst(number.count).first == "-"
    }
}
