import CLibGit2
import Foundation
import PhaseModel

/// What `git status` says about one path: its staged and unstaged changes.
public struct GitPathStatus: Sendable, Equatable {
    /// One kind of change, as `git status` tells them apart (the name checker words them).
    public enum Change: Sendable, Equatable, CaseIterable {
        case stagedNew, stagedModified, stagedDeleted, stagedRenamed, stagedTypeChange
        case modified, deleted, typeChange, renamed, untracked, unreadable, conflicted
    }

    /// Path relative to the work tree root.
    public var path: String
    /// Never empty.
    public var changes: [Change]

    public init(path: String, changes: [Change]) {
        self.path = path
        self.changes = changes
    }
}

extension GitRepository {
    /// Opens the repository whose work tree (or git folder) holds `path`, searching upwards as
    /// `git` does; `nil` when no folder above `path` is a repository.
    public static func containing(_ path: String) throws(GitError) -> GitRepository? {
        git_libgit2_init()
        defer { git_libgit2_shutdown() }
        var found = git_buf()
        defer { git_buf_dispose(&found) }
        let code = git_repository_discover(&found, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let pointer = found.ptr else { throw GitError.last(code) }
        return try GitRepository(path: String(cString: pointer))
    }

    /// The work tree's root folder, without a trailing slash; `nil` for a bare repository.
    public var workTree: String? {
        guard let pointer = git_repository_workdir(handle) else { return nil }
        var path = String(cString: pointer)
        while path.hasSuffix("/") && path.count > 1 { path.removeLast() }
        return path
    }

    /// Every path at or under `folder` (relative to the work tree root) that `git status` would
    /// list: staged changes, changes in the work tree, untracked files (each file of an untracked
    /// folder), conflicts. Ignored files are not listed. `folder` is matched literally, not as a
    /// pattern. Sorted by path.
    public func uncommittedChanges(under folder: String) throws(GitError) -> [GitPathStatus] {
        var options = git_status_options()
        var code = git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        guard code == 0 else { throw GitError.last(code) }
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue | GIT_STATUS_OPT_INCLUDE_UNREADABLE.rawValue
        guard let spec = strdup(folder) else { throw GitError(code: -1, message: LocalizedText(message: "error.git.out-of-memory").en) }
        defer { free(spec) }
        var strings: [UnsafeMutablePointer<CChar>?] = [spec]
        var list: OpaquePointer?
        code = strings.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
            return git_status_list_new(&list, handle, &options)
        }
        guard code == 0, let list else { throw GitError.last(code) }
        defer { git_status_list_free(list) }
        var result: [GitPathStatus] = []
        for position in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, position)?.pointee else { continue }
            let changes = Self.changes(entry.status.rawValue)
            guard !changes.isEmpty, let path = Self.path(of: entry) else { continue }
            // The pathspec is literal; a sibling that merely starts with the same letters is not inside.
            guard path == folder || path.hasPrefix(folder + "/") else { continue }
            result.append(GitPathStatus(path: path, changes: changes))
        }
        return result.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private static func path(of entry: git_status_entry) -> String? {
        for delta in [entry.index_to_workdir, entry.head_to_index] {
            if let file = delta?.pointee.new_file.path ?? delta?.pointee.old_file.path { return String(cString: file) }
        }
        return nil
    }

    private static func changes(_ flags: UInt32) -> [GitPathStatus.Change] {
        let table: [(git_status_t, GitPathStatus.Change)] = [
            (GIT_STATUS_INDEX_NEW, .stagedNew), (GIT_STATUS_INDEX_MODIFIED, .stagedModified),
            (GIT_STATUS_INDEX_DELETED, .stagedDeleted), (GIT_STATUS_INDEX_RENAMED, .stagedRenamed),
            (GIT_STATUS_INDEX_TYPECHANGE, .stagedTypeChange), (GIT_STATUS_WT_MODIFIED, .modified),
            (GIT_STATUS_WT_DELETED, .deleted), (GIT_STATUS_WT_TYPECHANGE, .typeChange), (GIT_STATUS_WT_RENAMED, .renamed),
            (GIT_STATUS_WT_NEW, .untracked), (GIT_STATUS_WT_UNREADABLE, .unreadable), (GIT_STATUS_CONFLICTED, .conflicted),
        ]
        return table.filter { flags & $0.0.rawValue != 0 }.map(\.1)
    }
}
