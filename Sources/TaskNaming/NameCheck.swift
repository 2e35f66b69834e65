import Foundation
import PhaseModel
import Scan
import Score

/// Checks every folder under the tasks root against the canonical name `<ID>-<slug>`.
///
/// Reports, each as a `NameViolation` carrying its finding: task folders not named canonically
/// (`naming.noncanonical`, with the canonical name and whether `--fix` may rename the folder),
/// ids with more than one folder (`naming.duplicate-id`), folders that hold no task
/// (`naming.no-id`) and listed tasks without a folder (`naming.missing-directory`). The findings
/// are the ones the scoring rules raise, with the `rules:` overrides of the configuration applied.
public struct NameCheck: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The violations of a scanned workspace whose files are in `tree`, in report order: by kind
    /// (noncanonical, duplicate, no id, no folder), then by path or id.
    public func check(_ workspace: Workspace, tree: RepositoryTree) throws -> NameReport {
        let tasksConfiguration = configuration.tasks
        let ids = try TaskIDPattern(prefix: tasksConfiguration.idPrefix, width: tasksConfiguration.idWidth)
        let root = workspace.sources.tasksRoot
        var violations: [NameViolation] = []
        for task in workspace.tasks {
            for folder in task.directories {
                guard let name = NamingRules.examine(folder, of: task, ids: ids, configuration: tasksConfiguration),
                    !name.isCanonical
                else { continue }
                violations.append(noncanonical(folder, name: name, task: task, tree: tree))
            }
            if task.directories.count > 1 {
                violations.append(duplicate(task, ids: ids))
            }
            if task.source != nil, task.directories.isEmpty {
                violations.append(NameViolation(
                    kind: .missingDirectory,
                    finding: NamingRules.missing(task: task, tasksRoot: root, requiredDocuments: tasksConfiguration.requiredDocuments),
                    path: nil, folders: [], id: task.id, suggested: NamingRules.suggestedFolder(for: task, tasksRoot: root),
                    problems: [
                        NameProblem(kind: .noFolder, text: LocalizedText(message: "names.problem.no-folder", ["root": .text(root)]).en)
                    ]))
            }
        }
        let taskFolders = Set(workspace.tasks.flatMap(\.directories))
        for folder in FoldersWithoutID.find(tree: tree, root: root, taskFolders: taskFolders) {
            violations.append(NameViolation(
                kind: .noID, finding: FoldersWithoutID.finding(folder: folder, root: root), path: folder, folders: [folder],
                id: nil, suggested: nil, problems: [NameProblem(kind: .noID, text: LocalizedText(message: "names.problem.no-id").en)]))
        }
        let kinds = NameViolation.Kind.allCases
        let ordered = violations.compactMap { violation -> NameViolation? in
            guard let finding = RuleSettings.apply(configuration.rules, to: [violation.finding]).first else { return nil }
            var adjusted = violation
            adjusted.finding = finding
            return adjusted
        }.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return (kinds.firstIndex(of: lhs.kind) ?? 0) < (kinds.firstIndex(of: rhs.kind) ?? 0) }
            let left = lhs.path ?? lhs.id ?? ""
            let right = rhs.path ?? rhs.id ?? ""
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        return NameReport(tasksRoot: root, violations: ordered)
    }

    private func noncanonical(_ folder: String, name: FolderName, task: TaskRecord, tree: RepositoryTree) -> NameViolation {
        let suggested = Self.canonicalPath(of: folder, name: name)
        var violation = NameViolation(
            kind: .noncanonical, finding: NamingRules.noncanonical(task: task, folder: folder, name: name), path: folder,
            folders: [folder], id: name.canonicalID, suggested: suggested,
            problems: name.problems.map { NameProblem(kind: Self.kind(of: $0), text: $0.reason.en) })
        if task.directories.count > 1 {
            violation.notRenamedBecause = LocalizedText(
                message: "names.not-renamed.duplicate.folders", ["task": .text(task.id), "count": .count(task.directories.count)]).en
        } else if !name.canonicalNameFollowsFromName {
            violation.notRenamedBecause = Self.needsAPerson(name)
        } else if let suggested {
            violation.notRenamedBecause = Self.obstacle(renaming: folder, to: suggested, tree: tree)
            if violation.notRenamedBecause == nil { violation.rename = FolderRename(from: folder, to: suggested) }
        }
        return violation
    }

    private func duplicate(_ task: TaskRecord, ids: TaskIDPattern) -> NameViolation {
        // Keep the canonical folder if there is one; else suggest the canonical name of the first.
        let names = task.directories.map { ($0, NamingRules.examine($0, of: task, ids: ids, configuration: configuration.tasks)) }
        let canonical = names.first { $0.1?.isCanonical == true }?.0
        let counted: [String: MessageArgument] = ["task": .text(task.id), "count": .count(task.directories.count)]
        let keep = canonical ?? names.first.flatMap { folder, name in name.flatMap { Self.canonicalPath(of: folder, name: $0) } }
        return NameViolation(
            kind: .duplicateID, finding: NamingRules.duplicate(task: task), path: task.directories.first,
            folders: task.directories, id: task.id, suggested: keep,
            problems: [NameProblem(kind: .duplicateID, text: LocalizedText(message: "names.problem.folders", counted).en)],
            notRenamedBecause: LocalizedText(message: "names.not-renamed.duplicate").en)
    }

    /// The canonical path of `folder`, whose name is `name`; `nil` when nothing suggests a slug.
    private static func canonicalPath(of folder: String, name: FolderName) -> String? {
        guard name.suggestedSlug != nil else { return nil }
        return String(folder.dropLast(name.name.count)) + name.canonicalName(placeholder: "")
    }

    private static func kind(of problem: FolderName.Problem) -> NameProblem.Kind {
        switch problem {
        case .idSpelling: .idSpelling
        case .noSlug: .noSlug
        case .slugNotKebab: .slugNotKebab
        case .statusSuffix: .statusSuffix
        }
    }

    /// Why the canonical name needs a person's choice.
    private static func needsAPerson(_ name: FolderName) -> String {
        for problem in name.problems {
            if case let .statusSuffix(suffix) = problem {
                return LocalizedText(message: "names.not-renamed.status-suffix", ["suffix": .text(suffix)]).en
            }
        }
        if name.problems.contains(.noSlug) { return LocalizedText(message: "names.not-renamed.no-slug").en }
        return LocalizedText(message: "names.not-renamed.no-slug-letters").en
    }

    /// Why `folder` cannot become `target` as it stands: a link, or a target that exists.
    static func obstacle(renaming folder: String, to target: String, tree: RepositoryTree) -> String? {
        var source = stat()
        guard lstat(tree.absolute(folder), &source) == 0 else { return LocalizedText(message: "names.not-renamed.unreadable").en }
        if source.st_mode & S_IFMT == S_IFLNK { return LocalizedText(message: "names.not-renamed.symbolic-link").en }
        var existing = stat()
        guard lstat(tree.absolute(target), &existing) == 0 else { return nil }
        // The same folder under a name that differs in case only (a case-insensitive file system).
        if existing.st_ino == source.st_ino, existing.st_dev == source.st_dev { return nil }
        return LocalizedText(message: "names.not-renamed.target-exists", ["target": .text(target)]).en
    }
}

