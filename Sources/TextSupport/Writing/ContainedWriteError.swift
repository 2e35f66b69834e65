import Foundation
import PhaseModel

/// A write refused because it would leave the folder it is meant for.
public enum ContainedWriteError: UserFacingError, LocalizedError, Equatable {
    /// A symbolic link on the way (or the file itself) resolves outside the boundary.
    case linkLeavesBoundary(path: String, destination: String, boundary: String)
    /// A symbolic link on the way does not resolve (dangling or a loop), so where it leads is unknown.
    case brokenLink(path: String, destination: String)
    /// The target itself, by its path alone, is not inside the boundary.
    case outsideBoundary(path: String, boundary: String)

    /// Unwritable output, as for any file that cannot be written (docs/design/pipeline.md#errors-and-exit-codes).
    public var exitCode: Int32 { 3 }

    /// What was refused, in both languages; the boundary is named as `WriteBoundary` describes it.
    public var message: LocalizedText {
        switch self {
        case let .linkLeavesBoundary(path, destination, boundary):
            LocalizedText(
                message: "error.write.link-leaves-boundary",
                ["path": .text(path), "destination": .text(destination), "boundary": .text(boundary)])
        case let .brokenLink(path, destination):
            LocalizedText(message: "error.write.broken-link", ["path": .text(path), "destination": .text(destination)])
        case let .outsideBoundary(path, boundary):
            LocalizedText(message: "error.write.outside-boundary", ["path": .text(path), "boundary": .text(boundary)])
        }
    }

    /// The message in English, as errors are printed.
    public var description: String { message.en }

    /// The same text where the error is shown through Foundation (`localizedDescription`).
    public var errorDescription: String? { description }
}
