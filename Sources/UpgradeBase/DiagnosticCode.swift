/// A diagnostic's stable name, as compilers name their warnings and DocC its problems: tests and
/// scripts match the code, never the wording, and `docs/DIAGNOSTICS.md` lists every one. Printed
/// at the end of the diagnostic's line (`… error: message [content.unknown-id]`) and as the title
/// of a GitHub annotation.
package struct DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let rawValue: String
    /// What the code means, in one line, for the docs.
    package let summary: String

    init(_ rawValue: String, _ summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }

    package var description: String { rawValue }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    package func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DiagnosticCode {
    // Reading content/.
    package static let yamlSyntax = Self("content.yaml-syntax", "A YAML file cannot be parsed.")
    package static let unreadable = Self("content.unreadable", "A content file is missing, empty or not UTF-8 text.")
    package static let fileName = Self("content.file-name", "A file in content/ would not be read: wrong extension or folder.")
    package static let missingKey = Self("content.missing-key", "An entry lacks a key it needs.")
    package static let unknownKey = Self("content.unknown-key", "An entry has a key the model does not know (a typo).")
    package static let wrongType = Self("content.wrong-type", "A value has the wrong shape: a list, mapping, flag or text.")
    package static let duplicate = Self("content.duplicate", "An id, name, code or key is given twice.")
    package static let unknownID = Self("content.unknown-id", "A reference names an id that nothing declares.")
    package static let invalidID = Self("content.invalid-id", "An id or code is not spelt as ids must be.")
    package static let invalidValue = Self("content.invalid-value", "A value is not allowed: a bad date, address or character.")
    package static let inconsistent = Self("content.inconsistent", "Entries contradict each other or the policy.")
    package static let message = Self("content.message", "A rule's or advice's message template is malformed.")
    package static let frontMatter = Self("content.front-matter", "A prose page's front matter is missing or malformed.")
    package static let embed = Self("content.embed", "A prose page embeds a table that does not exist.")
    package static let brokenLink = Self("content.broken-link", "A link in a prose page leads to no page or anchor of the site.")
    package static let linkedOutside = Self("content.linked-outside", "A symbolic link leads outside the folder read.")
    // Templates.
    package static let templateSyntax = Self("template.syntax", "A template cannot be parsed.")
    package static let templateMissing = Self("template.missing", "A page kind has no template.")
    package static let missingVariable = Self("template.missing-variable", "A template names a value no page gives it.")
    package static let partialCycle = Self("template.partial-cycle", "Partials include each other in a circle.")
    // Decision tables and worked examples.
    package static let dmnRead = Self(
        "table.dmn", "A DMN file cannot be read as a decision table: not DMN 1.3, or beyond the portable subset.")
    package static let tableGap = Self("table.gap", "A case of the condition space matches no row.")
    package static let tableOverlap = Self("table.overlap", "Rows overlap where the hit policy forbids it.")
    package static let tableDisagreement = Self("table.disagreement", "A table concludes otherwise than the rule core.")
    package static let tableInputs = Self("table.inputs", "A table leaves out a condition its conclusion depends on.")
    package static let tableUnreachable = Self("table.unreachable", "A row can never decide.")
    package static let tableMergeable = Self("table.mergeable", "Two rows differ in one input and could merge.")
    package static let exampleMismatch = Self(
        "example.mismatch", "A worked example expects another answer than the rule core gives.")
    // Writing the site.
    package static let disk = Self("output.disk", "The file system refused a read or a write.")
    package static let locked = Self("output.locked", "Another build holds the output.")
    package static let partlyWritten = Self(
        "output.partly-written", "A write failed half-way and could not be undone; the next build completes it.")
    package static let keptFile = Self("output.kept-file", "A file the last manifest lists was changed by hand and is kept.")
    package static let unsafePath = Self("output.unsafe-path", "A page path, or a symbolic link in the output, leads outside it.")
    // verify: the written site against the rule core.
    package static let cellMismatch = Self("verify.cell-mismatch", "A matrix cell or list says otherwise than the rule core.")
    package static let tableMismatch = Self("verify.table-mismatch", "A published decision table differs from the model.")
    package static let offerPage = Self("verify.offer-page", "An offer page says otherwise than the model.")
    package static let checkerData = Self("verify.checker-data", "The checker's data differs from the model.")
    package static let searchIndex = Self("verify.search", "The search index leaves out or misstates a page.")
    package static let rolePage = Self("verify.role", "A role guide's checks differ from the rules.")
    package static let testVectors = Self("verify.test-vectors", "The test vectors differ from the rule core's decisions.")
    package static let dmnFile = Self("verify.dmn", "A decision table's DMN file differs from the table in the model.")
    package static let examplePage = Self("verify.example", "A worked example on a page differs from the rule core.")
    package static let indexPage = Self("verify.index", "The home page leaves out or misnames a page.")
    package static let pageStructure = Self("verify.page", "A page lacks its title, date, landmarks or links, or hides text.")
    package static let siteFiles = Self("verify.files", "A file is missing, extra, or not as the manifest lists it.")
    package static let attribute = Self("verify.attribute", "An attribute the contract does not allow, or one broken open.")
    package static let element = Self("verify.element", "An element the site does not write, or one that hides its text.")
    package static let stylesheet = Self("verify.stylesheet", "A style rule hides or draws content in verified tables.")
    // Anything else.
    package static let serve = Self("serve.build", "The preview could not build the site.")

    package static let csv = Self(
        "import.csv", "An offer matrix cannot be read as CSV: not UTF-8, an open quote, a row too long.")
    package static let column = Self("import.column", "The offer matrix lacks a column the import needs, or has one twice.")
    package static let cell = Self("import.cell", "A cell of the offer matrix holds what the import cannot take.")
    package static let unknownSKU = Self(
        "import.unknown-sku", "A conversion names a SKU that neither the matrix nor the model has.")
    package static let internalError = Self("internal", "A bug in UpgradeDocs; please report it.")

    /// Every code, for the docs and the test that keeps them in step.
    package static let all: [DiagnosticCode] = [
        yamlSyntax, unreadable, fileName, missingKey, unknownKey, wrongType, duplicate, unknownID, invalidID,
        invalidValue, inconsistent, message, frontMatter, embed, brokenLink, linkedOutside, templateSyntax, templateMissing,
        missingVariable, partialCycle, dmnRead, tableGap, tableOverlap, tableDisagreement, tableInputs, tableUnreachable,
        tableMergeable, exampleMismatch, disk, locked, partlyWritten, keptFile, unsafePath, cellMismatch, tableMismatch,
        offerPage,
        checkerData, searchIndex, rolePage, testVectors, dmnFile, examplePage, indexPage, pageStructure, siteFiles,
        attribute, element, stylesheet, serve, csv, column, cell, unknownSKU, internalError,
    ]
}
