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

    public var description: String {
        switch self {
        case let .linkLeavesBoundary(path, destination, boundary):
            "\(path): a symbolic link to \(destination), outside \(boundary); phasecert does not write through it"
        case let .brokenLink(path, destination):
            "\(path): a symbolic link to \(destination) that does not resolve; phasecert does not write through it"
        case let .outsideBoundary(path, boundary):
            "\(path): not inside \(boundary); phasecert does not write there"
        }
    }

    /// The same text where the error is shown through Foundation (`localizedDescription`).
    public var errorDescription: String? { description }
}
