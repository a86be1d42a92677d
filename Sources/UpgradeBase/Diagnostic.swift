/// A place in a file. Lines and columns count from 1, as editors do.
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let column: Int

    package init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String { "\(file):\(line):\(column)" }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

package enum Severity: String, Sendable {
    case error, warning
}

/// One problem, printed as `path:line:column: error: message`, the form
/// editors and CI annotate. Notes point at related places, such as where a
/// duplicate was first declared, each on a line of its own as DocC prints them.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package struct Note: Hashable, Sendable, CustomStringConvertible {
        package let message: String
        package let location: SourceLocation

        package init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }

        package var description: String { "\(location): note: \(message)" }
    }

    package let location: SourceLocation
    package let severity: Severity
    package let code: DiagnosticCode
    package let message: String
    package let notes: [Note]

    package init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    package var description: String {
        (["\(location): \(severity.rawValue): \(message) [\(code)]"] + notes.map(\.description)).joined(separator: "\n")
    }
}

/// The one error that reaches a user: every problem found, not only the first.
package struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    package let diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        self.init([Diagnostic(.error, code, message, at: location)])
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
