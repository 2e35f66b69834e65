import Foundation

/// Writes a file so that a reader sees the old bytes or the new ones, never a half-written file:
/// the data goes to a temporary file in the same folder, which is then renamed over the target
/// (a rename within one file system is atomic on POSIX). A failed write leaves the old file.
public enum AtomicFile {
    /// Writes `data` to `path`, creating missing parent folders.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Hidden and unique, so neither a glob over the folder nor a concurrent writer picks it up.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, "reason": String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
