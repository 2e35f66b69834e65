import PhaseModel

/// The position of each of a history's commits (newest first), looked up by id, beside the ids
/// sorted for finding an abbreviated one.
///
/// Why not a dictionary by id: one of 100,000 ids was 6.3 MB of the heap at a cold scan's peak
/// (Benchmarks/RESULTS-scale.md, twenty-fifth round), while the sorted ids the facts keep anyway
/// and a position for each (four bytes) answer the same question by a binary search.
struct CommitPositions: Sendable {
    /// The ids, lower-cased and sorted (`HistoryIndices.sortedIDs(in:)`).
    let sortedIDs: [String]
    /// The commits' positions, as `sortedIDs` lists them; `nil` when the ids are not all in
    /// lower-case hexadecimal (as git writes them), and `byID` answers instead.
    private let positions: [Int32]?
    private let byID: [String: Int]

    init(of history: History) {
        if let sorted = Self.sortedHexPositions(of: history.commits) {
            sortedIDs = sorted.map { history.commits[Int($0)].id }
            positions = sorted
            byID = [:]
        } else {
            sortedIDs = HistoryIndices.sortedIDs(in: history)
            positions = nil
            var byID: [String: Int] = [:]
            byID.reserveCapacity(history.commits.count)
            for index in history.commits.indices where byID[history.commits[index].id] == nil {
                byID[history.commits[index].id] = index
            }
            self.byID = byID
        }
    }

    /// The position of the commit `id` (a full id, as the history writes it); the first, should
    /// the history list one twice; `nil` when no commit has it.
    func position(of id: String) -> Int? {
        guard let positions else { return byID[id] }
        var index = firstID(notBelow: id)
        var found: Int?
        while index < sortedIDs.count, sortedIDs[index] == id {
            found = min(found ?? Int.max, Int(positions[index]))
            index += 1
        }
        return found
    }

    /// The ids (at most two) that start with the lower-cased `prefix`.
    func ids(withPrefix prefix: String) -> [String] {
        guard !prefix.isEmpty else { return [] }
        return Array(sortedIDs[firstID(notBelow: prefix)...].prefix { $0.hasPrefix(prefix) }.prefix(2))
    }

    /// The index of the first of `sortedIDs` not below `text`. Plain text order is the order
    /// they are sorted in: sorting lower-case hexadecimal by its first sixteen digits as a number,
    /// then by its text, orders it as its text.
    private func firstID(notBelow text: String) -> Int {
        var low = 0
        var high = sortedIDs.count
        while low < high {
            let middle = (low + high) / 2
            if sortedIDs[middle] < text { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first sixteen digits of a lower-case hexadecimal id as one number; `nil` for any other text.
    static func key(of id: String) -> UInt64? {
        var key: UInt64 = 0
        var digits = 0
        for byte in id.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digits < 16 { key |= UInt64(value) << (60 - 4 * digits) }
            digits += 1
        }
        return key
    }

    /// The commits' positions in the order of their ids, when every id is in lower-case
    /// hexadecimal; `nil` otherwise. Why by number: sorting 100,000 ids as strings was a sixth of
    /// the history's indices after a new commit (Benchmarks/RESULTS-scale.md, twentieth round).
    static func sortedHexPositions(of commits: [GitCommit]) -> [Int32]? {
        struct Entry {
            var key: UInt64
            var position: Int32
        }
        var entries: [Entry] = []
        entries.reserveCapacity(commits.count)
        for position in commits.indices {
            guard let key = key(of: commits[position].id) else { return nil }
            entries.append(Entry(key: key, position: Int32(position)))
        }
        entries.sort { left, right in
            left.key != right.key
                ? left.key < right.key : commits[Int(left.position)].id < commits[Int(right.position)].id
        }
        return entries.map(\.position)
    }
}
