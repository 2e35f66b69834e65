/// How much of a repository's packs one kind of reading has libgit2 map at most: a share of the
/// packs' bytes, in whole MiB, no less than a floor and no more than eight times it.
///
/// Why: every page libgit2 reads of a pack stays resident while its window is mapped, and a
/// reading that goes all over the pack (counting changes, looking files up at past commits) maps
/// and unmaps windows in turn when its limit is a small part of the pack: each `munmap` is made
/// holding libgit2's one lock on all windows, and the other cores running the process flush their
/// address translations for it. A fixed limit is a smaller part of a larger history's pack, so
/// that work grew faster than the history: on the 200,000 commits of Benchmarks/RESULTS-scale.md
/// (a 650 MB pack) the cold scan spent 29.2–29.8 s of system time with the limits of 100,000
/// commits, and 21.3–24.5 s with them doubled, at the same peak (twenty-seventh round). The floors
/// are the limits measured on 100,000 commits (a 327 MB pack, for which the shares give no more
/// than the floors); the ceilings keep a pack of several gigabytes from being mapped a worker
/// process a gigabyte and more each (the workers' ceiling is the 1 GiB they mapped before the
/// twenty-sixth round).
struct PackShare: Sendable, Equatable {
    /// The least mapped, whatever the packs' size; eight times it is the most.
    var floor: Int64
    /// The part of the packs' bytes mapped when that is more than `floor`, in thousandths.
    var perMille: Int64

    /// What is mapped for packs of `packs` bytes: whole MiB, since libgit2 places a window at a
    /// multiple of half its size, which `mmap` needs to be a multiple of the page size.
    func bytes(ofPacks packs: Int64) -> Int64 {
        let share = min(max(0, packs), Self.largestPack) / 1_000 * perMille
        return min(ceiling, max(floor, share / Self.mebibyte * Self.mebibyte))
    }

    /// The most mapped, whatever the packs' size.
    var ceiling: Int64 { floor * 8 }

    /// Beyond this the share is the ceiling anyway; it keeps the product from overflowing.
    private static let largestPack: Int64 = 1 << 50

    private static let mebibyte: Int64 = 1 << 20

    /// A worker process counting changes (`GitRepository.prepareForStatsWorker`).
    static let worker = PackShare(floor: 128 * mebibyte, perMille: 400)
    /// The claims' facts looking files up (`GitRepository.prepareForLookups`).
    static let lookups = PackShare(floor: 24 * mebibyte, perMille: 75)
    /// The size of the windows the look-ups map: a third of what they map.
    static let lookupWindow = PackShare(floor: 8 * mebibyte, perMille: 25)
}
