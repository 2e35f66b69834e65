/// The readable snapshots of one phase, oldest first, and the files that were skipped.
public struct SnapshotHistory: Sendable, Equatable {
    /// Snapshots from oldest to latest, in `isEarlier` order.
    public var snapshots: [Snapshot]
    /// Files that were not used, in file-name order.
    public var problems: [SnapshotProblem]

    /// Sorts `snapshots` oldest first.
    public init(snapshots: [Snapshot], problems: [SnapshotProblem]) {
        self.snapshots = snapshots.sorted(by: Self.isEarlier)
        self.problems = problems
    }

    /// The latest snapshot other than the current certification's: what "before" means in the
    /// next report. A snapshot counts as the current one when its file is named after
    /// `certificationID` or it records that certification; `nil` excludes nothing.
    public func previous(excluding certificationID: String?) -> Snapshot? {
        snapshots.last { snapshot in
            guard let certificationID else { return true }
            return snapshot.fileStem != certificationID && snapshot.certificationID != certificationID
        }
    }

    /// Whether `lhs` was taken before `rhs`.
    ///
    /// First by the number of commits reachable from HEAD (`git.commits`): history on a branch
    /// only grows, so more commits is later, whatever the clocks said. A snapshot without git
    /// history sorts before any with it. Then by the certification date (`yyyy-MM-dd`, which sorts
    /// as text; a missing date first), since two closes on one commit can only differ by date.
    /// Last by file name in byte order, so the order never depends on the listing order.
    public static func isEarlier(_ lhs: Snapshot, _ rhs: Snapshot) -> Bool {
        let left = (lhs.workspace.git?.commits ?? -1, lhs.workspace.phases.first?.certification?.date ?? "")
        let right = (rhs.workspace.git?.commits ?? -1, rhs.workspace.phases.first?.certification?.date ?? "")
        if left.0 != right.0 { return left.0 < right.0 }
        if left.1 != right.1 { return left.1 < right.1 }
        return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8)
    }
}
