import ArgumentParser
import Foundation
import UpgradeBase

/// The one way commands print. Results go to standard output; diagnostics go to
/// standard error, one per line as `path:line:column: severity: message`, each
/// note on a line of its own, followed by one summary line when the command fails.
/// Output goes through FileHandle: the C `stdout` global is not concurrency-safe in Swift 6.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(terminalSafe(text).utf8))
    }

    /// The text with every character a terminal would act on, rather than show, written as `\u{…}`:
    /// controls but newline and tab, C1 controls, and bidirectional controls. What a person reads is
    /// what the text holds; a crafted name cannot move the cursor, recolour a line or reorder it.
    static func terminalSafe(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.isDisplayControl {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Prints every diagnostic, sorted by place.
    static func report(_ diagnostics: Diagnostics) {
        report(diagnostics.sorted)
    }

    /// Past this many warnings of one code, the rest are counted, not printed: 10,000 pages that
    /// share one slip should not bury the errors.
    static let warningsPerCode = 20

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var shown: [DiagnosticCode: Int] = [:]
        var text = ""
        for diagnostic in diagnostics {
            if diagnostic.severity == .warning {
                shown[diagnostic.code, default: 0] += 1
                guard shown[diagnostic.code]! <= warningsPerCode else { continue }
            }
            text += DiagnosticStyle.current.format(diagnostic) + "\n"
        }
        for (code, count) in shown.sorted(by: { $0.key < $1.key }) where count > warningsPerCode {
            text += "upgradedocs: warning: \(count - warningsPerCode) more warnings like these [\(code)]\n"
        }
        FileHandle.standardError.write(Data(terminalSafe(text).utf8))
    }

    static func error(_ message: String) {
        if DiagnosticStyle.current == .github {
            FileHandle.standardError.write(Data(terminalSafe("::error::\(DiagnosticStyle.escape(message))\n").utf8))
            return
        }
        FileHandle.standardError.write(Data(terminalSafe("upgradedocs: error: \(message)\n").utf8))
    }

    /// Ends a command that succeeded, there and then, without releasing what it still holds: a
    /// build's working memory goes back to the kernel at once, where releasing it object by object
    /// takes 15–19 ms of a one-page rebuild at 10,000 pages. Everything printed is already
    /// written: output goes straight to the file descriptors.
    static func succeed() -> Never {
        exit(0)
    }

    /// Prints `summary` as the command's last word and returns the failure status to throw.
    static func fail(_ summary: String, exit code: ExitCode = .failure) -> ExitCode {
        error(summary)
        return code
    }
}
