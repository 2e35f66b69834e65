#ifndef PHASECERT_CGLIBCMALLOC_SHIM_H
#define PHASECERT_CGLIBCMALLOC_SHIM_H
// glibc's malloc.h (malloc_trim), which Swift's Glibc module does not include.
#include <malloc.h>
#endif
