import Foundation
import PhaseModel
import Scan
#if canImport(Glibc)
import Glibc
import TextSupport
#endif

/// Renames one folder: on disk with a single rename(2), and in a git work tree also in the index,
/// entry by entry with the same blob ids and modes, so git sees a staged rename.
///
/// A failure midway leaves the old name or the new one, never a half-moved folder: rename(2)
/// moves the whole folder at once, and when the index cannot be updated the folder is renamed back.
struct FolderMover {
    let tree: RepositoryTree
    let git: GitWorkTree?

    func move(_ change: FolderRename) throws(FolderMoveError) {
        // rename(2) would replace an empty folder at the target, so the target is looked at first.
        if let obstacle = NameCheck.obstacle(renaming: change.from, to: change.to, tree: tree) {
            throw .blocked(obstacle)
        }
        let from = tree.absolute(change.from)
        let to = tree.absolute(change.to)
        // The rename stays in the folder it starts in, but that folder is checked like any write target.
        do throws(ContainedWriteError) {
            try WriteBoundary(root: tree.root, name: "the repository").check(to)
        } catch {
            throw .blocked(error.description)
        }
        guard rename(from, to) == 0 else { throw .renameFailed(String(cString: strerror(errno))) }
        guard let git else { return }
        do {
            try git.repository.moveIndexEntries(from: git.gitPath(change.from), to: git.gitPath(change.to))
        } catch {
            guard rename(to, from) == 0 else {
                throw .indexFailedFolderMoved(index: error.message, back: String(cString: strerror(errno)), at: change.to)
            }
            throw .indexFailed(error.message, keptName: change.from)
        }
    }
}

/// Why a folder was not renamed, or was renamed only on disk.
enum FolderMoveError: Error, Equatable, CustomStringConvertible {
    case blocked(String)
    case renameFailed(String)
    case indexFailed(String, keptName: String)
    case indexFailedFolderMoved(index: String, back: String, at: String)

    var description: String {
        switch self {
        case let .blocked(reason), let .renameFailed(reason):
            LocalizedText(message: "names.not-renamed", ["reason": .text(reason)]).en
        case let .indexFailed(reason, kept):
            LocalizedText(message: "names.not-renamed.index-failed", ["reason": .text(reason), "folder": .text(kept)]).en
        case let .indexFailedFolderMoved(index, back, at):
            LocalizedText(
                message: "names.not-renamed.index-failed-moved", ["reason": .text(index), "back": .text(back), "folder": .text(at)]).en
        }
    }
}
