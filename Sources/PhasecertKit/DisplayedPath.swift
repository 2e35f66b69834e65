/// How output names a file: relative to the repository when it lies inside it.
public enum DisplayedPath {
    /// `path` (absolute) relative to `repository` when inside it, else `outside` (by default the
    /// absolute path itself).
    public static func of(_ path: String, repository: String, outside: String? = nil) -> String {
        path.hasPrefix(repository + "/") ? String(path.dropFirst(repository.count + 1)) : (outside ?? path)
    }
}
