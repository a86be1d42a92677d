// renameat2 and RENAME_EXCHANGE are GNU extensions that Swift's Glibc module does
// not expose; this one function is the only C the output needs.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "CFileSystem.h"

#if defined(__APPLE__)
#include <sys/attr.h>
#endif

int upgradedocs_exchange(int folder, const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(folder, first, folder, second, RENAME_EXCHANGE);
#elif defined(__APPLE__)
    return renameatx_np(folder, first, folder, second, RENAME_SWAP);
#else
    (void)folder; (void)first; (void)second;
    errno = ENOSYS;
    return -1;
#endif
}
