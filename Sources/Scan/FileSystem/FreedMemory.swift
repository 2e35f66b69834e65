import Foundation
#if canImport(CGlibcMalloc)
import CGlibcMalloc
#endif

/// Memory the process has freed, handed back to the system.
///
/// Why: glibc keeps what a thread frees in that thread's arena for its next allocations. The
/// scan works on every core, and what its stages built only for themselves (the facts' lookups
/// above all) stays resident after they are done, beside what the report stages build next. On
/// the 100,000 commits of Benchmarks/RESULTS-scale.md (seventeenth round), returning it once the
/// scan is over lowered the peak of a cold `scan --json` from 855–868 MB to 798–800 MB, in the
/// same time. Returned as well once the history is read, before the facts are worked out: what
/// reading it freed (the walk's commits, the workers' records) had stayed beside the facts'
/// lookups, at the cold scan's peak (twentieth round).
public enum FreedMemory {
    /// Returns every whole page that malloc holds free, in every arena; where glibc's malloc is
    /// not the allocator, does nothing.
    public static func giveBack() {
        #if canImport(CGlibcMalloc)
        _ = malloc_trim(0)
        #endif
    }

    /// Makes malloc map every block of `largeBlockBytes` or more on its own, and unmap it when
    /// freed, for the rest of the process; where glibc's malloc is not the allocator, does nothing.
    ///
    /// Why: by default glibc raises that threshold to the size of each large block freed (up to
    /// 32 MiB), after which the scan's large arrays (claims, findings, a history's commits) are
    /// carved out of the arenas, and what they leave free when the next stage starts stays
    /// resident: in a cold `scan --json` of 100,000 commits malloc held 313 MB free beside 126 MB
    /// in use once the facts were worked out. With a fixed 1 MiB, six runs of each alternating,
    /// that scan's peak was 560–578 MB against 612–632 MB in no more time, and `phase-close 1`
    /// after a new commit used 243–253 MB against 280–290 MB (Benchmarks/RESULTS-scale.md,
    /// twenty-third round).
    public static func mapLargeBlocks() {
        #if canImport(CGlibcMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, Int32(largeBlockBytes))
        #endif
    }

    /// Lets malloc keep one arena a processor (glibc's default is eight a processor), for the rest
    /// of the process; where glibc's malloc is not the allocator, does nothing.
    ///
    /// Why: each arena keeps what its threads freed for their next allocations, and the scan's
    /// threads outnumber the processors (history read, evidence, documents, the facts' workers).
    /// What they leave free between live blocks in many arenas stays resident: on the 100,000
    /// commits of Benchmarks/RESULTS-scale.md the cold scan's peak was 293,220–295,876 KB with
    /// two arenas (this machine's processors) against 306,508–314,360 KB, three runs each
    /// alternating, in no more system time, and
    /// `phase-close 1` after a new commit no slower (1.69–2.18 s against 1.75–2.09 s, six each;
    /// twenty-sixth round). No more threads run at once than there are processors.
    public static func limitArenas(to count: Int = ProcessInfo.processInfo.activeProcessorCount) {
        #if canImport(CGlibcMalloc)
        _ = mallopt(M_ARENA_MAX, Int32(clamping: max(1, count)))
        #endif
    }

    /// The size from which `mapLargeBlocks` has blocks mapped on their own.
    public static let largeBlockBytes = 1 << 20
}
