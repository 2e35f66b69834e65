import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a path, links followed, as far as telling a changed file from the same
/// one goes: device and inode, type and permissions, size, and the modification and status-change
/// times to the nanosecond; or that nothing is there. Two equal signatures are taken for the
/// same content, as git's index takes them.
struct FileSignature: Sendable, Hashable {
    /// `nil` when `stat` fails: nothing there, or nothing that can be examined.
    let fields: [Int]?

    /// The signature of the file at `absolutePath` now.
    init(absolutePath: String) {
        var info = stat()
        guard stat(absolutePath, &info) == 0 else {
            fields = nil
            return
        }
        fields = [
            Int(info.st_dev), Int(info.st_ino), Int(info.st_mode), Int(info.st_size),
            Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec),
        ]
    }

    private init(fields: [Int]?) {
        self.fields = fields
    }

    /// Whether the path names a folder, links followed; `nil` when nothing is there. Anything
    /// else there (a file, a FIFO) is not a folder, as `RepositoryTree.isFile` has it.
    var isDirectory: Bool? {
        fields.map { mode_t(truncatingIfNeeded: $0[2]) & S_IFMT == S_IFDIR }
    }

    /// How long before a run a path's last change must be for its signature to vouch for what the
    /// run read there: a change within the file system's timestamp granularity could leave the
    /// signature as it was (git's "racy" files).
    static let racyWindow = 2.0

    /// Whether the path changed within `racyWindow` of a run that began at `start` (seconds since
    /// 1970), or after it began: what the run read there may not be what the signature describes.
    func isRacy(forRunStartedAt start: Double) -> Bool {
        (newestChange ?? 0) >= start - Self.racyWindow
    }

    /// The newest of the modification and status-change times, in seconds; `nil` when nothing is there.
    var newestChange: Double? {
        guard let fields else { return nil }
        return max(Double(fields[4]) + Double(fields[5]) / 1e9, Double(fields[6]) + Double(fields[7]) / 1e9)
    }

    /// The fields separated by `:`, or `-` for nothing there.
    var text: String {
        fields.map { $0.map(String.init).joined(separator: ":") } ?? "-"
    }

    /// The signature `text` wrote; `nil` when it is not one.
    init?(text: Substring) {
        if text == "-" {
            self.init(fields: nil)
            return
        }
        let fields = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 8, fields.allSatisfy({ $0 != nil }) else { return nil }
        self.init(fields: fields.compactMap { $0 })
    }
}
