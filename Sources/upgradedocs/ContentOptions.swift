import ArgumentParser
import UpgradeBase
import UpgradeContent

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder that holds the canonical model.", valueName: "dir"))
    var content: String = "content"

    /// Loads the model, or prints every problem and exits non-zero.
    func load() throws -> LoadedContent {
        do {
            let loaded = try ContentLoader.load(from: content)
            Console.report(loaded.warnings)
            return loaded
        } catch {
            Console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            throw Console.fail("\(count) problem\(count == 1 ? "" : "s") in \(content)/; nothing was done")
        }
    }
}
