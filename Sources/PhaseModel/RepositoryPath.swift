/// Paths as the repository names them: relative to its root, `/`-separated, without the `./`
/// people and tools write in front of them (`./src/a.swift` in a report, `./charts` in
/// `phasecert.yml`, `./results/*.xml` in a glob). Every reader compares paths in this form.
public enum RepositoryPath {
    /// `path` without the `./` segments it starts with: `./src/a.swift` and `././src/a.swift` are
    /// `src/a.swift`; `./` alone is empty. A `./` further in, and a lone `.`, are left as written,
    /// since what they mean depends on the caller (a folder, a pattern, the root).
    public static func trimmingCurrentFolder(_ path: some StringProtocol) -> Substring {
        var rest = Substring(path)
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        return rest
    }
}
