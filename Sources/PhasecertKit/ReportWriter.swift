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
        let boundary = try checkTargets(of: files.map(\.path), in: folder, repository: repository)
        for file in files {
            let path = folder + "/" + file.path
            // Most of a report set is unchanged between runs: replacing a file by the same bytes
            // would cost a new inode each, which on a set of thousands costs more than rendering.
            // Its modification time is still set to now, since CI steps (the GitHub Action) take
            // the files modified since the run started to be the ones it wrote.
            // A file read back from the folder (`isOnDisk`) was checked against its digest moments
            // ago, and was read a second time here to be compared: writing the reports of
            // `phase-close 1` after a new commit, on one core at the end of the run, was 42 samples of
            // its profile (Benchmarks/RESULTS-scale.md, thirtieth round). Its size still has to match.
            if file.isOnDisk ? isRegularFile(path, size: file.contents.count) : holds(path, file.contents), utimes(path, nil) == 0 {
                continue
            }
            do {
                try AtomicFile.write(Data(file.contents), to: path, within: boundary)
            } catch let error as ContainedWriteError {
                throw error
            } catch {
                throw ReportWriteError(path: path, reason: "\(error.localizedDescription)")
            }
        }
    }

    /// Sets the modification time of the reports at `paths` under `folder` to now, as `write` does
    /// for a file that already holds its bytes: they are this run's reports.
    public static func touch(_ paths: [String], in folder: String, repository: String) throws {
        try checkTargets(of: paths, in: folder, repository: repository)
        for path in paths { utimes(folder + "/" + path, nil) }
    }

    /// Whether `path` is a regular file (not a link) of `size` bytes whose SHA-256 is `digest`.
    static func holds(_ path: String, size: Int, digest: String) -> Bool {
        contents(of: path, size: size, digest: digest) != nil
    }

    /// The bytes of `path` when it is a regular file (not a link) of `size` bytes whose SHA-256
    /// is `digest`; else `nil`.
    static func contents(of path: String, size: Int, digest: String) -> Data? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size,
            let existing = FileManager.default.contents(atPath: path), ContentDigest.sha256Hex(of: existing) == digest
        else { return nil }
        return existing
    }

    /// Whether `path` is a regular file (not a link) of `size` bytes.
    static func isRegularFile(_ path: String, size: Int) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) == size
    }

    /// Whether `path` is a regular file (not a link) holding exactly `contents`.
    static func holds(_ path: String, _ contents: [UInt8]) -> Bool {
        guard isRegularFile(path, size: contents.count), let existing = FileManager.default.contents(atPath: path) else { return false }
        // `Data` compares its storage at once; `elementsEqual` would step its iterator byte by byte.
        return existing == Data(contents)
    }

    /// The boundary the files at `paths` are written within, once each target has passed it: the repository
    /// when `folder` lies in it, else `folder` (see `WriteBoundary`). A dry run calls this too,
    /// so it does not promise a write the real run would refuse.
    /// - Throws: `ContainedWriteError` (exit code 3) for the first target a link would send elsewhere.
    @discardableResult
    public static func checkTargets(of paths: [String], in folder: String, repository: String) throws(ContainedWriteError) -> WriteBoundary {
        let boundary = WriteBoundary.enclosing(folder, repository: repository)
        for path in paths { try boundary.check(folder + "/" + path) }
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
