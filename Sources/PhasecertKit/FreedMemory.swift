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
/// same time.
enum FreedMemory {
    /// Returns every whole page that malloc holds free, in every arena; where glibc's malloc is
    /// not the allocator, does nothing.
    static func giveBack() {
        #if canImport(CGlibcMalloc)
        _ = malloc_trim(0)
        #endif
    }
}
