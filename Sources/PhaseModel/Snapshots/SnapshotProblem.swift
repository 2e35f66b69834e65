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

        /// The reason in words; a parser's detail stays as the parser wrote it, in English.
        public var message: LocalizedText {
            switch self {
            case let .invalidJSON(detail):
                LocalizedText(message: "problem.snapshot.invalid-json", ["detail": .text(detail)])
            case let .notAPhaseModel(detail):
                LocalizedText(message: "problem.snapshot.not-a-phase-model", ["detail": .text(detail)])
            case let .schemaVersion(found, expected):
                LocalizedText(message: "problem.snapshot.schema-version", ["found": .count(found), "expected": .count(expected)])
            case let .otherPhase(expected, found) where found.isEmpty:
                LocalizedText(message: "problem.snapshot.no-phase", ["expected": .text(expected)])
            case let .otherPhase(expected, found):
                LocalizedText(
                    message: "problem.snapshot.other-phase", ["expected": .text(expected), "found": .text(found.joined(separator: ", "))])
            case .linkOutsideRepository:
                LocalizedText(message: "problem.snapshot.link-outside-repository")
            case .brokenLink:
                LocalizedText(message: "problem.snapshot.broken-link")
            case .notAFile:
                LocalizedText(message: "problem.snapshot.not-a-file")
            case let .tooLarge(bytes, limit):
                LocalizedText(message: "problem.snapshot.too-large", ["bytes": .count(bytes), "limit": .count(limit)])
            case let .unreadable(detail):
                LocalizedText(message: "problem.snapshot.unreadable", ["detail": .text(detail)])
            }
        }

        /// The reason in English, as warnings print it.
        public var description: String { message.en }
    }

    /// `path: reason; snapshot skipped` for one file, and for the history folder itself (the
    /// store files it as `<reports>/.history/<phase-slug>`) a sentence saying that no snapshot
    /// of the phase was read: the form warnings are printed in. Reading only; whether the next
    /// snapshot can be written there is the writer's call (`WriteBoundary`), not this note's.
    public var message: LocalizedText {
        let arguments: [String: MessageArgument] = ["path": .text(path), "reason": .localized(reason.message)]
        return path.split(separator: "/").dropLast().last == ".history"
            ? LocalizedText(message: "problem.snapshot.none-read", arguments)
            : LocalizedText(message: "problem.snapshot.skipped", arguments)
    }

    /// The message in English, as warnings print it.
    public var description: String { message.en }
}
