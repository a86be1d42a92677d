import Foundation
import UpgradeBase
import Glibc

/// One build at a time for an output folder: an exclusive `flock` on the file
/// `.NAME.upgradedocs-lock` beside it, there only while a build runs. The lock
/// sits outside the folder because the folder itself is swapped for a new one; a
/// lock inside would move with it. The system drops the lock when the process
/// ends, however it ends.
final class OutputLock: Sendable {
    private let descriptor: Locked<Int32?>
    private let parent: Folder
    private let name: String

    private init(descriptor: Int32, parent: Folder, name: String) {
        self.descriptor = Locked(descriptor)
        self.parent = parent
        self.name = name
    }

    deinit { release() }

    /// Ends the build's hold; a second call does nothing. The file goes while the lock is
    /// still held, so a build that was waiting on it sees that its file is no longer the
    /// one at the path, and opens the new one.
    func release() {
        descriptor.withLock { descriptor in
            guard let held = descriptor else { return }
            unlinkat(parent.descriptor, name, 0)
            close(held)
            descriptor = nil
        }
    }

    /// Takes the lock, waiting up to `wait` seconds for another build to finish.
    static func acquire(in parent: Folder, for name: String, wait: Double) throws(DiagnosticError) -> OutputLock {
        let lockName = "." + name + ".upgradedocs-lock"
        let deadline = Date().addingTimeInterval(wait)
        while true {
            let descriptor = openat(parent.descriptor, lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Disk.failure("cannot open the build lock", at: parent.path + "/" + lockName) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                guard isStill(descriptor, at: lockName, in: parent) else {
                    close(descriptor)
                    continue
                }
                // Name this build for the next one that has to wait.
                _ = ftruncate(descriptor, 0)
                let holder = Array("process \(getpid())\n".utf8)
                _ = holder.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                return OutputLock(descriptor: descriptor, parent: parent, name: lockName)
            }
            let reason = errno
            close(descriptor)
            guard reason == EWOULDBLOCK || reason == EINTR, Date() < deadline else {
                let holder = parent.contents(of: lockName).map { String(decoding: $0, as: UTF8.self) } ?? ""
                let who =
                    holder.isEmpty ? "another build" : "another build (\(holder.trimmingCharacters(in: .whitespacesAndNewlines)))"
                throw DiagnosticError(
                    .locked,
                    "\(who) is writing \(parent.path)/\(name); waited \(wait) s for it to finish. "
                        + "Run one build at a time, or wait longer with --wait",
                    at: SourceLocation(file: parent.path + "/" + name))
            }
            usleep(20_000)
        }
    }

    /// Whether the locked file is still the one at `name`, not one a finished build removed.
    private static func isStill(_ descriptor: Int32, at name: String, in parent: Folder) -> Bool {
        var held = stat(), current = stat()
        return fstat(descriptor, &held) == 0 && fstatat(parent.descriptor, name, &current, AT_SYMLINK_NOFOLLOW) == 0
            && held.st_ino == current.st_ino && held.st_dev == current.st_dev
    }
}
