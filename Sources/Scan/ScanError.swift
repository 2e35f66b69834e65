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

    /// The error in the catalogs' words; the terminal shows it in English.
    public var text: LocalizedText {
        switch self {
        case let .masterListUnreadable(path, reason):
            LocalizedText(message: "error.scan.master-list-unreadable", ["path": .text(path), "reason": .text(reason)])
        case let .repositoryMissing(path):
            LocalizedText(message: "error.scan.repository-missing", ["path": .text(path)])
        case let .gitUnreadable(path, reason):
            LocalizedText(message: "error.scan.git-unreadable", ["path": .text(path), "reason": .text(reason)])
        }
    }

    public var description: String { text.en }
}
