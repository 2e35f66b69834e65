import Foundation
import PhaseModel

/// The repository-relative paths one scan looked at through its `RepositoryTree`: every file it
/// read, every folder it listed, every path it asked about, whether or not something was there.
///
/// A scan's output is a function of what is at those paths (and of the history and the
/// configuration): a folder's signature changes when an entry is added to it or removed, a file's
/// when it is written, so signatures of these paths tell a work tree the output still describes
/// from one it no longer does (`ScanOutputCache`). Shared by the threads of one scan.
public final class PathLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()

    public init() {}

    /// Notes that `path` was looked at.
    func note(_ path: String) {
        lock.withLock { _ = seen.insert(path) }
    }

    /// Every path noted so far, in byte order.
    public var paths: [String] {
        lock.withLock { seen.sorted { $0.precedesInByteOrder($1) } }
    }
}
