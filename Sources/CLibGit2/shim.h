#ifndef PHASECERT_CLIBGIT2_SHIM_H
#define PHASECERT_CLIBGIT2_SHIM_H
#include <git2.h>

// git_libgit2_opts is C-variadic, which Swift cannot call: one inline function per option.
static inline int phasecert_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
#endif
