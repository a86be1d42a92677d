import ArgumentParser
import Foundation
import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a partner's download into the model.",
        subcommands: [ImportOfferMatrix.self]
    )
}

struct ImportOfferMatrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer-matrix",
        abstract: "Read a partner's offer matrix (CSV) into content/: new commerce's, or legacy's NCE Mapping tab.",
        discussion: """
            FILE is the offer matrix a partner downloads from Partner Center (or gets from the API \
            "Get an offer matrix"), saved as CSV. Columns are found by their header names; the import \
            reads ProductId, SkuId, SkuTitle and ProductSkuConversion, and MaxLicenses, AllowedCountries, \
            TermDuration and BillingPlan where they are there. Other columns are not read.

            A file whose header names MigrationEnabled is the NCE Mapping tab of the legacy offer \
            matrix: its OfferDisplayName, ProductSkuId (or ProductId and SkuId) and MigrationEnabled \
            give each legacy offer of the model (found by any of its names) its new-commerce \
            equivalent (found by its sku), in content/nce-mapping.yaml, in place of what offers.yaml \
            says. Rows of offers the model does not have are counted, not refused.

            Each SKU completes the offer of offers.yaml with the same `sku:` (its aliases, services, \
            sources and notes stay as written); a SKU no offer has becomes an offer of its own. Each \
            ProductSkuConversion target is an upgrade path, cited to the matrix, unless paths.yaml \
            already lists it.

            Every problem is reported with FILE:line:column, and nothing is written unless the whole \
            file is valid and the model still loads. Importing the same file again changes nothing.

            Then see what it changes in the answers:
              upgradedocs diff --base HEAD

            Example:
              upgradedocs import offer-matrix ~/Downloads/offer-matrix.csv
            """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The offer matrix, as CSV (UTF-8).", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "The program the matrix's offers belong to. Defaults to the one program whose offers have SKUs.",
            valueName: "id"))
    var program: String?

    @Option(
        help: ArgumentHelp(
            "How pages cite the matrix; it starts with a source title of site.yaml. "
                + "Defaults to: Get an offer matrix, the partner's download FILE-NAME.", valueName: "text"))
    var source: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be written, and write nothing.")
    var dryRun = false

    func validate() throws {
        let lower = file.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") {
            throw ValidationError(
                "'\(file)' is a spreadsheet; open it and save the offer matrix sheet as \"CSV UTF-8\", then import that")
        }
    }

    func run() throws {
        let content = try options.load()
        guard let bytes = FileBytes.contents(of: file) else {
            throw Console.fail("cannot read '\(file)'; give the path of the offer matrix, saved as CSV")
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        if MappingImport.isMapping(bytes, path: file) {
            try importMapping(bytes, name: name, content: content)
            return
        }
        let program = try program.map { ProgramID($0) } ?? soleProgramWithSKUs(content.catalog)
        let imported: OfferMatrixImport
        do {
            imported = try OfferMatrixImport(
                bytes: bytes, path: file, name: name, program: program,
                source: source ?? "Get an offer matrix, the partner's download \(name)", content: content)
        } catch {
            Console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            throw Console.fail("\(count) problem\(count == 1 ? "" : "s") in \(file); nothing was written")
        }
        let target = self.target(ImportedMatrixFile.name)
        if try publish(imported.text, to: target, from: name) { Console.out(summary(imported, name: name, target: target)) }
    }

    /// The NCE Mapping tab of a legacy offer matrix, into `content/nce-mapping.yaml`.
    private func importMapping(_ bytes: [UInt8], name: String, content: LoadedContent) throws {
        let imported: MappingImport
        do {
            imported = try MappingImport(
                bytes: bytes, path: file, name: name,
                source: source ?? "Migrate subscriptions to new commerce, the NCE Mapping tab of the partner's \(name)",
                content: content)
        } catch {
            Console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            throw Console.fail("\(count) problem\(count == 1 ? "" : "s") in \(file); nothing was written")
        }
        let target = self.target(ImportedMappingFile.name)
        guard try publish(imported.text, to: target, from: name) else { return }
        let mapped = imported.mapped.map { "\($0.offer) → \($0.equivalent)" }
        Console.out(
            """
            Read \(imported.rows) row\(imported.rows == 1 ? "" : "s") of the NCE Mapping tab from \(name) into \(target):
              \(mapped.count) legacy offer\(mapped.count == 1 ? "" : "s") mapped\(mapped.isEmpty ? "" : ": " + mapped.joined(separator: ", "))
              \(imported.otherOffers) row\(imported.otherOffers == 1 ? "" : "s") of legacy offers the model does not have
              \(imported.otherSKUs) row\(imported.otherSKUs == 1 ? "" : "s") of SKUs no new-commerce offer of the model has
            See what it changes in the answers: upgradedocs diff --base HEAD

            """)
    }

    private func target(_ file: String) -> String {
        (options.content.hasSuffix("/") ? String(options.content.dropLast()) : options.content) + "/" + file
    }

    /// Writes `text` to `target` unless it says that already, and keeps it only if the model still
    /// loads; false when nothing was written (a dry run, or no change).
    private func publish(_ text: String, to target: String, from name: String) throws -> Bool {
        let before = FileBytes.contents(of: target)
        if dryRun {
            Console.out(text)
            return false
        }
        if before == Array(text.utf8) {
            Console.out("\(target) already says what \(name) says; nothing changed.\n")
            return false
        }
        try write(Array(text.utf8), to: target)
        // The file may still clash with the model in ways only a whole load shows: then the old file comes back.
        if case .failure(let error) = Result(catching: { () throws(DiagnosticError) in
            try ContentLoader.load(from: options.content)
        }) {
            if let before { try write(before, to: target) } else { try? FileManager.default.removeItem(atPath: target) }
            Console.report(error.diagnostics)
            throw Console.fail("with \(name) the model does not load; \(target) is as it was")
        }
        return true
    }

    /// The program a matrix of SKUs is for, when the model makes it plain: the one whose offers have SKUs.
    private func soleProgramWithSKUs(_ catalog: Catalog) throws -> ProgramID {
        let programs = catalog.programs.map(\.id).filter { id in catalog.offers(in: id).contains { $0.sale.sku != nil } }
        guard programs.count == 1 else {
            throw Console.fail(
                "name the program of the matrix's offers with --program; "
                    + (programs.isEmpty
                        ? "no program's offers have a sku yet"
                        : "the offers of " + programs.map(\.rawValue).joined(separator: " and ") + " have SKUs"))
        }
        return programs[0]
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Console.fail("cannot write \(path): \(error.localizedDescription)")
        }
    }

    private func summary(_ imported: OfferMatrixImport, name: String, target: String) -> String {
        func count(_ number: Int, _ one: String, _ many: String) -> String {
            "\(number) " + (number == 1 ? one : many)
        }
        func ids(_ list: [OfferID]) -> String {
            list.isEmpty ? "" : " (" + list.map(\.rawValue).joined(separator: ", ") + ")"
        }
        return """
            Read \(imported.skus) SKU\(imported.skus == 1 ? "" : "s") from \(name) into \(target):
              \(count(imported.completed.count, "offer", "offers")) of offers.yaml completed\(ids(imported.completed))
              \(count(imported.declared.count, "new offer", "new offers")) only the matrix has\(ids(imported.declared))
              \(imported.conversions) conversions, \(imported.alreadyListed) of them already in paths.yaml
            See what it changes in the answers: upgradedocs diff --base HEAD

            """
    }
}
