/// A place in a file. Lines and columns count from 1, as editors do.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

public enum Severity: String, Sendable {
    case error, warning
}

/// One problem, printed as `path:line:column: error: message`, the form
/// editors and CI annotate. Notes point at related places, such as where a
/// duplicate was first declared, each on a line of its own as DocC prints them.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public struct Note: Hashable, Sendable, CustomStringConvertible {
        public let message: String
        public let location: SourceLocation

        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }

        public var description: String { "\(location): note: \(message)" }
    }

    public let location: SourceLocation
    public let severity: Severity
    public let message: String
    public let notes: [Note]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public var description: String {
        (["\(location): \(severity.rawValue): \(message)"] + notes.map(\.description)).joined(separator: "\n")
    }
}

/// The one error that reaches a user: every problem found, not only the first.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation) {
        self.init([Diagnostic(.error, message, at: location)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
