import Foundation
import PhaseModel
import Render
import Scan
import TextSupport

/// Writes rendered report files under a folder. Everything is rendered before this is called,
/// so a template error leaves the old reports as they were; each file is replaced atomically.
public enum ReportWriter {
    /// Writes `files` under `folder`. Every target is checked before the first is written, so a
    /// symbolic link out of the repository (or of an `--out` folder elsewhere) stops the run with
    /// nothing written.
    public static func write(_ files: [ReportFile], to folder: String, repository: String) throws {
        let boundary = try checkTargets(of: files, in: folder, repository: repository)
        for file in files {
            let path = folder + "/" + file.path
            do {
                try AtomicFile.write(Data(file.contents), to: path, within: boundary)
            } catch let error as ContainedWriteError {
                throw error
            } catch {
                throw ReportWriteError(path: path, reason: "\(error.localizedDescription)")
            }
        }
    }

    /// The boundary `files` are written within, once each target has passed it: the repository
    /// when `folder` lies in it, else `folder` (see `WriteBoundary`). A dry run calls this too,
    /// so it does not promise a write the real run would refuse.
    /// - Throws: `ContainedWriteError` (exit code 3) for the first target a link would send elsewhere.
    @discardableResult
    public static func checkTargets(of files: [ReportFile], in folder: String, repository: String) throws(ContainedWriteError) -> WriteBoundary {
        let boundary = WriteBoundary.enclosing(folder, repository: repository)
        for file in files { try boundary.check(folder + "/" + file.path) }
        return boundary
    }
}

/// A report file that could not be written.
public struct ReportWriteError: UserFacingError {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var exitCode: Int32 { 3 }
    public var description: String { "\(path): cannot write: \(reason)" }
}
