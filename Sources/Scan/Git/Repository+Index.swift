import CLibGit2
import Foundation
import PhaseModel

extension GitRepository {
    /// Moves every index entry under `folder` to the same relative path under `destination`
    /// (both relative to the work tree root) and writes the index: the entries keep their blob
    /// ids, modes and stat data, so after the folder itself is renamed `git status` shows the
    /// files as renamed and staged. Returns how many entries moved.
    ///
    /// Refuses (throws, index untouched) when an entry under `folder` is in conflict, when
    /// `folder` itself is an entry (a submodule or a file), or when the index already has
    /// entries at `destination`. The index file is replaced atomically by libgit2; on a failure
    /// the in-memory index is reloaded from disk, so nothing half-moved is written.
    @discardableResult
    public func moveIndexEntries(from folder: String, to destination: String) throws(GitError) -> Int {
        var opened: OpaquePointer?
        var code = git_repository_index(&opened, handle)
        guard code == 0, let index = opened else { throw GitError.last(code) }
        defer { git_index_free(index) }
        code = git_index_read(index, 0)
        guard code == 0 else { throw GitError.last(code) }

        let prefix = folder + "/"
        var moving: [(entry: git_index_entry, path: String)] = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position), let raw = entry.pointee.path else { continue }
            let path = String(cString: raw)
            if path == destination || path.hasPrefix(destination + "/") {
                let message = LocalizedText(message: "error.git.index.exists", ["path": .text(path)])
                throw GitError(code: GIT_EEXISTS.rawValue, message: message.en)
            }
            if path == folder {
                let message = LocalizedText(message: "error.git.index.single-entry", ["folder": .text(folder)])
                throw GitError(code: GIT_EINVALID.rawValue, message: message.en)
            }
            guard path.hasPrefix(prefix) else { continue }
            if git_index_entry_is_conflict(entry) != 0 {
                let message = LocalizedText(message: "error.git.index.conflict", ["path": .text(path)])
                throw GitError(code: GIT_ECONFLICT.rawValue, message: message.en)
            }
            moving.append((entry.pointee, destination + "/" + path.dropFirst(prefix.count)))
        }
        guard !moving.isEmpty else { return 0 }

        func discardChanges() { _ = git_index_read(index, 1) }
        for (entry, path) in moving {
            var moved = entry
            // git_index_add copies the entry and its path; the C string need only outlive the call.
            code = path.withCString { newPath in
                moved.path = newPath
                return git_index_add(index, &moved)
            }
            guard code == 0 else {
                let error = GitError.last(code)
                discardChanges()
                throw error
            }
        }
        code = git_index_remove_directory(index, folder, 0)
        guard code == 0 else {
            let error = GitError.last(code)
            discardChanges()
            throw error
        }
        code = git_index_write(index)
        guard code == 0 else {
            let error = GitError.last(code)
            discardChanges()
            throw error
        }
        return moving.count
    }
}
