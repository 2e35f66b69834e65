import Foundation
import TextSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only access to the files of one repository by repository-relative path.
///
/// Symbolic links are followed only while they resolve inside the repository, and each real
/// folder is entered once, so a link loop or a link out of the repository is reported, never
/// followed.
public struct RepositoryTree: Sendable {
    /// Absolute path of the repository root, with symbolic links resolved.
    public let root: String
    /// Where every path looked at through this tree is noted; `nil` notes nothing.
    public let log: PathLog?

    public init(root: String, log: PathLog? = nil) {
        self.root = Self.realPath(root) ?? root
        self.log = log
    }

    /// What a directory entry turned out to be.
    public enum EntryKind: Sendable, Equatable {
        case file, directory
        /// A link that does not resolve, resolves in a loop, or leads outside the repository.
        case badLink(LinkProblem)
        case other
    }

    /// Why a linked entry was not followed.
    public enum LinkProblem: Sendable, Equatable {
        case loop, dangling, escapesRepository, alreadyRead
    }

    public struct Entry: Sendable, Equatable {
        public var name: String
        /// Repository-relative path of the entry (as linked, not as resolved).
        public var path: String
        public var kind: EntryKind
        /// Resolved absolute path; the identity of the folder or file.
        public var realPath: String?
    }

    /// The absolute path of a repository-relative path.
    /// Every look at the work tree goes through here, so the path is noted in `log`.
    public func absolute(_ path: String) -> String {
        log?.note(path)
        return path.isEmpty || path == "." ? root : root + "/" + path
    }

    /// Whether a repository-relative path names an existing folder.
    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether a repository-relative path names an existing regular file.
    public func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The entries of a folder, sorted by name (byte order, so the result is the same everywhere).
    public func entries(of path: String) throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: absolute(path))
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { name in
            let relative = path.isEmpty || path == "." ? name : path + "/" + name
            return entry(name: name, path: relative)
        }
    }

    private func entry(name: String, path: String) -> Entry {
        let full = absolute(path)
        var info = stat()
        guard lstat(full, &info) == 0 else { return Entry(name: name, path: path, kind: .other, realPath: nil) }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        guard isLink else {
            return Entry(name: name, path: path, kind: kind(of: info.st_mode), realPath: full)
        }
        guard let resolved = Self.realPath(full) else {
            return Entry(name: name, path: path, kind: .badLink(errno == ELOOP ? .loop : .dangling), realPath: nil)
        }
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            return Entry(name: name, path: path, kind: .badLink(.escapesRepository), realPath: nil)
        }
        var target = stat()
        guard stat(resolved, &target) == 0 else {
            return Entry(name: name, path: path, kind: .badLink(.dangling), realPath: nil)
        }
        return Entry(name: name, path: path, kind: kind(of: target.st_mode), realPath: resolved)
    }

    private func kind(of mode: mode_t) -> EntryKind {
        switch mode & S_IFMT {
        case S_IFDIR: .directory
        case S_IFREG: .file
        default: .other
        }
    }

    /// Every regular file below `path`, depth first in name order, entering each real folder once.
    ///
    /// `skipped` receives entries that were not followed: bad links and folders already visited
    /// (a link loop that `realpath` alone cannot see, such as a link to an ancestor). Folders for which
    /// `descend` says no are left out quietly. `unreadable` receives folders that could not be listed
    /// and entries that are neither files nor folders (FIFOs, sockets, devices): what they hold was not
    /// read, and a caller that must not pass over lost input says so.
    public func files(
        under path: String, descend: (Entry) -> Bool = { _ in true }, unreadable: (Entry) -> Void = { _ in },
        skipped: (Entry, LinkProblem) -> Void
    ) -> [Entry] {
        var visited = Set<String>()
        var result: [Entry] = []
        let start = Self.realPath(absolute(path)) ?? absolute(path)
        visit(path, realPath: start, entry: Entry(name: path, path: path, kind: .directory, realPath: start))
        return result

        func visit(_ folder: String, realPath: String, entry: Entry) {
            guard visited.insert(realPath).inserted else { return }
            guard let children = try? entries(of: folder) else {
                // A folder that is not there at all is nothing lost; one that cannot be listed is.
                if FileManager.default.fileExists(atPath: absolute(folder)) { unreadable(entry) }
                return
            }
            for child in children {
                switch child.kind {
                case .file:
                    result.append(child)
                case .directory:
                    guard descend(child) else { continue }
                    let real = child.realPath ?? absolute(child.path)
                    if real == realPath || realPath.hasPrefix(real + "/") {
                        skipped(child, .loop)
                    } else if visited.contains(real) {
                        skipped(child, .alreadyRead)
                    } else {
                        visit(child.path, realPath: real, entry: child)
                    }
                case let .badLink(reason):
                    skipped(child, reason)
                case .other:
                    unreadable(child)
                }
            }
        }
    }

    /// The resolved absolute path of a repository-relative path, if it exists.
    ///
    /// The components below the (already resolved) root are looked at with `lstat`; only a path
    /// with a link or a `.`/`..` on the way goes to `realpath`, which reads every component from `/`
    /// up: resolving the files 30,000 claims name cost a quarter of a million `readlink` calls,
    /// a fifth of a warm `phase-close` (Benchmarks/RESULTS-scale.md, tenth round).
    public func realPath(of path: String) -> String? {
        log?.note(path)
        var current = root
        var info = stat()
        for component in path.split(separator: "/") {
            guard component != ".", component != ".." else { return Self.realPath(absolute(path)) }
            current += "/" + component
            guard lstat(current, &info) == 0 else { return nil }
            guard info.st_mode & S_IFMT != S_IFLNK else { return Self.realPath(absolute(path)) }
        }
        // As for `realpath`, a path written with a `/` at its end names a folder.
        if path.hasSuffix("/"), current != root, info.st_mode & S_IFMT != S_IFDIR { return nil }
        return current
    }

    static func realPath(_ path: String) -> String? { WriteBoundary.realPath(path) }
}
