import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

/// A libgit2 failure, with libgit2's own message.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgit2's error code (`GIT_ENOTFOUND` is -3).
    public var code: Int32
    public var message: String

    public var description: String { message }

    /// Whether the error means an object is missing from the database.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    static func last(_ code: Int32) -> GitError {
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "libgit2 error \(code)"
        return GitError(code: code, message: message)
    }
}

/// A git repository opened through libgit2.
///
/// This file and `LooseObjectBackend.swift` are the only places that call `git_`. Each instance initialises libgit2 (which
/// counts its users) and shuts it down when released, after freeing its own handle; every
/// object it looks up is freed before the method returns. An instance is used by one thread
/// at a time: workers each open their own.
public final class GitRepository {
    private let handle: OpaquePointer

    /// Opens the repository whose work tree or git folder is exactly `path`; `nil` when
    /// `path` is not a repository.
    public init?(path: String) throws(GitError) {
        git_libgit2_init()
        // Hash verification of every object read costs a third of the walk; the object
        // database is the user's own and `git fsck` is the tool for checking it.
        phasecert_git_set_strict_hash_verification(0)
        var repository: OpaquePointer?
        let code = git_repository_open_ext(&repository, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        guard code == 0, let repository else {
            let error = GitError.last(code)
            git_libgit2_shutdown()
            if code == GIT_ENOTFOUND.rawValue { return nil }
            throw error
        }
        handle = repository
        LooseObjectBackend.install(in: repository, gitDirectory: gitDirectory)
    }

    deinit {
        git_repository_free(handle)
        git_libgit2_shutdown()
    }

    /// The git folder (`.git`, or the folder a `.git` file points to), without a trailing slash.
    public var gitDirectory: String {
        var path = String(cString: git_repository_path(handle))
        while path.hasSuffix("/") && path.count > 1 { path.removeLast() }
        return path
    }

    /// Whether the repository is a shallow clone (its history is cut off).
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// Whether HEAD points at a detached commit.
    public var isHeadDetached: Bool { git_repository_head_detached(handle) == 1 }

    /// The commit HEAD resolves to; `nil` in an empty repository or on an unborn branch.
    public func head() throws(GitError) -> String? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        guard code == 0 else { throw GitError.last(code) }
        return Self.hex(oid)
    }

    /// Reads one commit.
    public func commit(_ id: String) throws(GitError) -> GitCommit {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        let parentCount = git_commit_parentcount(commit)
        var parents: [String] = []
        parents.reserveCapacity(Int(parentCount))
        for index in 0..<parentCount {
            if let oid = git_commit_parent_id(commit, index) { parents.append(Self.hex(oid.pointee)) }
        }
        let latin1 = Self.isLatin1(git_commit_message_encoding(commit))
        let (subject, body) = Self.splitMessage(commit, latin1: latin1)
        return GitCommit(
            id: id, parents: parents,
            author: Self.signature(git_commit_author(commit), latin1: latin1),
            committer: Self.signature(git_commit_committer(commit), latin1: latin1),
            subject: subject, body: body
        )
    }

    /// Files changed by commit `id` against `parent` (the empty tree when `nil`), with line
    /// counts as `git diff --numstat` gives them: renames detected as git does by default,
    /// binary files without line counts, blobs over 512 MiB taken as binary without reading them.
    public func stats(of id: String, against parent: String?) throws(GitError) -> CommitStats {
        let newTree = try tree(ofCommit: id)
        defer { git_tree_free(newTree) }
        var oldTree: OpaquePointer?
        if let parent { oldTree = try tree(ofCommit: parent) }
        defer { if let oldTree { git_tree_free(oldTree) } }

        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        // Counts do not depend on context; without it hunk headers are the counts themselves.
        options.context_lines = 0
        options.interhunk_lines = 0
        // A file that becomes a symbolic link is one change, as git reports it, not two.
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        var diff: OpaquePointer?
        var code = git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options)
        guard code == 0, let diff else { throw GitError.last(code) }
        defer { git_diff_free(diff) }

        var findOptions = git_diff_find_options()
        git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
        code = git_diff_find_similar(diff, &findOptions)
        guard code == 0 else { throw GitError.last(code) }

