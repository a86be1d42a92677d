import ArgumentParser
import UpgradeBase
import UpgradeContent

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder that holds the canonical model.", valueName: "dir"))
    var content: String = "content"

    @Option(
        name: .customLong("diagnostics"),
        help: ArgumentHelp(
            "How to write problems: plain (path:line:column: error: message) or github "
                + "(workflow commands a pull request shows on the line). Defaults to github when "
                + "GITHUB_ACTIONS=true.", valueName: "style"))
    var diagnosticStyle: DiagnosticStyle?

    /// Loads the model, or prints every problem and exits non-zero.
    func load() throws -> LoadedContent {
        try report(Result { () throws(DiagnosticError) in try ContentLoader.load(from: content) })
    }

    /// The loaded model, its warnings printed; or every problem printed and a non-zero exit.
    func report(_ loading: Result<LoadedContent, DiagnosticError>) throws -> LoadedContent {
        if let diagnosticStyle { DiagnosticStyle.current = diagnosticStyle }
        switch loading {
        case .success(let loaded):
            Console.report(loaded.warnings)
            return loaded
        case .failure(let error):
            Console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            throw Console.fail("\(count) problem\(count == 1 ? "" : "s") in \(content)/; nothing was done")
        }
    }
}
