import PhaseModel
import Scan
import TaskNaming

/// `check-names`' reading of a repository: its plan (master list and folders, no history,
/// evidence or claims), and the names of its task folders checked.
public struct FolderNames: Sendable {
    public var workspace: Workspace
    /// The repository's tree, where `--fix` renames folders.
    public var tree: RepositoryTree
    /// The layout the plan was read in (`master-list`, `spec-kit`, `kiro`, …).
    public var layout: String
    /// The violations; `nil` when the layout has no task folders to check (flat task files, a
    /// list whose tasks have no folders, or no plan at all).
    public var report: NameReport?

    /// Reads the plan of `repository` and checks its task folder names.
    public static func check(repository: String, configuration: Configuration, configurationFile: String?) throws -> FolderNames {
        let scanner = WorkspaceScanner(repository: repository, configuration: configuration, configurationFile: configurationFile)
        let (workspace, choice) = try scanner.scanPlan()
        let kind = choice.chosen.layout
        var names = FolderNames(workspace: workspace, tree: scanner.tree, layout: kind, report: nil)
        let usesFolders = choice.how != "by content" || workspace.tasks.contains { !$0.directories.isEmpty }
        if kind == "master-list", usesFolders {
            names.report = try NameCheck(configuration: configuration).check(workspace, tree: scanner.tree)
        } else if kind == "spec-kit" || kind == "kiro" {
            names.report = FeatureNameCheck.check(workspace, layout: kind, configuration: configuration)
        }
        return names
    }
}
