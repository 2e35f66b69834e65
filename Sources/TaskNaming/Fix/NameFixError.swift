import PhaseModel

/// Input `check-names --fix` cannot work without.
public enum NameFixError: UserFacingError, Equatable {
    /// The git repository around the folder cannot be read.
    case gitUnreadable(String, String)

    public var exitCode: Int32 { 3 }

    public var description: String {
        switch self {
        case let .gitUnreadable(path, reason):
            LocalizedText(message: "error.names.git-unreadable", ["path": .text(path), "reason": .text(reason)]).en
        }
    }
}
