/// Repository-relative paths grouped by their last component, so that finding the files a
/// written name or trailing path could mean reads only the files of that name, not every file
/// of the work tree (a repository of 20,000 files and 50,000 claims made the linear search the
/// larger part of a scan).
struct PathNameIndex: Sendable {
    private var byName: [Substring: [String]] = [:]

    /// The index of `paths`; each path is kept once, in the order given.
    init<S: Sequence>(_ paths: S) where S.Element == String {
        var seen = Set<String>()
        for path in paths where seen.insert(path).inserted {
            byName[Self.lastComponent(of: path), default: []].append(path)
        }
    }

    /// The paths equal to `suffix` or ending with `/` + `suffix` (`suffix` has no leading `/`).
    func paths(endingWith suffix: String) -> [String] {
        guard let candidates = byName[Self.lastComponent(of: suffix)] else { return [] }
        let tail = "/" + suffix
        return candidates.filter { $0 == suffix || $0.hasSuffix(tail) }
    }

    private static func lastComponent(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }
}
