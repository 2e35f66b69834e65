import Foundation
import PhaseModel

/// The layouts phasecert reads, in the order ties are broken, and how one is chosen.
public enum Layouts {
    /// Every layout; adding one is adding its file and a line here.
    static let all: [any Layout] = [
        MasterListLayout(), FlatTaskFilesLayout(), SpecKitLayout(), KiroLayout(), ReportsOnlyLayout(),
    ]

    /// The names `tasks.layout` accepts besides `auto`.
    public static var names: [String] { all.map(\.name) }

    /// Chooses the layout: the configured one (`tasks.layout`, `tasks.masterList`), else the
    /// conventional `tasks/TASKS.md`, else the candidate holding the most planned work, else the
    /// classic task folders under `tasks.root`, else the repository as one scope.
    static func resolve(_ context: LayoutContext) throws -> (choice: LayoutChoice, reading: LayoutReading) {
        let tasks = context.configuration.tasks
        if let configured = tasks.masterList.map(normalized) {
            let (layout, reading) = try configuredReading(context: context, masterList: configured)
            return (LayoutChoice(
                chosen: .init(layout: layout, files: [configured], reason: LocalizedText(message: "cli.layout.reason.configured").en),
                how: "configured", runnersUp: []), reading)
        }
        let root = normalized(tasks.root)
        let conventional = (root.isEmpty ? "" : root + "/") + "TASKS.md"
        if tasks.layout == "auto" || tasks.layout == "master-list", context.tree.isFile(conventional) {
            let reading = try ClassicMasterList.reading(context: context, masterList: conventional)
            return (LayoutChoice(
                chosen: .init(layout: "master-list", files: [conventional], reason: LocalizedText(message: "cli.layout.reason.conventional", ["file": .text(conventional)]).en),
                how: "conventional", runnersUp: []), reading)
        }
        var context = context
        context.listFiles()
        context.survey = MasterListSurvey(context: context)
        let layouts = all.filter { tasks.layout == "auto" ? $0.name != "reports-only" : $0.name == tasks.layout }
        let candidates = layouts.flatMap { $0.candidates(in: context) }.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
        if let best = candidates.first {
            let runnersUp = candidates.dropFirst().filter { $0.score * 2 >= best.score }.prefix(3).map(option)
            return (LayoutChoice(
                chosen: option(best), how: tasks.layout == "auto" ? "by content" : "configured", runnersUp: Array(runnersUp)),
                best.read())
        }
        if tasks.layout == "auto", context.tree.isDirectory(root) {
            let reading = try ClassicMasterList.reading(context: context, masterList: nil)
            let files = reading.masterList.map { [$0.file] } ?? []
            return (LayoutChoice(
                chosen: .init(layout: "master-list", files: files, reason: LocalizedText(message: "cli.layout.reason.task-folders", ["root": .text(root)]).en),
                how: "conventional", runnersUp: []), reading)
        }
        let scope = ReportsOnlyLayout.reading(ids: context.ids)
        return (LayoutChoice(
            chosen: .init(layout: "reports-only", files: [], reason: ReportsOnlyLayout.reason),
            how: tasks.layout == "auto" ? "by content" : "configured", runnersUp: []), scope)
    }

    /// The configured master list: read with the configured id pattern as always; a list written in
    /// another id style (`T-012`, `0.1`) is read as a list found by content would be.
    private static func configuredReading(
        context: LayoutContext, masterList: String
    ) throws -> (layout: String, reading: LayoutReading) {
        let classic = try ClassicMasterList.reading(context: context, masterList: masterList)
        guard classic.masterList?.entries.isEmpty ?? true,
            let other = MasterListSurvey.read(masterList, tree: context.tree, configured: nil)
        else { return ("master-list", classic) }
        return FlatTaskFilesLayout.hasFlatFiles(other, tree: context.tree)
            ? ("flat-files", FlatTaskFilesLayout.reading(other, context: context))
            : ("master-list", MasterListLayout.reading(other, context: context))
    }

    private static func option(_ candidate: LayoutCandidate) -> LayoutChoice.Option {
        .init(layout: candidate.layout, files: candidate.files, reason: candidate.reason)
    }

