import PhaseModel

/// Finds the repository file or folder a path written in a report means, without ever leaving
/// the repository.
///
/// A written path is tried, in this order, as a path relative to:
///
/// 1. the document's folder (a report names its neighbours as `design.md`);
/// 2. the folders of the tasks the claim speaks of (a summary elsewhere names a task's file);
/// 3. for a claim of a task or phase, the files those tasks hold or their commits touched,
///    matched by name (or trailing folders and name): a task's `values.yaml` is the one the task
///    wrote, even when the repository root has another;
/// 4. the repository root;
/// 5. every file of the work tree, matched by name (`internal/controller/x.go` written in a
///    phase's notes for `operator/internal/controller/x.go`, `LoadGenHelpers.java` for the one
///    file of that name).
///
/// Only a unique match counts: several are `ambiguous`, which is no evidence either way (a
/// written path with folders that is itself one of the matches, from the root, is that one).
/// An absolute path, `~`, or `..` that climbs out of the repository resolves to nothing.
///
/// A path written with Windows separators (`src\app\x.ts`, as a tool run on Windows lists
/// files) is looked up with `/` in their place; since a `\` may also be an escape or no path at
/// all, such a path that leads nowhere is `outside` (no evidence), never `missing`. A drive
/// (`C:\`) or a UNC path (`\\server`) is outside.
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

    /// The repository's files, each path's status asked of the file system once.
    let files: WorkTreeReads

    var tree: RepositoryTree { files.tree }

    /// Where `written` (as a document at `document` wrote it) leads. `folders` says whether a
    /// folder counts as found, or only a regular file. `taskFolders` are the folders of the
    /// claim's tasks; `scoped` says whether the claim has a task or phase. `candidates` gives the
    /// repository-relative paths of the files the claim's tasks hold or touched (every file of
    /// the work tree for a claim of no task or phase), and is called only when needed.
    func resolve(
        _ written: String, from document: String?, folders: Bool, taskFolders: [String] = [], scoped: Bool = false,
        workTree: () -> PathSuffixIndex = { PathSuffixIndex([]) }, candidates: () -> PathSuffixIndex
    ) -> Resolution {
        if written.contains("\\") {
            guard let slashed = Self.withForwardSlashes(written) else { return .outside }
            let found = resolve(
                slashed, from: document, folders: folders, taskFolders: taskFolders, scoped: scoped, workTree: workTree,
                candidates: candidates)
            switch found {
            case .missing: return .outside
            case let .found(path) where path == Self.normalize(slashed, under: ""):
                // Such a list is written from wherever its tool ran, often a sub-project: a path the
                // root has and a sub-project has too may be either.
                if case .several? = workTree().match(path) { return .ambiguous }
                return found
            default: return found
            }
        }
        let path = String(RepositoryPath.trimmingCurrentFolder(written))
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else { return .outside }
        let folder = document.map(Self.folder(of:)) ?? ""
        let fromDocument = Self.normalize(path, under: folder)
        let fromRoot = Self.normalize(path, under: "")
        guard fromDocument != nil || fromRoot != nil else { return .outside }
        if let fromDocument {
            if exists(fromDocument, folders: folders) { return .found(fromDocument) }
            if isOutsideLink(fromDocument) { return .outside }
        }
        // A `..` path that stayed inside is taken at its word; only a plain relative path is
        // looked up in other folders or by name, since `../x.md` names one place, not any `x.md`.
        let plain = !path.split(separator: "/").contains("..")
        if plain {
            let inTasks = Set(taskFolders.compactMap { Self.normalize(path, under: $0) }.filter { exists($0, folders: folders) })
            if inTasks.count == 1, let only = inTasks.first { return .found(only) }
            if inTasks.count > 1 { return .ambiguous }
        }
        if plain, scoped {
            switch byName(path, among: candidates(), root: fromRoot) {
            case .missing: break
            case let other: return other
            }
        }
        if let fromRoot {
            if exists(fromRoot, folders: folders) { return .found(fromRoot) }
            // Through a link that leads out of the repository: there is something, but not here.
            if isOutsideLink(fromRoot) { return .outside }
        }
        guard plain else { return .missing }
        guard scoped else { return byName(path, among: candidates(), root: fromRoot) }
        return byName(path, among: workTree(), root: fromRoot)
    }

    /// A relative path written with `\` separators, with `/` in their place; `nil` for a drive
    /// (`C:\x`), a path from the root (`\x`, `\\server\share`), or one that mixes in `/`.
    static func withForwardSlashes(_ written: String) -> String? {
        guard !written.contains("/"), !written.hasPrefix("\\"), !written.contains(":"), !written.contains("\\\\") else {
            return nil
        }
        return written.replacingOccurrences(of: "\\", with: "/")
    }

    /// The one file of `candidates` whose path ends with `path`. Several are `ambiguous`, unless
    /// the written path has folders and names one of them from the root exactly.
    private func byName(_ path: String, among candidates: PathSuffixIndex, root: String?) -> Resolution {
        switch candidates.match(Self.normalize(path, under: "") ?? path) {
        case nil: return .missing
        case let .one(only): return exists(only, folders: false) ? .found(only) : .missing
        case .several:
            // `root` is the written path from the root, which every match ends with.
            if path.contains("/"), let root, candidates.contains(root), exists(root, folders: false) { return .found(root) }
            return .ambiguous
        }
    }

    /// Whether `path` is a link that leads out of the repository.
    private func isOutsideLink(_ path: String) -> Bool {
        guard let real = files.realPath(of: path) else { return false }
        return !isInside(real)
    }

    /// Whether a repository-relative path exists and, links resolved, stays inside the repository.
    func exists(_ path: String, folders: Bool) -> Bool {
        guard !path.isEmpty, let real = files.realPath(of: path), isInside(real) else { return false }
        return files.isFile(path) || (folders && files.isDirectory(path))
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
        // Most paths are plain (`src/app.ts` under `docs`): joined as they are, without splitting
        // both into components, which was a tenth of working facts out on 100,000 commits.
        if isPlain(path) && isPlain(folder) {
            return folder.isEmpty ? (path.isEmpty ? nil : path) : path.isEmpty ? folder : folder + "/" + path
        }
        return normalizedByComponents(path, under: folder)
    }

    /// `normalize` for any path: the folder's components, then the path's, `.` dropped and `..`
    /// taking one back.
    static func normalizedByComponents(_ path: String, under folder: String) -> String? {
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

    /// Whether `path` is empty or components joined by single slashes, none of them `.` or `..`:
    /// what `normalize` would leave as it is.
    private static func isPlain(_ path: String) -> Bool {
        var componentLength = 0
        var dotsOnly = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard componentLength > 0, !dotsOnly || componentLength > 2 else { return false }
                componentLength = 0
                dotsOnly = true
            } else {
                componentLength += 1
                dotsOnly = dotsOnly && byte == UInt8(ascii: ".")
            }
        }
        return path.isEmpty || (componentLength > 0 && (!dotsOnly || componentLength > 2))
    }
}
