import Dispatch
import Foundation
import PhaseModel

/// Cache files written while the scan goes on, each on a thread of its own, and waited for before
/// the scan returns, so that a run leaves the same files as when it wrote them in line.
///
/// Why: on the 100,000 commits of Benchmarks/RESULTS-scale.md (fourteenth round), writing the
/// history cache (43 MB) and the kept facts held up everything after them for about half a
/// second each, one core working and the other idle.
final class BackgroundWrites: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// What each write started so far said of itself (`nil`: written), in the order started.
    private var notes: [String?] = []

    /// Starts `write`, which returns a note for the user when the file could not be written.
    func start(_ write: @escaping @Sendable () -> String?) {
        let slot = lock.withLock {
            notes.append(nil)
            return notes.count - 1
        }
        OwnThread.start(in: group) { [self] in
            let note = write()
            lock.withLock { notes[slot] = note }
        }
    }

    /// Waits for every write started, and returns their notes in the order they were started.
    func finish() -> [String] {
        group.wait()
        return lock.withLock { notes.compactMap(\.self) }
    }
}
