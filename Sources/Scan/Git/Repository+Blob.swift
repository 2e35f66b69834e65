import CLibGit2
import Foundation

/// Files as a commit recorded them, for figures that must be compared with the file as it was
/// when a report was written rather than as it is now.
extension GitRepository {
    /// What a commit's tree holds at a path.
    public enum CommittedFile: Sendable, Equatable {
        /// Nothing at that path in that commit.
        case absent
        /// Something that is not a regular file: a folder, a link, a submodule.
        case notAFile
        /// A regular file larger than the limit asked for; its bytes were not read.
        case tooLarge(bytes: Int)
        /// A regular file's bytes.
        case content(Data)
    }

    /// The file at repository-relative `path` in commit `id`'s tree. Blobs over `limit` bytes are
    /// not read, so a huge file costs nothing here. Throws when the commit cannot be read.
    public func committedFile(at path: String, inCommit id: String, limit: Int) throws(GitError) -> CommittedFile {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        var code = git_commit_tree(&tree, commit)
        guard code == 0, let tree else { throw GitError.last(code) }
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue { return .absent }
        guard code == 0, let entry else { throw GitError.last(code) }
        defer { git_tree_entry_free(entry) }
        let mode = git_tree_entry_filemode(entry)
        guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE, let entryID = git_tree_entry_id(entry) else {
            return .notAFile
        }
        var blobID = entryID.pointee
        var blob: OpaquePointer?
        code = git_blob_lookup(&blob, handle, &blobID)
        guard code == 0, let blob else { throw GitError.last(code) }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        if size > limit { return .tooLarge(bytes: size) }
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return .content(Data()) }
        return .content(Data(bytes: bytes, count: size))
    }
}
