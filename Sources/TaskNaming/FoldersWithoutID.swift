import PhaseModel
import Scan

/// `naming.no-id`: folders under the tasks root that are neither a task folder nor a grouping
/// folder holding task folders (files are not looked at).
public enum FoldersWithoutID {
    /// The rule id.
    public static let rule: FindingRuleID = .namingNoID

    /// Its severity when the rules catalog does not list it.
    static let defaultSeverity = Severity.minor

    /// Folders under `root` (repository-relative) that hold no task, sorted by path. A folder that is
    /// in `taskFolders`, or holds one at any depth, is not one of them; hidden folders (`.name`)
    /// and links that do not resolve inside the repository are not looked at, as the task scan
    /// does not look at them either.
    public static func find(tree: RepositoryTree, root: String, taskFolders: Set<String>) -> [String] {
        var groups = Set<String>()
        for folder in taskFolders {
            var path = Substring(folder)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard path.count > root.count else { break }
                groups.insert(String(path))
            }
        }
        var result: [String] = []
        func walk(_ path: String) {
            guard let entries = try? tree.entries(of: path) else { return }
            for entry in entries where entry.kind == .directory && !entry.name.hasPrefix(".") {
                if taskFolders.contains(entry.path) { continue }
                if groups.contains(entry.path) {
                    walk(entry.path)
                } else {
                    result.append(entry.path)
                }
            }
        }
        walk(root)
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The finding for `folder`, under the tasks root `root`.
    public static func finding(folder: String, root: String) -> Finding {
        Finding(
            rule: rule, severity: FindingRule.named(rule)?.severity ?? defaultSeverity, at: .file(folder, line: nil),
            message: LocalizedText(message: "names.no-id.message", ["folder": .text(folder), "root": .text(root)]),
            remediation: LocalizedText(message: "names.no-id.remediation", ["root": .text(root)]))
    }
}
