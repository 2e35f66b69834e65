import Foundation
import PhaseModel
import TextSupport

/// Every Markdown file of the work tree that reads as a master list: phase headings over items or
/// index rows that start with task ids. Both the master-list and the flat-files layouts choose
/// from it, so each file is parsed once.
struct MasterListSurvey: Sendable {
    struct Entry: Sendable {
        var list: MasterList
        var syntax: any TaskIDSyntax
        /// The id pattern of a prefixed syntax, for task folders, flat files and documents.
        var pattern: TaskIDPattern?
        /// How many tasks stand under a phase heading.
        var placed: Int
    }

    var lists: [Entry]

    /// Headings that name a phase, and items or rows whose first word holds a digit: a cheap
    /// test before a file is parsed.
    private static let phaseLine = try? NSRegularExpression(
        pattern: #"^#{1,6}.*(?:phase|фаза|этап)\s*\d"#, options: [.caseInsensitive, .anchorsMatchLines])

    init(context: LayoutContext) {
        let configured = context.configuration.tasks.idPrefix != Configuration.Tasks().idPrefix
            || context.configuration.tasks.idWidth != Configuration.Tasks().idWidth ? context.ids : nil
        let candidates = context.markdownFiles.filter { !ReportShape.isReportName($0) && !Self.isFeaturePlan($0) }
        let slots = ResultSlots<Entry?>(count: candidates.count)
        DispatchQueue.concurrentPerform(iterations: candidates.count) { index in
            slots.set(index, Self.read(candidates[index], tree: context.tree, configured: configured))
        }
        lists = slots.values().compactMap { $0 }
    }

    /// The files Spec Kit and Kiro read (`specs/015-x/tasks.md`, `.kiro/specs/x/tasks.md`): a
    /// feature's checklist is one feature's plan, never the repository's master list.
    static func isFeaturePlan(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count >= 3 && parts[parts.count - 3] == "specs"
    }

    static func read(_ path: String, tree: RepositoryTree, configured: TaskIDPattern?) -> Entry? {
        guard case let .success(file) = TextFileReader.read(absolutePath: tree.absolute(path), path: path) else { return nil }
        let text = file.text
        let hasPhases = phaseLine?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        let document = MarkdownParser.parse(FrontMatter.split(text).body)
        guard let syntax = IDSyntaxGuess.guess(leadingTexts: IDSyntaxGuess.leadingTexts(of: document), configured: configured)
        else { return nil }
        // A file named by a task's id (`2025-12-31_F008_registry.md`) is that task's document.
        if let pattern = syntax as? TaskIDPattern, !pattern.ids(in: path.split(separator: "/").last.map(String.init) ?? path).isEmpty {
            return nil
        }
        let list = MasterListParser.parse(text, file: path, ids: syntax)
        let placed = list.entries.count { $0.phase != nil }
        // A list with phases needs two tasks in them; a registry without phases, three tasks.
        guard (hasPhases && list.phasesWithTasks >= 1 && placed >= 2) || (list.phases.isEmpty && list.entries.count >= 3)
        else { return nil }
        return Entry(list: list, syntax: syntax, pattern: syntax as? TaskIDPattern, placed: placed)
    }

    /// Names teams give the list of their work: `TASKS.md`, `ROADMAP.md`, `INDEX.md`, `FEATURES.md`.
    static func isConventionalName(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return ["tasks", "roadmap", "index", "features", "backlog", "milestones", "plan", "todo", "registry"].contains {
            stem == $0 || stem.hasPrefix($0 + "-") || stem.hasPrefix($0 + "_") || stem.hasSuffix("-" + $0) || stem.hasSuffix("_" + $0)
        }
    }

    /// The reason a list qualifies, for `scan`'s layout line.
    static func reason(_ entry: Entry) -> String {
        guard !entry.list.phases.isEmpty else {
            let tasks = LocalizedText(message: "cli.layout.count.task", ["count": .count(entry.list.entries.count)])
            return LocalizedText(message: "cli.layout.reason.list", ["tasks": .localized(tasks)]).en
        }
        let phases = LocalizedText(message: "cli.layout.count.phase", ["count": .count(entry.list.phasesWithTasks)])
        let tasks = LocalizedText(message: "cli.layout.count.task", ["count": .count(entry.placed)])
        return LocalizedText(message: "cli.layout.reason.phased-list", ["phases": .localized(phases), "tasks": .localized(tasks)]).en
    }
}
