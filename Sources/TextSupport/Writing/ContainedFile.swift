import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way phasecert writes a file: inside a `WriteBoundary`, and atomically.
///
/// The target is checked against the boundary first (`ContainedWriteError` when a symbolic link
/// on the way leads out). The bytes then go to a temporary file in the target's folder, named
/// by `TemporaryFileName`, which is renamed over the target: a reader, or a run killed at any
/// point, sees the old file or the new one, never a half-written one. Before writing, the
/// temporary files that killed writers left in that folder are removed (`StaleTemporaryFiles`).
public enum ContainedFile {
    /// Writes `data` to `path`, creating missing parent folders.
    public static func write(_ data: Data, to path: String, within boundary: WriteBoundary) throws {
        try write(to: path, within: boundary) { descriptor in
            try data.withUnsafeBytes { buffer in try write(buffer, to: descriptor) }
        }
    }

    /// Writes the file at `path` with `fill`, which receives the open temporary file's
    /// descriptor and writes the whole contents to it (in pieces, for a file not held whole).
    /// When `fill` throws, the target is left as it was.
    public static func write(to path: String, within boundary: WriteBoundary, fill: (Int32) throws -> Void) throws {
        // The checked, normalized path is the one written, so no `..` can lead elsewhere.
        let target = try boundary.check(path)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        StaleTemporaryFiles.remove(in: folder)
        let temporary = folder + "/" + TemporaryFileName(target: (target as NSString).lastPathComponent).description
        // O_EXCL and O_NOFOLLOW: a name that exists already, even as a link, is never written through.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw WriteFailure(path: temporary, code: errno) }
        do {
            try fill(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let failure = WriteFailure(path: temporary, code: errno)
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, target) == 0 else {
            let failure = WriteFailure(path: target, code: errno)
            unlink(temporary)
            throw failure
        }
    }

    /// Writes all of `buffer` to `descriptor`, resuming after short writes and interruptions.
    public static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw WriteFailure(path: "", code: count < 0 ? errno : EIO) }
            offset += count
        }
    }

    /// A system call that failed while writing: the file it was about and the system's reason
    /// (the description is the reason alone, since callers name the target themselves).
    public struct WriteFailure: Error, LocalizedError, CustomStringConvertible, Sendable {
        public var path: String
        public var code: Int32

        public var description: String { String(cString: strerror(code)) }

        public var errorDescription: String? { description }
    }
}
