import Foundation
import PhaseModel
import Scan

/// What a command reads: the repository's work tree, or the tree of a commit (`--at`) written
/// to a temporary folder, with the history read from the repository starting at that commit.
public struct ScanSource: Sendable {
    /// The repository: its git folder, its configured reports folder, and what output paths are
    /// shown relative to.
    public var repository: String
    /// The folder whose files are read: the repository itself, or the exported tree.
    public var tree: String
    /// The full id of the commit `--at` named; `nil` for the work tree.
    public var commit: String?

    /// The repository's own work tree.
    public init(repository: String) {
        self.repository = repository
        self.tree = repository
        self.commit = nil
    }

    /// Runs `body` on the work tree of `repository`, or, with a `revision`, on that commit's tree
    /// exported into a fresh folder under `temporaryFolder` that is removed afterwards, whether
    /// `body` returns or throws. The repository's work tree and index are left alone.
    public static func with<Result>(
        repository: String, at revision: String?, temporaryFolder: String = FileManager.default.temporaryDirectory.path,
        _ body: (ScanSource) throws -> Result
    ) throws -> Result {
        guard let revision else { return try body(ScanSource(repository: repository)) }
        // A --repo that does not exist is the same error with or without --at.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: repository, isDirectory: &isFolder), isFolder.boolValue else {
            throw ScanError.repositoryMissing(path: repository)
        }
        let folder = URL(fileURLWithPath: temporaryFolder).appendingPathComponent("phasecert-at-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            throw RevisionError(
                underlying: RevisionExportError(
                    revision: revision, problem: .unwritable(path: folder, reason: error.localizedDescription)))
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let commit: String
        do {
            commit = try GitRepository.export(revision: revision, of: repository, into: folder)
        } catch {
            throw RevisionError(underlying: error)
        }
        return try body(ScanSource(repository: repository, tree: folder, commit: commit))
    }

    private init(repository: String, tree: String, commit: String) {
        self.repository = repository
        self.tree = tree
        self.commit = commit
    }

    /// How output names what was read: the repository, and the commit when there is one.
    public var displayName: String {
        commit.map { "\(repository) at \($0.prefix(12))" } ?? repository
    }
}

/// `--at` named something that is not a commit of the repository, or its tree could not be written.
public struct RevisionError: UserFacingError {
    public var underlying: RevisionExportError

    /// 2 when the revision or repository is wrong (a usage error), 3 when reading or writing failed.
    public var exitCode: Int32 {
        switch underlying.problem {
        case .notARepository, .unknownRevision, .ambiguous, .notACommit: 2
        case .unreadable, .unsafePath, .unwritable: 3
        }
    }

    public var description: String { "--at \(underlying.description)" }
}
