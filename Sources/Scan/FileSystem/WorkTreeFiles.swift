import Foundation

/// Every file of the work tree that evidence, test inventory and chart lookup may read: one walk shared
/// by all of them.
///
/// Left out: `.git`, `.build` and `.build-*` (SwiftPM build folders), `node_modules` and the reports
/// folder, since they hold copies, dependencies or phasecert's own output. A `evidence.include` glob
/// whose folder part lies inside one of them (`.build/test-results/*.xml`) brings that folder back.
public struct WorkTreeFiles: Sendable {
    /// Repository-relative paths of regular files, depth first in name order.
    public let paths: [String]
    /// Links that were not followed (loops, links out of the repository).
    public let skippedLinks: [(path: String, problem: RepositoryTree.LinkProblem)]
    /// Folders that could not be listed and entries that are not regular files (FIFOs, sockets):
    /// whatever they hold was not read.
    public let unreadable: [RepositoryTree.Entry]

    public init(tree: RepositoryTree, reportsFolder: String, include: [Glob] = []) {
        let excluded = Self.excludedFolders(reportsFolder: reportsFolder)
        var skipped: [(String, RepositoryTree.LinkProblem)] = []
        var unreadable: [RepositoryTree.Entry] = []
        var paths = tree.files(
            under: "", descend: { !Self.isExcluded($0.path, excluded) }, unreadable: { unreadable.append($0) }
        ) { entry, problem in
            skipped.append((entry.path, problem))
        }.map(\.path)
        var seen = Set(paths)
        for prefix in Set(include.map(\.literalPrefix)) where !prefix.isEmpty && Self.isInsideExcluded(prefix, excluded) {
            guard tree.isDirectory(prefix) else { continue }
            for entry in tree.files(under: prefix, unreadable: { unreadable.append($0) }, skipped: { _, _ in }) where seen.insert(entry.path).inserted {
                paths.append(entry.path)
            }
        }
        self.paths = paths
        self.skippedLinks = skipped
        self.unreadable = unreadable
    }

    static func excludedFolders(reportsFolder: String) -> Set<String> {
        var names: Set<String> = [".git", ".build", "node_modules"]
        let reports = reportsFolder.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !reports.isEmpty { names.insert(reports) }
        return names
    }

    private static func isExcluded(_ path: String, _ excluded: Set<String>) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return excluded.contains(path) || name == ".git" || name == ".build" || name.hasPrefix(".build-")
            || name == "node_modules"
    }

    private static func isInsideExcluded(_ path: String, _ excluded: Set<String>) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            if isExcluded(prefix, excluded) { return true }
        }
        return false
    }
}
