import Dispatch

/// Starts work on a thread of its own instead of one of the global queue's.
///
/// On Linux the global queue has one thread per core and does not add one while a thread waits:
/// the history read waiting on its worker processes, and the threads feeding and draining their
/// pipes, held both of a two-core machine's slots, and the task-folder listing the master list
/// waits for queued behind them for about a second. A serial queue of its own is served by a
/// thread of its own (libdispatch's over-committing pool). Also for work that runs beside a
/// `concurrentPerform` of the caller's, which would otherwise wait for that to finish.
public enum OwnThread {
    /// Runs `work` on its own thread as a member of `group`.
    public static func start(in group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
        DispatchQueue(label: "phasecert.own-thread").async(group: group, execute: work)
    }
}
