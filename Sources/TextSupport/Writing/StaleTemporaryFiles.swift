import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files that writers killed mid-write (`kill -9`, a crash, a power cut)
/// left in a folder, so they neither pile up nor get committed with the reports.
///
/// Only regular files whose name is exactly a `TemporaryFileName` are candidates, and one is
/// removed only when its writer is gone: no process has the id in its name, or the file has
/// not changed for `abandonedAfter` (the id may since have been reused by an unrelated process;
/// no phasecert write takes that long). A live writer's file, in this process or another, is
/// kept. Writers on another machine or in another process namespace sharing the folder cannot
/// be seen; such a writer's rename would fail and say so, nothing would be half-written.
public enum StaleTemporaryFiles {
    /// How long a file whose process id is taken must sit unchanged before it counts as abandoned.
    public static let abandonedAfter: TimeInterval = 60 * 60

    /// Removes the stale temporary files in `folder` and returns their names. Errors (a folder
    /// that cannot be listed, a file that cannot be removed) are passed over: tidying up never
    /// stops a write.
    @discardableResult
    public static func remove(
        in folder: String, now: Date = Date(), isRunning: (Int32) -> Bool = StaleTemporaryFiles.isRunning
    ) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let parsed = TemporaryFileName(parsing: name) else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
            guard !isRunning(parsed.processID) || now.timeIntervalSince(modified) > abandonedAfter else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Whether a process with `id` exists (one of another user counts: it cannot be signalled, but it is there).
    public static func isRunning(_ id: Int32) -> Bool {
        guard id > 0 else { return false }
        return kill(id, 0) == 0 || errno == EPERM
    }
}
