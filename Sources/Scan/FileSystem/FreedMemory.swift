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
}
