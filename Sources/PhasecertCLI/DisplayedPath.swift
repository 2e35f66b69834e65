import Foundation

extension Console {
    /// `path` made absolute and standardized: a relative path starts at the current folder.
    func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}

/// How output names a file: relative to the repository when it lies inside it.
enum DisplayedPath {
    /// `path` (absolute) relative to `repository` when inside it, else `outside` (by default the
    /// absolute path itself).
    static func of(_ path: String, repository: String, outside: String? = nil) -> String {
        path.hasPrefix(repository + "/") ? String(path.dropFirst(repository.count + 1)) : (outside ?? path)
    }
}