        let count = git_diff_num_deltas(diff)
        var counter = LineCounter(added: [Int](repeating: 0, count: count), deleted: [Int](repeating: 0, count: count))
        code = withUnsafeMutablePointer(to: &counter) { pointer in
            git_diff_foreach(diff, { _, _, payload in
                payload?.assumingMemoryBound(to: LineCounter.self).pointee.index += 1
                return 0
            }, nil, { _, hunk, payload in
                guard let counter = payload?.assumingMemoryBound(to: LineCounter.self), let hunk else { return 0 }
                let index = counter.pointee.index
                counter.pointee.added[index] += Int(hunk.pointee.new_lines)
                counter.pointee.deleted[index] += Int(hunk.pointee.old_lines)
                return 0
            }, nil, pointer)
        }
        guard code == 0 else { throw GitError.last(code) }

        var files: [FileChange] = []
        files.reserveCapacity(count)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) } ?? oldPath ?? ""
            let binary = delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0
            let renamed = delta.status == GIT_DELTA_RENAMED || delta.status == GIT_DELTA_COPIED
            if delta.status == GIT_DELTA_TYPECHANGE {
                // libgit2 makes no hunks for a type change; git counts it as the old content
                // deleted and the new content added.
                counter.deleted[index] = try lineCount(ofBlob: delta.old_file.id)
                counter.added[index] = try lineCount(ofBlob: delta.new_file.id)
            }
            files.append(FileChange(
                path: delta.status == GIT_DELTA_DELETED ? (oldPath ?? newPath) : newPath,
                oldPath: renamed ? oldPath : nil,
                added: binary ? nil : counter.added[index],
                deleted: binary ? nil : counter.deleted[index]
            ))
        }
        return CommitStats(files: files)
    }

    /// Lines in a blob as git counts them: newlines, plus one for a last line without one.
    private func lineCount(ofBlob id: git_oid) throws(GitError) -> Int {
        var oid = id
        var blob: OpaquePointer?
        let code = git_blob_lookup(&blob, handle, &oid)
        guard code == 0, let blob else { throw GitError.last(code) }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: content, count: size)
        return bytes.count { $0 == 0x0A } + (bytes[size - 1] == 0x0A ? 0 : 1)
    }

    private struct LineCounter {
        var index = -1
        var added: [Int]
        var deleted: [Int]
    }

    private func lookupCommit(_ id: String) throws(GitError) -> OpaquePointer {
        var oid = git_oid()
        var code = git_oid_fromstr(&oid, id)
        guard code == 0 else { throw GitError.last(code) }
        var commit: OpaquePointer?
        code = git_commit_lookup(&commit, handle, &oid)
        guard code == 0, let commit else { throw GitError.last(code) }
        return commit
    }

    private func tree(ofCommit id: String) throws(GitError) -> OpaquePointer {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        let code = git_commit_tree(&tree, commit)
        guard code == 0, let tree else { throw GitError.last(code) }
        return tree
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, &oid)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func signature(_ signature: UnsafePointer<git_signature>?, latin1: Bool) -> GitSignature {
        guard let signature = signature?.pointee else { return GitSignature(name: "", email: "", time: 0, offsetMinutes: 0) }
        return GitSignature(
            name: text(signature.name, latin1: latin1), email: text(signature.email, latin1: latin1),
            time: signature.when.time, offsetMinutes: Int(signature.when.offset)
        )
    }

    /// Whether the commit declares a Latin-1 encoding (git's `i18n.commitEncoding`).
    private static func isLatin1(_ encoding: UnsafePointer<CChar>?) -> Bool {
        guard let encoding else { return false }
        return ["iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso-8859-15"].contains(String(cString: encoding).lowercased())
    }

    /// Subject and body, decoded as the commit declares (see `text`).
    private static func splitMessage(_ commit: OpaquePointer, latin1: Bool) -> (String, String) {
        let message = text(UnsafeMutablePointer(mutating: git_commit_message(commit)), latin1: latin1)
        let trimmed = message.drop { $0 == "\n" }
        guard let end = trimmed.firstIndex(of: "\n") else {
            return (String(trimmed).trimmingTrailingWhitespace, "")
        }
        let subject = String(trimmed[..<end]).trimmingTrailingWhitespace
        let body = trimmed[end...].drop { $0 == "\n" }
        return (subject, String(body).trimmingTrailingWhitespace)
    }

    /// Commit text as UTF-8, or as Latin-1 when the commit declares it and the bytes are not
    /// valid UTF-8; invalid UTF-8 otherwise becomes U+FFFD.
    private static func text(_ pointer: UnsafeMutablePointer<CChar>?, latin1: Bool) -> String {
        guard let pointer else { return "" }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        if latin1, String(validating: bytes, as: UTF8.self) == nil {
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var result = self
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
