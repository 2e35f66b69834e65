import CLibGit2
import Foundation
import PhaseModel
#if canImport(Glibc)
import Glibc
#endif

/// A revision that could not be resolved, or whose tree could not be written out.
public struct RevisionExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// The folder is not (the work tree or git folder of) a git repository.
        case notARepository(path: String)
        /// git knows no object by that name (or the spelling is not one git accepts).
        case unknownRevision
        /// A short id that names more than one object.
        case ambiguous
        /// The name resolves to an object that is neither a commit nor a tag of one (a tree, a blob).
        case notACommit
        /// An object of the commit's tree could not be read.
        case unreadable(String)
        /// A tree entry whose name git itself refuses to check out (`..`, `.git`, one with `/`).
        case unsafePath(String)
        /// A file or folder of the export could not be written.
        case unwritable(path: String, reason: String)
    }

    /// The revision as the user wrote it.
    public var revision: String
    public var problem: Problem

    public init(revision: String, problem: Problem) {
        self.revision = revision
        self.problem = problem
    }

    /// `<revision>: <what went wrong>`.
    public var description: String {
        let what = switch problem {
        case let .notARepository(path): LocalizedText(message: "error.git.export.not-a-repository", ["path": .text(path)])
        case .unknownRevision: LocalizedText(message: "error.git.export.unknown-revision")
        case .ambiguous: LocalizedText(message: "error.git.export.ambiguous")
        case .notACommit: LocalizedText(message: "error.git.export.not-a-commit")
        case let .unreadable(reason): LocalizedText(message: "error.git.export.unreadable", ["reason": .text(reason)])
        case let .unsafePath(path): LocalizedText(message: "error.git.export.unsafe-path", ["path": .text(path)])
        case let .unwritable(path, reason):
            LocalizedText(message: "error.git.export.unwritable", ["path": .text(path), "reason": .text(reason)])
        }
        return LocalizedText(message: "error.git.export", ["revision": .text(revision), "problem": .localized(what)]).en
    }
}

/// Reading a commit's files without checking it out (`--at`).
extension GitRepository {
    /// Opens the repository at `repository`, resolves `revision` to a commit and writes that
    /// commit's tree into `folder` (see `exportTree(ofCommit:into:revision:)`).
    ///
    /// - Returns: The full id of the commit.
    public static func export(revision: String, of repository: String, into folder: String) throws(RevisionExportError) -> String {
        let opened: GitRepository?
        do {
            opened = try GitRepository(path: repository)
        } catch {
            throw RevisionExportError(revision: revision, problem: .unreadable(error.message))
        }
        guard let opened else { throw RevisionExportError(revision: revision, problem: .notARepository(path: repository)) }
        let commit: String
        do {
            commit = try opened.commitID(forRevision: revision)
        } catch {
            throw RevisionExportError(revision: revision, problem: Self.problem(resolving: error))
        }
        try opened.exportTree(ofCommit: commit, into: folder, revision: revision)
        return commit
    }

    /// The full id of the commit `revision` names, in any spelling git accepts: a full or short
    /// id, a branch, a tag (an annotated tag is peeled to its commit), `HEAD~3`, `main@{1}`.
    ///
    /// Throws libgit2's error: `GIT_ENOTFOUND` or `GIT_EINVALIDSPEC` for a name git does not
    /// know, `GIT_EAMBIGUOUS` for a short id of several objects, `GIT_EPEEL` for a tree or blob.
    public func commitID(forRevision revision: String) throws(GitError) -> String {
        var object: OpaquePointer?
        var code = git_revparse_single(&object, handle, revision)
        guard code == 0, let object else { throw GitError.last(code) }
        defer { git_object_free(object) }
        let type = git_object_type(object)
        // Only tags peel to a commit; a tree or a blob would peel to nothing and a commit is one.
        guard type == GIT_OBJECT_COMMIT || type == GIT_OBJECT_TAG else {
            let message = LocalizedText(
                message: "error.git.revision.not-a-commit", ["revision": .text(revision), "kind": .localized(Self.kindName(type))])
            throw GitError(code: GIT_EPEEL.rawValue, message: message.en)
        }
        var commit: OpaquePointer?
        code = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        guard code == 0, let commit else {
            if code == GIT_EINVALIDSPEC.rawValue || code == GIT_EPEEL.rawValue || code == GIT_ENOTFOUND.rawValue {
                let message = LocalizedText(message: "error.git.revision.tag-of-other", ["revision": .text(revision)])
                throw GitError(code: GIT_EPEEL.rawValue, message: message.en)
            }
            throw GitError.last(code)
        }
        defer { git_object_free(commit) }
        guard let id = git_object_id(commit) else {
            let message = LocalizedText(message: "error.git.revision.no-id", ["revision": .text(revision)])
            throw GitError(code: GIT_ERROR.rawValue, message: message.en)
        }
        return Self.hex(id.pointee)
    }

