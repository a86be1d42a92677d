import ArgumentParser
import Foundation
import UpgradeBase

/// The one way commands print. Results go to standard output; diagnostics go to
/// standard error, one per line as `path:line:column: severity: message`, each
/// note on a line of its own, followed by one summary line when the command fails.
/// Output goes through FileHandle: the C `stdout` global is not concurrency-safe in Swift 6.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints every diagnostic, sorted by place.
    static func report(_ diagnostics: Diagnostics) {
        report(diagnostics.sorted)
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data(diagnostics.map { "\($0)\n" }.joined().utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("upgradedocs: error: \(message)\n".utf8))
    }

    /// Prints `summary` as the command's last word and ends it with a failure status.
    static func fail(_ summary: String, exit code: ExitCode = .failure) -> ExitCode {
        error(summary)
        return code
    }
}
