// renameat2, RENAME_EXCHANGE and syncfs are GNU extensions that Swift's Glibc
// module does not expose; these two functions are the only C the output needs.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "CFileSystem.h"

int upgradedocs_exchange(int folder, const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(folder, first, folder, second, RENAME_EXCHANGE);
#else
    (void)folder; (void)first; (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

int upgradedocs_syncfs(int folder) {
#if defined(__linux__)
    return syncfs(folder);
#else
    (void)folder;
    errno = ENOSYS;
    return -1;
#endif
}
