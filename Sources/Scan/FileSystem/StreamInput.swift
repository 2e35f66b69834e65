import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input named on the command line that is not a regular file: a pipe from process substitution
/// (`evidence <(go test -json ./...)`), a named FIFO, a character device.
///
/// Such input can be read once only, and opening a FIFO nobody writes to waits forever. So it is opened
/// without waiting for a writer (a FIFO without one reads as empty) and copied once to a temporary file,
/// which every later step (sniffing the head, then parsing) reads like any other file.
public enum StreamInput {
    /// Whether `path` exists and is neither a regular file nor a folder (links followed).
    public static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Opens `path` for reading without waiting for a writer, then switches back to blocking reads so that
    /// a writer that is there is read to its end.
    public static func open(_ path: String) -> FileHandle? {
        #if canImport(Glibc)
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        #else
        let descriptor = Darwin.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else { return nil }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Copies the stream at `path` to a new temporary file, at most `limit` bytes; `nil` when it cannot be
    /// opened or read, or holds more than `limit`. The caller removes the file.
    public static func spool(_ path: String, limit: Int = 1 << 30) -> URL? {
        guard let input = open(path) else { return nil }
        defer { try? input.close() }
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("phasecert-input-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: target.path, contents: nil),
            let output = FileHandle(forWritingAtPath: target.path)
        else { return nil }
        defer { try? output.close() }
        var total = 0
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                total += chunk.count
                guard total <= limit else { throw CocoaError(.fileReadTooLarge) }
                try output.write(contentsOf: chunk)
            }
        } catch {
            try? FileManager.default.removeItem(at: target)
            return nil
        }
        return target
    }
}
