#ifndef UPGRADEDOCS_CFILESYSTEM_H
#define UPGRADEDOCS_CFILESYSTEM_H

/// Swaps two entries of one folder in a single atomic step: after it, each name
/// holds what the other held, and no reader ever sees either name missing.
/// Returns 0, or -1 with errno set (ENOSYS where the system cannot do it).
int upgradedocs_exchange(int folder, const char *first, const char *second);

/// Writes every change of the file system that holds `folder` to its disk, so that what is
/// exchanged next survives a power cut. Returns 0, or -1 with errno set.
int upgradedocs_syncfs(int folder);

#endif