    /// Writes the tree of commit `id` into `folder`, an existing empty folder, as git would check
    /// it out: each blob with its content as committed (no end-of-line or other filters), files
    /// that git records as executable with the execute bits (the process umask applies, as with
    /// git), symbolic links as links. Submodules (gitlinks) are skipped: their commits are not in
    /// this repository. Neither the repository's work tree nor its index is read or written.
    ///
    /// Files are created relative to folder descriptors and never through an existing link, so
    /// a link in the tree cannot make a later entry land outside `folder`. An entry git would
    /// refuse to check out (`.`, `..`, `.git` in any case, a name with `/`) stops the export.
    ///
    /// - Parameter revision: How the user named the commit, for error messages.
    public func exportTree(ofCommit id: String, into folder: String, revision: String) throws(RevisionExportError) {
        func failure(_ problem: RevisionExportError.Problem) -> RevisionExportError {
            RevisionExportError(revision: revision, problem: problem)
        }
        var oid = git_oid()
        var code = git_oid_fromstr(&oid, id)
        guard code == 0 else { throw failure(.unknownRevision) }
        var commit: OpaquePointer?
        code = git_commit_lookup(&commit, handle, &oid)
        guard code == 0, let commit else { throw failure(.unreadable(GitError.last(code).message)) }
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        code = git_commit_tree(&tree, commit)
        guard code == 0, let tree else { throw failure(.unreadable(GitError.last(code).message)) }
        defer { git_tree_free(tree) }

        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(.unwritable(path: folder, reason: Self.lastSystemError())) }
        defer { close(descriptor) }
        try write(tree, into: descriptor, prefix: "", revision: revision)
    }

    /// Writes every entry of `tree` into the open folder `directory`; `prefix` is the entries'
    /// path in the tree, for messages.
    private func write(_ tree: OpaquePointer, into directory: Int32, prefix: String, revision: String) throws(RevisionExportError) {
        func failure(_ problem: RevisionExportError.Problem) -> RevisionExportError {
            RevisionExportError(revision: revision, problem: problem)
        }
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index), let name = git_tree_entry_name(entry) else { continue }
            let path = prefix + String(cString: name)
            guard Self.isSafeName(name) else { throw failure(.unsafePath(path)) }
            let mode = git_tree_entry_filemode(entry)
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                var subtree: OpaquePointer?
                let code = git_tree_lookup(&subtree, handle, git_tree_entry_id(entry))
                guard code == 0, let subtree else { throw failure(.unreadable("\(path): \(GitError.last(code).message)")) }
                defer { git_tree_free(subtree) }
                guard mkdirat(directory, name, 0o777) == 0 else { throw failure(.unwritable(path: path, reason: Self.lastSystemError())) }
                let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw failure(.unwritable(path: path, reason: Self.lastSystemError())) }
                defer { close(child) }
                try write(subtree, into: child, prefix: path + "/", revision: revision)
            case GIT_OBJECT_BLOB:
                var blob: OpaquePointer?
                let code = git_blob_lookup(&blob, handle, git_tree_entry_id(entry))
                guard code == 0, let blob else { throw failure(.unreadable("\(path): \(GitError.last(code).message)")) }
                defer { git_blob_free(blob) }
                let size = Int(git_blob_rawsize(blob))
                let content = UnsafeRawBufferPointer(start: size > 0 ? git_blob_rawcontent(blob) : nil, count: size)
                // A link target with a NUL byte cannot be a link; git without symlink support
                // writes the target as a file, and so does this.
                if mode == GIT_FILEMODE_LINK, !content.contains(0) {
                    let target = content.map { CChar(bitPattern: $0) } + [0]
                    let created = symlinkat(target, directory, name)
                    guard created == 0 else { throw failure(.unwritable(path: path, reason: Self.lastSystemError())) }
                } else {
                    let permissions: mode_t = mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0o777 : 0o666
                    guard Self.writeFile(content, named: name, in: directory, permissions: permissions) else {
                        throw failure(.unwritable(path: path, reason: Self.lastSystemError()))
                    }
                }
            default:
                // A gitlink (submodule): its commit lives in another repository.
                continue
            }
        }
    }

    /// Creates the file `name` in `directory` (never through a link, never over an existing
    /// entry) holding `content`; false with `errno` set on failure.
    private static func writeFile(_ content: UnsafeRawBufferPointer, named name: UnsafePointer<CChar>, in directory: Int32, permissions: mode_t) -> Bool {
        let file = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard file >= 0 else { return false }
        var offset = 0
        while offset < content.count, let base = content.baseAddress {
            let written = Glibc.write(file, base + offset, content.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let saved = errno
                close(file)
                errno = saved
                return false
            }
            offset += written
        }
        return close(file) == 0
    }

    /// Whether git would write an entry of this name: not empty, `.`, `..` or `.git` (in any
    /// case, as git refuses it), and without a `/`.
    private static func isSafeName(_ name: UnsafePointer<CChar>) -> Bool {
        let text = String(cString: name)
        return !text.isEmpty && text != "." && text != ".." && text.lowercased() != ".git" && !text.utf8.contains(0x2F)
    }

    private static func kindName(_ type: git_object_t) -> LocalizedText {
        switch type {
        case GIT_OBJECT_TREE: LocalizedText(message: "error.git.object-kind.tree")
        case GIT_OBJECT_BLOB: LocalizedText(message: "error.git.object-kind.blob")
        default: LocalizedText(message: "error.git.object-kind.other")
        }
    }

    private static func lastSystemError() -> String { String(cString: strerror(errno)) }

    /// How a failed `commitID(forRevision:)` reads to the user.
    private static func problem(resolving error: GitError) -> RevisionExportError.Problem {
        switch error.code {
        case GIT_ENOTFOUND.rawValue, GIT_EINVALIDSPEC.rawValue, GIT_EUNBORNBRANCH.rawValue: .unknownRevision
        case GIT_EAMBIGUOUS.rawValue: .ambiguous
        case GIT_EPEEL.rawValue: .notACommit
        default: .unreadable(error.message)
        }
    }
}
