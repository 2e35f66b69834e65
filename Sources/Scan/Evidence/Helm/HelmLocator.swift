import Foundation
import PhaseModel

/// Finds the `helm` executable and the charts of a repository.
public enum HelmLocator {
    /// The first executable regular file named `helm` in the folders of `environment`
    /// (a `PATH` value, `:`-separated). Empty and relative entries are skipped, so a
    /// `helm` in the current folder is never picked up by accident. Nil when none.
    public static func executable(path environment: String?) -> URL? {
        ExecutableLocator.executable(named: "helm", path: environment)
    }

    /// The folders holding a `Chart.yaml`, given every repository-relative file path
    /// (`/`-separated; a leading `./` is ignored). A chart at the root is `.`.
    /// Charts inside another chart's `charts/` folder are subcharts, linted and rendered
    /// with their parent, and are left out (at any depth). Sorted, without duplicates.
    public static func chartDirectories(in paths: [String]) -> [String] {
        var folders = Set<String>()
        for path in paths {
            let path = RepositoryPath.trimmingCurrentFolder(path)
            if path == "Chart.yaml" {
                folders.insert(".")
            } else if path.hasSuffix("/Chart.yaml") {
                let folder = path.dropLast("/Chart.yaml".count)
                if !folder.isEmpty { folders.insert(String(folder)) }
            }
        }
        return folders.filter { folder in
            // `a/charts/b` is a subchart when `a` is a chart (`.` for `charts/b` at the root).
            let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() where part == "charts" && i + 1 < parts.count {
                let parent = i == 0 ? "." : parts[..<i].joined(separator: "/")
                if folders.contains(parent) { return false }
            }
            return true
        }.sorted()
    }
}
