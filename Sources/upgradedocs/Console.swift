import Foundation
import UpgradeContent

/// Output goes through FileHandle: the C `stdout` global is not concurrency-safe in Swift 6.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data(diagnostics.map { "\($0)\n" }.joined().utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("upgradedocs: error: \(message)\n".utf8))
    }
}
