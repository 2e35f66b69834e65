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

    /// What is wrong, in both languages.
    public var message: LocalizedText {
        switch self {
        case let .reportsFolderOutsideRepository(folder):
            LocalizedText(message: "error.snapshot.reports-folder-outside-repository", ["folder": .text(folder)])
        case let .folderUnreadable(path, reason):
            LocalizedText(message: "error.snapshot.history-folder-unreadable", ["path": .text(path), "reason": .text(reason)])
        }
    }

    /// The message in English, as errors are printed.
    public var description: String { message.en }
}
