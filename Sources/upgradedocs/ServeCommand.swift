import ArgumentParser
import Foundation
import UpgradeBase
import UpgradeCore
import UpgradePipeline
import UpgradePreview
import UpgradeSiteContract

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site as you edit: built in memory, served over HTTP, reloaded on every save.",
        discussion: """
            The site is built in memory, never into site/, and served at the printed address. A save in \
            the content or templates folder rebuilds it (the seed site in about a tenth of a second), and \
            every open page reloads by itself. A build that fails shows its problems over the page, with \
            file:line:column, while the last good site stays served; fixing them clears the message. \
            The checker works as it does on the published site. Ctrl-C stops the server.

            Examples:
              upgradedocs serve
              upgradedocs serve --port 9000 --host 0.0.0.0
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The folder of Mustache templates and assets.", valueName: "dir"))
    var templates: String = "templates"

    @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 lets other machines connect.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port: UInt16 = 8080

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Decide every table as of this day (YYYY-MM-DD). Defaults to asOf in content/site.yaml.",
            valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of: '\(asOf)' is not a valid date; write YYYY-MM-DD, such as 2022-03-01")
        }
        // Without a templates folder the binary's own templates serve.
        if !FileManager.default.fileExists(atPath: options.content) {
            throw ValidationError("'\(options.content)' does not exist; run serve from the project folder, or name the folder")
        }
    }

    func run() async throws {
        if let style = options.diagnosticStyle { DiagnosticStyle.current = style }
        let (content, templates, date) = (options.content, self.templates, asOf.flatMap(CalendarDate.init(iso:)))
        let site = SiteInMemory(IncrementalSite(content: content, templates: templates, asOf: date))
        let server = PreviewServer(host: host, port: port, watching: [content, templates]) { site.preview() }
        let task = Task {
            try await server.run(
                ready: { url in
                    Console.out("serving \(url) (watching \(content)/ and \(templates)/; Ctrl-C stops)\n")
                }, report: SiteInMemory.report)
        }
        let stop = StopSignal { _ in task.cancel() }
        defer { stop.cancel() }
        do {
            try await task.value
        } catch  where task.isCancelled {
            // Stopping ends the server's tasks with whatever error each was waiting in; all mean "stopped".
        } catch {
            throw Console.fail("cannot serve on \(host):\(port): \(error)")
        }
        Console.out("stopped\n")
    }
}

/// What `serve` reports to the preview server: the pipeline's in-memory build, with every
/// problem kept for the browser instead of ending the command.
extension SiteInMemory {
    func preview() -> PreviewBuild {
        do {
            let build = try rebuild()
            return .built(build.files, made: build.made)
        } catch {
            return .failed(error.diagnostics.filter { $0.severity == .error })
        }
    }

    @Sendable static func report(_ report: PreviewServer.Report) {
        switch report.build {
        case .built(let files, let made):
            guard !report.isFirst else {
                return Console.out("built \(files.count) files in memory in \(report.milliseconds) ms\n")
            }
            Console.out(
                "rebuilt in \(report.milliseconds) ms (\(made) of \(files.count) files made): "
                    + (report.changed ? "open pages reload\n" : "no page changed\n"))
        case .failed(let problems):
            Console.report(problems)
            Console.error(
                "the build failed (\(problems.count) problem\(problems.count == 1 ? "" : "s")); "
                    + "the last good site is still served, with the problems shown over each page")
        }
    }
}
