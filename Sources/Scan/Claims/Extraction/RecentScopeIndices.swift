/// The path indices (`PathSuffixIndex`) of the few scopes whose claims were worked on last.
///
/// Why not every scope's: a lookup kept the files of each task and phase it met until the facts
/// were done. In a cold scan of the 100,000 commits of Benchmarks/RESULTS-scale.md the two
/// lookups held 216 of them, 131,168 paths by 559,094 trailing runs, 18.8 MB of the heap at the
/// scan's peak (twenty-fifth round), each built once and most used by one run of claims: claims
/// come in document order, so a scope's claims come together. With the last four kept, that
/// scan's peak was 417,560 and 419,684 KB against 430,320 and 432,192 KB, in the same time.
struct RecentScopeIndices {
    /// How many scopes' indices are kept.
    let capacity: Int
    /// Most recently used last.
    private var entries: [(scope: ClaimScope, index: PathSuffixIndex)] = []

    init(capacity: Int = 4) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// The index of `scope`, if kept; it becomes the most recently used.
    mutating func index(of scope: ClaimScope) -> PathSuffixIndex? {
        guard let position = entries.lastIndex(where: { $0.scope == scope }) else { return nil }
        let entry = entries.remove(at: position)
        entries.append(entry)
        return entry.index
    }

    /// Keeps `index` as `scope`'s, dropping the least recently used beyond `capacity`.
    mutating func keep(_ index: PathSuffixIndex, for scope: ClaimScope) {
        entries.removeAll { $0.scope == scope }
        if entries.count == capacity { entries.removeFirst() }
        entries.append((scope, index))
    }

    /// The scopes kept, least recently used first.
    var scopes: [ClaimScope] { entries.map(\.scope) }
}
