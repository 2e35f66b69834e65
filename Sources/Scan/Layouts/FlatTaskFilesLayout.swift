import Foundation
import PhaseModel

/// An index (`docs/tasks/INDEX.md`) listing tasks by phase, with one Markdown file per task
/// beside it (`T-012-config-loading.md`) and, where there is one, a state file whose lines
/// read `T-012|completed|…`.
///
/// A task's file is its document; its checkboxes are acceptance criteria written before the
/// work, so completion comes from the state file or the index, not from them.
struct FlatTaskFilesLayout: Layout {
    let name = "flat-files"

    func candidates(in context: LayoutContext) -> [LayoutCandidate] {
        candidates(in: context, survey: context.survey ?? MasterListSurvey(context: context))
    }

    func candidates(in context: LayoutContext, survey: MasterListSurvey) -> [LayoutCandidate] {
        survey.lists.filter { Self.hasFlatFiles($0, tree: context.tree) }.map { entry in
            let files = Self.taskFiles(entry, tree: context.tree)
            var candidate = LayoutCandidate(
                layout: name, files: [entry.list.file], phases: entry.list.phasesWithTasks, tasks: entry.list.entries.count,
                reason: LocalizedText(message: "cli.layout.reason.task-files", [
                    "list": .text(MasterListSurvey.reason(entry)),
                    "files": .localized(LocalizedText(message: "cli.layout.count.task-file", ["count": .count(files.count)])),
                ]).en
            ) { Self.reading(entry, context: context) }
            candidate.conventionalName = MasterListSurvey.isConventionalName(entry.list.file)
            return candidate
        }
    }

    /// Whether at least half the listed tasks have a file of their own beside the list.
    static func hasFlatFiles(_ entry: MasterListSurvey.Entry, tree: RepositoryTree) -> Bool {
        guard entry.pattern != nil, !entry.list.entries.isEmpty else { return false }
        return taskFiles(entry, tree: tree).count * 2 >= entry.list.entries.count
    }

    /// Task id → the Markdown files beside the list whose names start with it.
    static func taskFiles(_ entry: MasterListSurvey.Entry, tree: RepositoryTree) -> [String: [String]] {
        guard let pattern = entry.pattern else { return [:] }
        let folder = MasterListLayout.parentFolder(of: entry.list.file)
        let listed = Set(entry.list.entries.map(\.id))
        var result: [String: [String]] = [:]
        for item in (try? tree.entries(of: folder)) ?? [] where item.kind == .file && item.name.lowercased().hasSuffix(".md") {
            let stem = String(item.name.dropLast(3))
            guard let name = pattern.folderName(stem), listed.contains(name.id) else { continue }
            result[name.id, default: []].append(item.path)
        }
        return result
    }

    static func reading(_ entry: MasterListSurvey.Entry, context: LayoutContext) -> LayoutReading {
        var list = MasterListLayout.oneScopeIfPhaseless(entry.list)
        let pattern = entry.pattern ?? context.ids
        let folder = MasterListLayout.parentFolder(of: list.file)
        var documents: [String: [Document]] = [:]
        var texts: [String: String] = [:]
        var findings = list.findings
        for (id, paths) in taskFiles(entry, tree: context.tree) {
            for path in paths.sorted() {
                switch TextFileReader.read(absolutePath: context.tree.absolute(path), path: path) {
                case let .success(file):
                    documents[id, default: []].append(
                        Document(path: path, lines: file.lines, nonBlankLines: file.nonBlankLines, bytes: file.bytes))
                    texts[path] = file.text
                case let .failure(problem):
                    findings.append(ScanFindings.unreadable(path, problem: problem, task: id))
                }
            }
        }
        let states = StateFile.read(folder: folder, tree: context.tree, ids: pattern)
        for index in list.entries.indices {
            if let done = states[list.entries[index].id] { list.entries[index].checked = done }
        }
        return LayoutReading(
            tasksRoot: folder, masterList: list, documents: documents, texts: texts, ids: pattern, findings: findings)
    }
}

/// A plain-text state file beside an index: lines `ID|status|…` (or tab- or comma-separated),
/// `#` comments.
enum StateFile {
    static func read(folder: String, tree: RepositoryTree, ids: TaskIDPattern) -> [String: Bool] {
        var states: [String: Bool] = [:]
        for item in (try? tree.entries(of: folder)) ?? [] where item.kind == .file {
            let lower = item.name.lowercased()
            guard lower.hasSuffix(".conf") || lower.hasSuffix(".tsv") || lower.hasSuffix(".csv") || lower.hasSuffix(".txt"),
                case let .success(file) = TextFileReader.read(absolutePath: tree.absolute(item.path), path: item.path)
            else { continue }
            for line in file.text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                let fields = line.split(whereSeparator: { $0 == "|" || $0 == "\t" || $0 == "," }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard fields.count >= 2, let id = ids.canonical(fields[0]), let done = TaskStatusWord.done(fields[1]) else {
                    continue
                }
                states[id] = done
            }
        }
        return states
    }
}
