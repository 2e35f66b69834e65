/// Why a phase's history cannot be looked at all (as opposed to one bad snapshot, which is a
/// `SnapshotProblem`).
public enum SnapshotStoreError: UserFacingError, Equatable {
    /// `reports.folder` is absolute or climbs out with `..`; history is read only inside the repository.
    case reportsFolderOutsideRepository(String)
    /// The history folder exists but cannot be listed.
    case folderUnreadable(path: String, reason: String)

    public var exitCode: Int32 {
        switch self {
        case .reportsFolderOutsideRepository: 2
        case .folderUnreadable: 3
        }
    }

    public var description: String {
        switch self {
        case let .reportsFolderOutsideRepository(folder):
            "reports.folder \"\(folder)\" is not inside the repository; use a relative path without \"..\" in phasecert.yml"
        case let .folderUnreadable(path, reason):
            "\(path): the history folder cannot be listed (\(reason))"
        }
    }
}
