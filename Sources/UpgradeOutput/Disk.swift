import UpgradeBase
import Glibc

/// How a failed system call reaches the user: located at the path, with the system's reason.
enum Disk {
    static func failure(_ what: String, at path: String) -> DiagnosticError {
        DiagnosticError(.disk, "\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
}
