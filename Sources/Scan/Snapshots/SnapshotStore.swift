import Foundation
import PhaseModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the history of one phase: `<reports>/.history/<phase-slug>/*.json`, one snapshot per
/// certification. Reading only; `phase-close` writes them.
///
/// Nothing outside the repository is read: the reports folder must be relative and free of
/// `..`, and a history folder or snapshot file that resolves outside the root is reported,
/// not followed.
public struct SnapshotStore: Sendable {
    /// Largest snapshot read (64 MiB); a phase model beyond that is not one phasecert wrote.
    public static let sizeLimit = 64 * 1024 * 1024

    /// The phase whose history this is.
    public let phaseID: String
    /// Repository-relative path of the phase's history folder.
    public let folder: String
    private let tree: RepositoryTree

    /// - Parameters:
    ///   - root: The repository root.
    ///   - reportsFolder: `reports.folder` from the configuration, relative to the root.
    ///   - phaseID: The phase id as the master list writes it; the folder comes from `PhaseSlug`.
    /// - Throws: `SnapshotStoreError.reportsFolderOutsideRepository` for an absolute folder or one with `..`.
    public init(root: String, reportsFolder: String, phaseID: String) throws(SnapshotStoreError) {
        guard !reportsFolder.hasPrefix("/") else { throw .reportsFolderOutsideRepository(reportsFolder) }
        let components = reportsFolder.split(separator: "/").filter { $0 != "." }
        guard !components.contains("..") else { throw .reportsFolderOutsideRepository(reportsFolder) }
        self.phaseID = phaseID
        self.folder = (components.map(String.init) + [".history", PhaseSlug.folder(for: phaseID)]).joined(separator: "/")
        self.tree = RepositoryTree(root: root)
    }

    /// Where the snapshot of `certificationID` goes, relative to the reports folder:
    /// `.history/<phase-slug>/<certification-id>.json`. A character a file name should not hold
    /// (a grade named with `/` in the config) becomes `_`; the file still records the id itself.
    public static func snapshotPath(phaseID: String, certificationID: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-_")
        var stem = String(certificationID.map { allowed.contains($0) ? $0 : "_" })
        if stem.hasPrefix(".") { stem = "_" + stem.dropFirst() }
        return ".history/\(PhaseSlug.folder(for: phaseID))/\(stem).json"
    }

    /// Every snapshot of the phase, oldest first, with the files that were skipped. A phase
    /// without a history folder has an empty history.
    ///
    /// Only `*.json` entries are considered, so the temporary files of an interrupted atomic
    /// write (`.<name>.<pid>.<uuid>.tmp`) are not mistaken for snapshots.
    /// - Throws: `SnapshotStoreError.folderUnreadable` when the folder exists but cannot be listed.
    public func history() throws(SnapshotStoreError) -> SnapshotHistory {
        try history(skipping: nil)
    }

    /// `history()` without reading the file named `<skipped>.json`, when `skipped` is given.
    private func history(skipping skipped: String?) throws(SnapshotStoreError) -> SnapshotHistory {
        guard let real = tree.realPath(of: folder) else {
            // A link that does not resolve still exists; no entry at all means no history yet.
            var info = stat()
            let exists = lstat(tree.absolute(folder), &info) == 0
            return SnapshotHistory(snapshots: [], problems: exists ? [SnapshotProblem(path: folder, reason: .brokenLink)] : [])
        }
        guard real == tree.root || real.hasPrefix(tree.root + "/") else {
            return SnapshotHistory(snapshots: [], problems: [SnapshotProblem(path: folder, reason: .linkOutsideRepository)])
        }
        guard tree.isDirectory(folder) else {
            return SnapshotHistory(snapshots: [], problems: [SnapshotProblem(path: folder, reason: .notAFile)])
        }
        let entries: [RepositoryTree.Entry]
        do {
            entries = try tree.entries(of: folder)
        } catch {
            throw .folderUnreadable(path: folder, reason: (error as NSError).localizedDescription)
        }
        var snapshots: [Snapshot] = []
        var problems: [SnapshotProblem] = []
        for entry in entries where entry.name.hasSuffix(".json") && entry.name != skipped.map({ $0 + ".json" }) {
            switch read(entry) {
            case let .success(workspace): snapshots.append(Snapshot(path: entry.path, workspace: workspace))
            case let .failure(reason): problems.append(SnapshotProblem(path: entry.path, reason: reason))
            }
        }
        return SnapshotHistory(snapshots: snapshots, problems: problems)
    }

    /// The latest snapshot other than the current certification's (see
    /// `SnapshotHistory.previous(excluding:)`), with the files skipped on the way.
    ///
    /// The file named after `certificationID` is not read: `previous(excluding:)` leaves it out
    /// whatever it holds, and it is the snapshot `phase-close` writes again. `phase-close 1` on
    /// the 100,000-commit repository of Benchmarks/RESULTS-scale.md read a 4,432,490-byte one
    /// for nothing after every new commit (eighteenth round).
    public func previous(excluding certificationID: String?) throws(SnapshotStoreError) -> SnapshotLookup {
        let history = try history(skipping: certificationID)
        return SnapshotLookup(snapshot: history.previous(excluding: certificationID), problems: history.problems)
    }

    private func read(_ entry: RepositoryTree.Entry) -> Result<Workspace, SnapshotProblem.Reason> {
        switch entry.kind {
        case .file: break
        case .badLink(.escapesRepository): return .failure(.linkOutsideRepository)
        case .badLink: return .failure(.brokenLink)
        case .directory, .other: return .failure(.notAFile)
        }
        let path = entry.realPath ?? tree.absolute(entry.path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(LocalizedText(message: "problem.file.cannot-open").en))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.sizeLimit + 1) ?? Data()
        } catch {
            return .failure(.unreadable((error as NSError).localizedDescription))
        }
        guard data.count <= Self.sizeLimit else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
            return .failure(.tooLarge(bytes: size ?? data.count, limit: Self.sizeLimit))
        }
        return SnapshotDecoding.workspace(from: data, phaseID: phaseID)
    }
}

/// The previous snapshot of a phase, if any, and the history files that could not be used.
public struct SnapshotLookup: Sendable, Equatable {
    /// `nil` when the phase has no earlier snapshot that could be read.
    public var snapshot: Snapshot?
    public var problems: [SnapshotProblem]

    public init(snapshot: Snapshot?, problems: [SnapshotProblem]) {
        self.snapshot = snapshot
        self.problems = problems
    }
}
