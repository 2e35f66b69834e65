/// Finds the repository file or folder a path written in a report means, without ever leaving
/// the repository.
///
/// A written path is tried relative to the document's folder, then to the repository root, then
/// matched by its name (or its trailing folders and name) against the files of the tasks the
/// claim speaks of: what their folders hold and what their commits touched (for a claim of no
/// task or phase, every file of the work tree). Only a unique match counts; several are
/// `ambiguous`, which is no evidence either way. An absolute path, `~`, or `..` that climbs out of the repository resolves to nothing.
struct ClaimPathResolver {
    enum Resolution: Equatable {
        /// The repository-relative path of an existing file or folder.
        case found(String)
        /// A relative path inside the repository that names nothing there.
        case missing
        /// Not a path inside the repository: absolute, `~`, or escaping with `..`.
        case outside
        /// A bare name that several of the candidate files have: something exists, but which is unknown.
        case ambiguous
    }

    let tree: RepositoryTree

    /// Where `written` (as a document at `document` wrote it) leads. `folders` says whether a
    /// folder counts as found, or only a regular file; `candidates` gives the repository-relative
    /// paths of the files the claim's tasks hold or touched, and is called only when needed.
    func resolve(
        _ written: String, from document: String?, folders: Bool, candidates: () -> [String]
    ) -> Resolution {
        var path = written
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\") else { return .outside }
        let folder = document.map(Self.folder(of:)) ?? ""
        let tries = [Self.normalize(path, under: folder), Self.normalize(path, under: "")].compactMap { $0 }
        guard !tries.isEmpty else { return .outside }
        for candidate in tries {
            if exists(candidate, folders: folders) { return .found(candidate) }
            // Through a link that leads out of the repository: there is something, but not here.
            if let real = tree.realPath(of: candidate), !isInside(real) { return .outside }
        }
        // A `..` path that stayed inside is taken at its word; only a plain relative path is
        // looked up by name, since `../x.md` names one place, not any `x.md`.
        guard !path.split(separator: "/").contains("..") else { return .missing }
        let suffix = "/" + (Self.normalize(path, under: "") ?? path)
        let matches = Set(candidates().filter { $0 == suffix.dropFirst() || $0.hasSuffix(suffix) })
        if matches.count == 1, let only = matches.first, exists(only, folders: false) { return .found(only) }
        return matches.count > 1 ? .ambiguous : .missing
    }

    /// Whether a repository-relative path exists and, links resolved, stays inside the repository.
    func exists(_ path: String, folders: Bool) -> Bool {
        guard !path.isEmpty, let real = tree.realPath(of: path), isInside(real) else { return false }
        return tree.isFile(path) || (folders && tree.isDirectory(path))
    }

    private func isInside(_ realPath: String) -> Bool {
        realPath.hasPrefix(tree.root + "/")
    }

    /// `tasks/TN-099-x` for `tasks/TN-099-x/REPORT.md`; empty for a file at the root.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `path` joined to `folder` with `.` and `..` worked out; `nil` when `..` climbs above the root.
    static func normalize(_ path: String, under folder: String) -> String? {
        var parts: [Substring] = folder.split(separator: "/")
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? nil : joined
    }
}
