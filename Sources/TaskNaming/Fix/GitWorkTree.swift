import Scan

/// The git repository whose work tree holds the repository folder, and that folder's place in it:
/// git paths are relative to the work tree root, which may lie above the folder phasecert reads.
struct GitWorkTree {
    let repository: GitRepository
    /// The repository folder's path in the work tree, with a trailing `/`; empty at the root.
    let prefix: String

    /// The work tree around `root` (an absolute path without links); `nil` outside any work tree.
    static func around(_ root: String) throws -> GitWorkTree? {
        let repository: GitRepository?
        do {
            repository = try GitRepository.containing(root)
        } catch {
            throw NameFixError.gitUnreadable(root, error.message)
        }
        guard let repository, let workTree = repository.workTree else { return nil }
        let real = RepositoryTree(root: workTree).root
        if real == root { return GitWorkTree(repository: repository, prefix: "") }
        guard root.hasPrefix(real + "/") else { return nil }
        return GitWorkTree(repository: repository, prefix: String(root.dropFirst(real.count + 1)) + "/")
    }

    /// The git path of a repository path.
    func gitPath(_ path: String) -> String { prefix + path }

    /// What `git status` lists at or under the repository path `folder`, with repository paths.
    func uncommittedChanges(under folder: String) throws -> [GitPathStatus] {
        do {
            return try repository.uncommittedChanges(under: gitPath(folder)).map { status in
                GitPathStatus(path: String(status.path.dropFirst(prefix.count)), changes: status.changes)
            }
        } catch {
            throw NameFixError.gitUnreadable(folder, error.message)
        }
    }
}
