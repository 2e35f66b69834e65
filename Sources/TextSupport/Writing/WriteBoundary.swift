import Foundation
import PhaseModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a writer may write into: the repository, or the folder named by `--out` when it
/// lies outside the repository.
///
/// The rule, the same for every file phasecert writes: a target must lie inside the root, and
/// no existing component below the root (folders on the way and the file itself) may be a
/// symbolic link that resolves outside the root or does not resolve at all. A link that
/// resolves inside the root is followed: it cannot send bytes anywhere the root does not
/// already reach. The root's own path is the user's choice and is not looked at, so `--out`
/// may name a linked folder.
///
/// The check guards against links committed to a repository (a `reports` link to a home
/// folder); it runs before each write, not atomically with it, so a process that swaps a
/// folder for a link in between is out of its reach.
public struct WriteBoundary: Sendable, Equatable, CustomStringConvertible {
    /// Absolute path of the root, `.` and `..` removed; its own links are not resolved.
    public let root: String
    /// How messages name the root, in English as errors are printed: "the repository", "the output
    /// folder" (`error.write.boundary.*` of the message catalogs).
    public let name: String

    public init(root: String, name: String) {
        self.root = Self.normalized(root)
        self.name = name
    }

    /// The boundary for writing under `folder`: the repository when `folder` lies in it,
    /// else `folder` itself (an `--out` folder elsewhere, chosen by the user).
    public static func enclosing(_ folder: String, repository: String) -> WriteBoundary {
        let folder = normalized(folder)
        let repository = normalized(repository)
        if folder == repository || folder.hasPrefix(repository == "/" ? "/" : repository + "/") {
            return WriteBoundary(root: repository, name: LocalizedText(message: "error.write.boundary.repository").en)
        }
        return WriteBoundary(root: folder, name: LocalizedText(message: "error.write.boundary.output-folder").en)
    }

    public var description: String { "\(name) (\(root))" }

    /// Checks that writing `path` stays inside the root, and returns it normalized.
    /// - Throws: `ContainedWriteError` naming the path, or the link on the way and where it points.
    @discardableResult
    public func check(_ path: String) throws(ContainedWriteError) -> String {
        let target = Self.normalized(path)
        let below: Substring
        if target == root {
            below = ""
        } else if root == "/" {
            below = target.dropFirst()
        } else if target.hasPrefix(root + "/") {
            below = target.dropFirst(root.count + 1)
        } else {
            throw .outsideBoundary(path: target, boundary: description)
        }
        // The root may not exist yet (a new --out folder); then nothing below it does either.
        let realRoot = Self.realPath(root) ?? root
        var current = root
        for component in below.split(separator: "/") {
            current = current == "/" ? "/" + component : current + "/" + component
            var info = stat()
            // Missing: this and everything below will be created as plain folders and files.
            guard lstat(current, &info) == 0 else { break }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { continue }
            let destination = Self.linkText(current) ?? "?"
            guard let resolved = Self.realPath(current) else {
                throw .brokenLink(path: current, destination: destination)
            }
            guard resolved == realRoot || resolved.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
                throw .linkLeavesBoundary(path: current, destination: resolved, boundary: description)
            }
        }
        return target
    }

    /// `path` made absolute against the current folder, with `.`, `..` and repeated `/` removed
    /// by the text alone. Writers write to this form, never to the path as given, so a `..`
    /// after a link cannot lead the write anywhere other than the path that was checked.
    public static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` with every symbolic link resolved, or `nil` when it does not resolve.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
