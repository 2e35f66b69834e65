import PhaseModel

/// Input the scan cannot go on without.
public enum ScanError: UserFacingError, Equatable {
    /// The configured master list does not exist or cannot be read as text.
    case masterListUnreadable(path: String, reason: String)
    /// The repository folder does not exist.
    case repositoryMissing(path: String)
    /// The git repository exists but cannot be opened or its HEAD cannot be read.
    case gitUnreadable(path: String, reason: String)

    public var exitCode: Int32 { 3 }

    public var description: String {
        switch self {
        case let .masterListUnreadable(path, reason):
            "\(path): master list cannot be read (\(reason)); fix the file or tasks.masterList in phasecert.yml"
        case let .repositoryMissing(path):
            "\(path): no such folder; --repo expects the path of a repository"
        case let .gitUnreadable(path, reason):
            "\(path): the git repository cannot be read (\(reason))"
        }
    }
}
