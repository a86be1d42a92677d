import ArgumentParser
import Foundation
import UpgradeBase

/// How diagnostics are written: `path:line:column: error: message` for editors and people, or
/// GitHub's workflow commands, which a pull request shows on the changed line. GitHub is the
/// default when `GITHUB_ACTIONS=true`, as it is in every GitHub Actions job.
enum DiagnosticStyle: String, ExpressibleByArgument, CaseIterable, Sendable {
    case plain, github

    /// Set once, by the command line, before anything is printed.
    nonisolated(unsafe) static var current: DiagnosticStyle =
        ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .plain

    func format(_ diagnostic: Diagnostic) -> String {
        switch self {
        case .plain:
            return diagnostic.description
        case .github:
            let location = diagnostic.location
            let message = ([diagnostic.message] + diagnostic.notes.map { "note: \($0.message) (\($0.location))" })
                .joined(separator: "\n")
            return "::\(diagnostic.severity == .error ? "error" : "warning") file=\(Self.escapeProperty(location.file)),"
                + "line=\(location.line),col=\(location.column),title=\(Self.escapeProperty(diagnostic.code.rawValue))"
                + "::\(Self.escape(message))"
        }
    }

    /// GitHub's escaping for a command's message.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// …and for a property's value, where `:` and `,` end it.
    static func escapeProperty(_ text: String) -> String {
        escape(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
