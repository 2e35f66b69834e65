import Foundation
import PhaseModel

/// GitHub Spec Kit: `specs/NNN-feature/{spec,plan,tasks}.md`, where `tasks.md` lists
/// `- [X] T001 [P] [US1] Create … in src/x.py` under `## Phase 1: Setup` ….
///
/// Each feature is a phase (id `015`, its folder's number); its items are its tasks, qualified by
/// the feature since every feature numbers from `T001` (`015/T001`). The feature's own `Phase N`
/// sections stay in the items' source lines; `spec.md`, `plan.md` and the rest are plans.
struct SpecKitLayout: Layout {
    let name = "spec-kit"

    /// `T001` in any feature: prefix `T`, three digits, no dash.
    static let itemIDs = try? TaskIDPattern(prefix: "T", width: 3, separator: "")

    func candidates(in context: LayoutContext) -> [LayoutCandidate] {
        guard let ids = Self.itemIDs else { return [] }
        var features: [(number: String, folder: String, checklist: String)] = []
        for path in context.markdownFiles where path.hasSuffix("/tasks.md") {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 2 else { continue }
            let folder = parts[parts.count - 2]
            let number = folder.prefix { $0.isNumber }
            guard (2...4).contains(number.count), folder.dropFirst(number.count).first == "-" else { continue }
            features.append((String(number), parts.dropLast().joined(separator: "/"), path))
        }
        // Folders of features, grouped by the folder that holds them (`specs`).
        let groups = Dictionary(grouping: features) { Self.root(of: $0.folder) }
        return groups.compactMap { root, features in
            let sorted = features.sorted { $0.folder.utf8.lexicographicallyPrecedes($1.folder.utf8) }
            var lists: [(String, String, MasterList)] = []
            for feature in sorted {
                guard case let .success(file) = TextFileReader.read(
                    absolutePath: context.tree.absolute(feature.checklist), path: feature.checklist)
                else { continue }
                var list = MasterListParser.parse(file.text, file: feature.checklist, ids: ids, qualifier: feature.number)
                for index in list.entries.indices { list.entries[index].title = Self.withoutMarkers(list.entries[index].title) }
                if !list.entries.isEmpty { lists.append((feature.number, feature.folder, list)) }
            }
            guard !lists.isEmpty else { return nil }
            let features = lists
            let tasks = lists.reduce(0) { $0 + $1.2.entries.count }
            return LayoutCandidate(
                layout: name, files: lists.map { $0.2.file }, phases: lists.count, tasks: tasks,
                reason: LocalizedText(message: "cli.layout.reason.spec-kit", [
                    "features": .localized(LocalizedText(message: "cli.layout.count.feature-folder", ["count": .count(lists.count)])),
                    "root": .text(root.isEmpty ? "." : root + "/"),
                    "tasks": .localized(LocalizedText(message: "cli.layout.count.t-numbered-task", ["count": .count(tasks)])),
                ]).en
            ) { FeatureLists.reading(root: root, features: features, ids: context.ids) }
        }
    }

    /// The folder that holds a feature's folder, or the `specs` folder above it: `specs/feature/016-x`
    /// belongs with `specs/015-y`.
    static func root(of folder: String) -> String {
        let parts = folder.split(separator: "/")
        if let specs = parts.dropLast().lastIndex(of: "specs") { return parts[...specs].joined(separator: "/") }
        return MasterListLayout.parentFolder(of: folder)
    }

    /// `[P]` (may run in parallel) and `[US1]` (the user story served) lead a Spec Kit task's
    /// description, `(P)` a Kiro one's; they are not part of its title.
    private static let markers = try? NSRegularExpression(pattern: #"^(?:(?:\[(?:P|US\d{1,3})\]|\(P\))\s*)+"#)

    static func withoutMarkers(_ title: String?) -> String? {
        guard let title, let markers,
            let match = markers.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)),
            let range = Range(match.range, in: title)
        else { return title }
        let rest = String(title[range.upperBound...])
        return rest.isEmpty ? nil : rest
    }
}

/// Puts the checklists of several features together as one list whose phases are the features.
enum FeatureLists {
    /// `features`: (phase id, folder, the feature's parsed checklist).
    static func reading(root: String, features: [(String, String, MasterList)], ids: TaskIDPattern) -> LayoutReading {
        var phases: [Phase] = []
        var entries: [MasterList.Entry] = []
        var findings: [Finding] = []
        var folders: [String: String] = [:]
        var seen = Set<String>()
        for (id, folder, list) in features {
            // Two folders with one number (`015-a`, `015-b`): the second is named by its folder.
            let phaseID = seen.insert(id).inserted ? id : String(folder.split(separator: "/").last ?? Substring(id))
            // Its tasks are qualified by the phase's id too (`015-b/T001`), so no id names two tasks.
            func qualified(_ task: String) -> String {
                phaseID != id && task.hasPrefix(id + "/") ? phaseID + task.dropFirst(id.count) : task
            }
            let slug = folder.split(separator: "/").last.map(String.init) ?? folder
            let title = slug.drop { $0.isNumber }.drop { $0 == "-" }.replacingOccurrences(of: "-", with: " ")
            var phase = Phase(
                id: phaseID, name: title.isEmpty ? nil : title, source: .file(list.file, line: 1),
                tasks: list.entries.map { qualified($0.id) })
            phase.folder = folder
            phases.append(phase)
            folders[phaseID] = folder
            entries += list.entries.map { entry in
                var entry = entry
                entry.id = qualified(entry.id)
                entry.phase = phaseID
                return entry
            }
            // A feature's items say what is to be done ("Write 42+ test cases", "200 smoke tests"):
            // plans, not claims of what was, so their text is not audited.
            // A feature's own "Phase 2" sections repeat across features; they are not the repository's phases.
            findings += list.findings.filter { $0.rule != .masterlistDuplicatePhase }.map { finding in
                var finding = finding
                finding.task = finding.task.map(qualified)
                return finding
            }
        }
        let list = MasterList(file: root, phases: phases, entries: entries, claimTexts: [], findings: findings)
        return LayoutReading(
            tasksRoot: root, masterList: list, ids: ids, references: .qualified, phasesAreFeatures: true,
            phaseFolders: folders, findings: findings)
    }
}
