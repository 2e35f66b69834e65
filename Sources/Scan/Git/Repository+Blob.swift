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

    /// What a path of a commit's tree is: a regular file's blob, or something that is not one.
    public struct TreeEntry: Sendable, Equatable {
        /// The blob id (hex) of a regular file; `nil` for a folder, a link or a submodule.
        public var blob: String?
    }

    /// Every path of commit `id`'s tree, folders included, read in one walk: asking a large tree
    /// for one path at a time inflates each folder on the way again for every path (a plan of
    /// 5,000 task folders made that most of a scan).
    public func treeEntries(ofCommit id: String) throws(GitError) -> [String: TreeEntry] {
        let root = try tree(ofCommit: id)
        defer { git_tree_free(root) }
        var entries: [String: TreeEntry] = [:]
        try collectEntries(of: root, prefix: "", into: &entries)
        return entries
    }

    private func collectEntries(of tree: OpaquePointer, prefix: String, into entries: inout [String: TreeEntry]) throws(GitError) {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index), let id = git_tree_entry_id(entry) else { continue }
            let path = prefix + String(cString: git_tree_entry_name(entry))
            let mode = git_tree_entry_filemode(entry)
            switch mode {
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
                entries[path] = TreeEntry(blob: Self.hex(id.pointee))
            case GIT_FILEMODE_TREE:
                entries[path] = TreeEntry(blob: nil)
                var subtree: OpaquePointer?
                var oid = id.pointee
                let code = git_tree_lookup(&subtree, handle, &oid)
                guard code == 0, let subtree else { throw GitError.last(code) }
                defer { git_tree_free(subtree) }
                try collectEntries(of: subtree, prefix: path + "/", into: &entries)
            default:
                entries[path] = TreeEntry(blob: nil)
            }
        }
    }

    /// The regular file whose blob id (hex) is `blob`; blobs over `limit` bytes are not read.
    public func committedFile(blob: String, limit: Int) throws(GitError) -> CommittedFile {
        var oid = git_oid()
        var code = git_oid_fromstr(&oid, blob)
        guard code == 0 else { throw GitError.last(code) }
        var object: OpaquePointer?
        code = git_blob_lookup(&object, handle, &oid)
        guard code == 0, let object else { throw GitError.last(code) }
        defer { git_blob_free(object) }
        return Self.content(of: object, limit: limit)
    }

    private static func content(of blob: OpaquePointer, limit: Int) -> CommittedFile {
        let size = Int(git_blob_rawsize(blob))
        if size > limit { return .tooLarge(bytes: size) }
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return .content(Data()) }
        return .content(Data(bytes: bytes, count: size))
    }

    /// The file at repository-relative `path` in commit `id`'s tree. Blobs over `limit` bytes are
    /// not read, so a huge file costs nothing here. Throws when the commit cannot be read.
    public func committedFile(at path: String, inCommit id: String, limit: Int) throws(GitError) -> CommittedFile {
        guard let entry = try treeEntry(at: path, inCommit: id) else { return .absent }
        guard let blob = entry.blob else { return .notAFile }
        return try committedFile(blob: blob, limit: limit)
    }

    /// What commit `id`'s tree holds at repository-relative `path`, without reading the file:
    /// `nil` when nothing. Many commits hold the same blob at a path, and a caller that keeps
    /// what it learnt of each blob reads each only once. Throws when the commit cannot be read.
    public func treeEntry(at path: String, inCommit id: String) throws(GitError) -> TreeEntry? {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        var code = git_commit_tree(&tree, commit)
        guard code == 0, let tree else { throw GitError.last(code) }
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let entry else { throw GitError.last(code) }
        defer { git_tree_entry_free(entry) }
        let mode = git_tree_entry_filemode(entry)
        guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE, let entryID = git_tree_entry_id(entry) else {
            return TreeEntry(blob: nil)
        }
        return TreeEntry(blob: Self.hex(entryID.pointee))
    }
}