    static func normalized(_ path: String) -> String {
        var result = RepositoryPath.trimmingCurrentFolder(path)
        while result.hasSuffix("/") && result.count > 1 { result.removeLast() }
        return result == "." ? "" : String(result)
    }
}

/// The master list as phasecert read it before layouts: the configured or conventional file (or
/// the best list directly in `tasks.root` that is not a report), the configured id pattern, and
/// task folders under `tasks.root`.
enum ClassicMasterList {
    static func reading(context: LayoutContext, masterList configured: String?) throws -> LayoutReading {
        let tree = context.tree
        let ids = context.ids
        let root = Layouts.normalized(context.configuration.tasks.root)
        let folderRoot = tree.isDirectory(root) ? root : MasterListLayout.parentFolder(of: configured ?? "")
        // The task folders are listed while the master list is read (a large plan's list takes
        // a second of one core), with no prefix known yet; listed again after only when a
        // folder was refused for a prefix the list turns out to use.
        let early = ResultSlots<(folders: [TaskFolder], findings: [Finding], refused: Set<String>)>(count: 1)
        let listing = DispatchGroup()
        let tasks = context.configuration.tasks
        OwnThread.start(in: listing) {
            early.set(0, TaskFolderScanner(tree: tree, ids: ids, configuration: tasks).scanNotingRefusals(root: folderRoot))
        }
        defer { listing.wait() }
        var findings: [Finding] = []
        var list: MasterList?
        if let configured {
            switch TextFileReader.read(absolutePath: tree.absolute(configured), path: configured) {
            case let .success(file):
                if file.hadInvalidUTF8 { findings.append(ScanFindings.invalidUTF8(configured)) }
                list = MasterListParser.parse(file.text, file: configured, ids: ids)
            case let .failure(problem):
                throw ScanError.masterListUnreadable(path: configured, reason: problem.reason)
            }
        } else {
            let entries = (try? tree.entries(of: root)) ?? []
            let candidates = entries.filter {
                $0.kind == .file && $0.name.lowercased().hasSuffix(".md") && !ReportShape.isReportName($0.path)
            }.map(\.path)
            for candidate in candidates {
                switch TextFileReader.read(absolutePath: tree.absolute(candidate), path: candidate) {
                case let .success(file):
                    let parsed = MasterListParser.parse(file.text, file: candidate, ids: ids)
                    if parsed.phasesWithTasks > (list?.phasesWithTasks ?? 0) {
                        if file.hadInvalidUTF8 { findings.append(ScanFindings.invalidUTF8(candidate)) }
                        list = parsed
                    }
                case let .failure(problem):
                    findings.append(ScanFindings.unreadable(candidate, problem: problem))
                }
            }
            if list == nil { findings.append(ScanFindings.noMasterList(tasksRoot: root)) }
        }
        let prefixes = Set((list?.entries ?? []).map { TaskFolderScanner.prefix(of: $0.id) })
        listing.wait()
        let scanned = early.values()[0]
        var (folders, folderFindings) = (scanned.folders, scanned.findings)
        if !scanned.refused.isDisjoint(with: prefixes) {
            (folders, folderFindings) = TaskFolderScanner(tree: tree, ids: ids, configuration: tasks, knownPrefixes: prefixes)
                .scan(root: folderRoot)
        }
        return LayoutReading(
            tasksRoot: folderRoot, masterList: list, folders: folders,
            texts: folders.reduce(into: [:]) { texts, folder in texts.merge(folder.texts) { first, _ in first } },
            ids: ids, readsPhaseCommits: false, findings: findings + folderFindings + (list?.findings ?? []))
    }
}

extension TextFileProblem {
    /// The problem in words, for an error message (in English, as errors are shown).
    var reason: String {
        switch self {
        case .binary: LocalizedText(message: "problem.text-file.binary").en
        case let .tooLarge(bytes, limit):
            LocalizedText(message: "problem.text-file.too-large", ["bytes": .count(bytes), "limit": .count(limit)]).en
        case let .unreadable(reason): reason
        }
    }
}

extension Configuration.Tasks {
    /// The values `tasks.layout` accepts: `auto` and every layout's name. Kept beside the
    /// layouts, since the model that holds the setting does not know which layouts exist.
    public static var layoutNames: [String] { ["auto"] + Layouts.names }
}
