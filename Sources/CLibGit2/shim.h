#ifndef PHASECERT_CLIBGIT2_SHIM_H
#define PHASECERT_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

// git_libgit2_opts is C-variadic, which Swift cannot call: one inline function per option.
static inline int phasecert_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int phasecert_git_set_cache_max_size(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}

static inline int phasecert_git_set_mwindow_mapped_limit(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)bytes);
}

static inline int phasecert_git_set_mwindow_size(long long bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)bytes);
}

// inflateInit is a macro; Swift sees only the function behind it.
static inline int phasecert_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}

// An object-database backend with room for phasecert's own context after libgit2's part.
typedef struct {
    git_odb_backend parent;
    void *context;
} phasecert_guarded_backend;
#endif
