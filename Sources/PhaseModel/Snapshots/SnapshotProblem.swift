/// A file in a phase's history folder that was not used, and why; shown to the user rather than
/// dropped, so a damaged history is noticed instead of silently comparing against an older state.
public struct SnapshotProblem: Sendable, Equatable, CustomStringConvertible {
    /// Repository-relative path of the file (or of the history folder itself).
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Why a snapshot was skipped.
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        /// The bytes are not JSON; the detail says where parsing stopped.
        case invalidJSON(String)
        /// JSON, but not the phase model; the detail names the key or value that did not fit.
        case notAPhaseModel(String)
        /// Written by a phasecert whose model has another shape.
        case schemaVersion(found: Int, expected: Int)
        /// A phase model, but not of exactly the phase whose history it is filed under.
        case otherPhase(expected: String, found: [String])
        /// A symbolic link whose target is outside the repository; never read.
        case linkOutsideRepository
        /// A symbolic link that does not resolve or resolves in a loop.
        case brokenLink
        /// A folder or special file with a `.json` name.
        case notAFile
        case tooLarge(bytes: Int, limit: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case let .invalidJSON(detail):
                "not valid JSON (\(detail))"
            case let .notAPhaseModel(detail):
                "not a phasecert phase model (\(detail))"
            case let .schemaVersion(found, expected):
                "schemaVersion \(found), but this phasecert reads schemaVersion \(expected)"
            case let .otherPhase(expected, found) where found.isEmpty:
                "holds no phase, expected phase \(expected)"
            case let .otherPhase(expected, found):
                "holds phase \(found.joined(separator: ", ")), expected phase \(expected) alone"
            case .linkOutsideRepository:
                "leads outside the repository through a symbolic link; not followed"
            case .brokenLink:
                "a symbolic link that does not resolve"
            case .notAFile:
                "not a regular file"
            case let .tooLarge(bytes, limit):
                "\(bytes) bytes, more than the \(limit) read for a snapshot"
            case let .unreadable(detail):
                "cannot be read (\(detail))"
            }
        }
    }

    /// `path: reason; snapshot skipped` for one file, and for the history folder itself (the
    /// store files it as `<reports>/.history/<phase-slug>`) a sentence saying that no snapshot
    /// of the phase was read: the form warnings are printed in. Reading only; whether the next
    /// snapshot can be written there is the writer's call (`WriteBoundary`), not this note's.
    public var description: String {
        let parent = path.split(separator: "/").dropLast().last
        let outcome = parent == ".history" ? "no earlier snapshot of the phase was read" : "snapshot skipped"
        return "\(path): \(reason); \(outcome)"
    }
}
