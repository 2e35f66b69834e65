import Foundation

/// The work tree as one pass of claim facts reads it: what the file system says of each path,
/// asked once, and the signature of every path looked at, read or listed, taken when it was
/// first looked at, so that facts kept from that pass can later be checked against the files
/// they came from (`ClaimFactsCache`).
///
/// Resolving the paths that 30,000 claims name asked `stat` and `lstat` about 130,000 times for
/// fewer than 2,000 distinct paths, a tenth of a warm `phase-close` (Benchmarks/RESULTS-scale.md,
/// eleventh round). A pass reads and never writes the work tree; one instance serves one thread.
final class WorkTreeReads {
    let tree: RepositoryTree
    private var realPaths: [String: String?] = [:]
    /// Every path looked at, with its signature when it was first looked at.
    private(set) var signatures: [String: FileSignature] = [:]

    init(tree: RepositoryTree) {
        self.tree = tree
    }

    /// `RepositoryTree.realPath(of:)`, remembered.
    func realPath(of path: String) -> String? {
        if let known = realPaths[path] { return known }
        note(path)
        let real = tree.realPath(of: path)
        realPaths[path] = real
        return real
    }

    /// Whether `path` names a regular file (as `RepositoryTree.isFile`: anything but a folder).
    func isFile(_ path: String) -> Bool {
        note(path).isDirectory == false
    }

    /// Whether `path` names a folder.
    func isDirectory(_ path: String) -> Bool {
        note(path).isDirectory == true
    }

    /// `TextFileReader.read` of the work tree's file at `path`.
    func text(of path: String) -> Result<TextFile, TextFileProblem> {
        note(path)
        return TextFileReader.read(absolutePath: tree.absolute(path), path: path)
    }

    /// `TextFileReader.bytes` of the work tree's file at `path`.
    func bytes(of path: String) -> Data? {
        note(path)
        return try? TextFileReader.bytes(absolutePath: tree.absolute(path)).get()
    }

    /// `RepositoryTree.entries(of:)`; a folder's signature changes when an entry is added or removed.
    func entries(of folder: String) throws -> [RepositoryTree.Entry] {
        note(folder)
        return try tree.entries(of: folder)
    }

    /// The paths of the files below `folder`, as `RepositoryTree.files(under:)` finds them.
    func files(under folder: String) -> [String] {
        note(folder)
        return tree.files(under: folder, descend: { entry in
            self.note(entry.path)
            return true
        }, skipped: { _, _ in }).map { entry in
            note(entry.path)
            return entry.path
        }
    }

    /// Takes the signature of `path` the first time it is looked at, before it is read: a file
    /// changed after that gives another signature, so facts read from it are never kept for the
    /// new content. What the path names (`isFile`, `isDirectory`) is read from it too.
    @discardableResult
    private func note(_ path: String) -> FileSignature {
        if let known = signatures[path] { return known }
        let signature = FileSignature(absolutePath: tree.absolute(path))
        signatures[path] = signature
        return signature
    }
}
