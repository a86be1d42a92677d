import Glibc

/// A file as `stat` sees it: inode, size and modification time. Two equal stamps of a path mean
/// the same bytes, as `make` and `ninja` decide, unless a write came in the same tick of the file
/// system's clock (`SourceSnapshot.isSettled(before:)` guards that).
package struct FileStamp: Hashable, Sendable {
    package let inode: UInt64
    package let size: Int64
    /// In nanoseconds.
    package let modified: Int64

    package init(inode: UInt64, size: Int64, modified: Int64) {
        (self.inode, self.size, self.modified) = (inode, size, modified)
    }

    package init(_ info: stat) {
        self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: SourceSnapshot.modified(info))
    }
}