/// What `check-names` found: the violations, in report order.
public struct NameReport: Sendable, Equatable {
    /// The tasks root, repository-relative.
    public var tasksRoot: String
    public var violations: [NameViolation]

    public init(tasksRoot: String, violations: [NameViolation]) {
        self.tasksRoot = tasksRoot
        self.violations = violations
    }

    /// Whether any violation is more severe than `info`: `check-names` then exits with 1.
    public var fails: Bool { violations.contains { $0.severity < .info } }

    /// How many violations there are of each severity.
    public var counts: [Severity: Int] {
        Dictionary(grouping: violations, by: \.severity).mapValues(\.count)
    }

    /// The renames `--fix` would do, in report order.
    public var renames: [FolderRename] { violations.compactMap(\.rename) }

    /// The report with the renames in `reasons` taken back: `--fix` refused them or they failed,
    /// for the reason given.
    public func notRenaming(_ reasons: [FolderRename: String]) -> NameReport {
        var report = self
        for index in report.violations.indices {
            guard let change = report.violations[index].rename, let reason = reasons[change] else { continue }
            report.violations[index].rename = nil
            report.violations[index].notRenamedBecause = reason
        }
        return report
    }

    /// The report after `renamed` were done: their violations are gone (the new names are canonical).
    public func removing(renamed: [FolderRename]) -> NameReport {
        let done = Set(renamed)
        return NameReport(
            tasksRoot: tasksRoot, violations: violations.filter { violation in violation.rename.map { !done.contains($0) } ?? true })
    }
}
