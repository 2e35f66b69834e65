import Foundation
import PhaseModel

/// Writes a file so that a reader sees the old bytes or the new ones, never a half-written file,
/// and never through a symbolic link that leaves the folder it is meant for: the report writers' name
/// for `ContainedFile`, which every phasecert writer goes through (see `WriteBoundary` for the rule).
public enum AtomicFile {
    /// Writes `data` to `path` inside `boundary`, creating missing parent folders.
    /// - Throws: `ContainedWriteError` (exit code 3) for a link out of the boundary, else the write's error.
    public static func write(_ data: Data, to path: String, within boundary: WriteBoundary) throws {
        try ContainedFile.write(data, to: path, within: boundary)
    }

    /// Writes `data` to `path` with the file's own folder as the boundary: only the file itself
    /// is checked, so a caller that knows the repository or output folder passes it instead.
    public static func write(_ data: Data, to path: String) throws {
        let folder = (WriteBoundary.normalized(path) as NSString).deletingLastPathComponent
        let boundary = WriteBoundary(root: folder, name: LocalizedText(message: "error.write.boundary.own-folder").en)
        try ContainedFile.write(data, to: path, within: boundary)
    }
}
