import Foundation
import PhaseModel
import Scan
import TextSupport

/// The Markdown files of a repository whose links `--fix` rewrites, and reading them byte for byte.
public enum MarkdownFiles {
    /// Every `.md` file under the repository, sorted by path. Folders whose name starts with `.`
    /// (`.git`, `.build`, `.build-x`, …) are not entered, and symbolic links, to files or folders,
    /// are not followed.
    public static func paths(in tree: RepositoryTree) -> [String] {
        tree.files(under: "", descend: { isPlain($0, in: tree) && !$0.name.hasPrefix(".") }, skipped: { _, _ in })
            .filter { isPlain($0, in: tree) && $0.name.lowercased().hasSuffix(".md") }
            .map(\.path)
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Why a file's links were not looked at.
    public enum Skip: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        case tooLarge(bytes: Int, limit: Int)
        case binary
        case invalidUTF8(line: Int)

        public var description: String {
            switch self {
            case let .unreadable(reason): LocalizedText(message: "names.markdown.unreadable", ["reason": .text(reason)]).en
            case let .tooLarge(bytes, limit):
                LocalizedText(message: "names.markdown.too-large", ["bytes": .text(String(bytes)), "limit": .text(String(limit))]).en
            case .binary: LocalizedText(message: "names.markdown.binary").en
            case let .invalidUTF8(line): LocalizedText(message: "names.markdown.invalid-utf8", ["line": .text(String(line))]).en
            }
        }
    }

    /// The bytes of the file at repository path `path`: refused when over `limit` bytes, binary
    /// (a NUL byte) or not valid UTF-8, since rewriting such a file could damage it.
    public static func read(_ path: String, in tree: RepositoryTree, limit: Int = TextFileReader.defaultLimit) -> Result<[UInt8], Skip> {
        let bytes: [UInt8]
        switch TextFileReader.bytes(absolutePath: tree.absolute(path), limit: limit) {
        case let .success(data): bytes = [UInt8](data)
        case let .failure(.unreadable(reason)): return .failure(.unreadable(reason))
        case let .failure(.tooLarge(size, limit)): return .failure(.tooLarge(bytes: size, limit: limit))
        case .failure(.binary): return .failure(.binary)
        }
        if bytes.contains(0) { return .failure(.binary) }
        if let line = TextFileReader.firstInvalidUTF8Line(in: bytes) { return .failure(.invalidUTF8(line: line)) }
        return .success(bytes)
    }

    /// Writes `bytes` to the file at repository path `path` atomically, keeping its permissions.
    static func write(_ bytes: [UInt8], to path: String, in tree: RepositoryTree) throws {
        let absolute = tree.absolute(path)
        var info = stat()
        let mode = stat(absolute, &info) == 0 ? info.st_mode & 0o7777 : nil
        try AtomicFile.write(Data(bytes), to: absolute, within: WriteBoundary(root: tree.root, name: "the repository"))
        if let mode { chmod(absolute, mode) }
    }

    /// A file or folder that is what it says, not a symbolic link to one.
    private static func isPlain(_ entry: RepositoryTree.Entry, in tree: RepositoryTree) -> Bool {
        entry.realPath == tree.absolute(entry.path)
    }
}
