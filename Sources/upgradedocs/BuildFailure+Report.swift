import ArgumentParser
import UpgradePipeline

extension BuildFailure {
    /// Prints every problem, then one line that says which step stopped and what was not done,
    /// and returns the failure status. `undone` names what the command leaves as it was.
    func report(content: String, templates: String, undone: String) -> ExitCode {
        Console.report(diagnostics)
        let errors = self.errors
        switch stage {
        case .content:
            return Console.fail("\(errors) problem\(errors == 1 ? "" : "s") in \(content)/; \(undone)")
        case .checks:
            return Console.fail("\(errors) finding\(errors == 1 ? "" : "s") that 'upgradedocs check' rejects; \(undone)")
        case .templates:
            return Console.fail("the templates in \(templates)/ have errors; \(undone)")
        case .site:
            return Console.fail("the site was not built; \(undone)")
        case .output:
            return Console.fail(undone)
        case .partlyWritten:
            return Console.fail("the output holds part of this build; run the build again to complete it")
        }
    }
}
