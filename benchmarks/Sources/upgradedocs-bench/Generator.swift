import Foundation

/// Writes synthetic content: N prose pages, as UpgradeDocs content and as a
/// minimal Hugo site with the same front matter and bodies, their bodies
/// concatenated for the cmark CLI, and optionally a catalogue of M offers.
func generate() {
    let out = value("--out", "benchmarks/out/corpus")
    let pages = Int(value("--pages", "10000")) ?? 10_000
    let offers = Int(value("--offers", "0")) ?? 0
    let paths = Int(value("--paths", String(offers * 20))) ?? 0
    let base = value("--base", "content")
    let files = FileManager.default
    try? files.removeItem(atPath: out)
    let content = out + "/content", hugo = out + "/hugo"
    do {
        try files.createDirectory(atPath: out, withIntermediateDirectories: true)
        try files.copyItem(atPath: base, toPath: content)
        try? files.removeItem(atPath: content + "/pages")
        try files.createDirectory(atPath: content + "/pages", withIntermediateDirectories: true)
        try files.createDirectory(atPath: hugo + "/content/pages", withIntermediateDirectories: true)
        try files.createDirectory(atPath: hugo + "/layouts/_default", withIntermediateDirectories: true)
        try """
        baseURL = "/"
        title = "Benchmark"
        disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
        relativeURLs = true
        uglyURLs = true
        [markup.goldmark.renderer]
        unsafe = false
        """.write(toFile: hugo + "/config.toml", atomically: true, encoding: .utf8)
        let layout = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><main>{{ .Content }}</main></body></html>
            """
        try layout.write(toFile: hugo + "/layouts/_default/single.html", atomically: true, encoding: .utf8)
        try layout.replacingOccurrences(
            of: "{{ .Content }}", with: "{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"
        )
        .write(toFile: hugo + "/layouts/_default/list.html", atomically: true, encoding: .utf8)
        var all = ""
        for index in 0..<pages {
            let (matter, body) = page(index)
            let text = "---\n" + matter + "---\n" + body
            try text.write(toFile: content + "/pages/page-\(index).md", atomically: false, encoding: .utf8)
            try text.write(toFile: hugo + "/content/pages/page-\(index).md", atomically: false, encoding: .utf8)
            all += body
        }
        try all.write(toFile: out + "/all.md", atomically: false, encoding: .utf8)
        if offers > 0 { try catalogue(offers: offers, paths: paths, into: content) }
        print(
            "wrote \(pages) pages (\(all.utf8.count) bytes of Markdown)"
                + (offers > 0 ? ", \(offers) offers and \(paths) paths" : "")
                + " into \(out)")
    } catch {
        FileHandle.standardError.write(Data("generate: \(error)\n".utf8))
        exit(1)
    }
}

/// About 2 KB of ordinary documentation Markdown, different for each page.
func page(_ index: Int) -> (matter: String, body: String) {
    let topics = ["licences", "renewals", "billing", "seats", "trials", "domains", "support", "migration"]
    let topic = topics[index % topics.count]
    let matter = "title: \"Page \(index): \(topic)\"\ndescription: Synthetic page \(index) about \(topic).\n"
    let body = """
        # Working with \(topic), part \(index)

        This page explains how partners handle **\(topic)** for a customer. It is one of many
        synthetic pages, each about two kilobytes, written to measure a documentation build.
        See [the overview](../index.html) and the *related* pages for more.

        ## Before you start

        - Check that the customer's tenant is active and that you hold the right role.
        - Make sure the subscription `\(topic)-\(index)` is not suspended.
        - Read the notes on multichannel purchases; a customer may buy from more than one partner.

        ## Steps

        1. Sign in to Partner Center and open **Customers**.
        2. Select the customer, then **Subscriptions**.
        3. Choose the subscription and review its \(topic) settings.
        4. Save, and tell the customer what changed.

        > Changes to \(topic) can take up to 24 hours to show in every portal. Plan ahead and
        > keep the customer informed while the change propagates.

        ## Example

        ```
        upgradedocs explain --from m365-business-basic --to o365-e3 --as-of 2026-11-25
        ```

        | Setting | Default | Notes |
        |---|---|---|
        | Auto-renew | on | Turn off before the term ends to cancel. |
        | Seats | \(index % 50 + 1) | Add seats at any time. |

        ## Troubleshooting

        If the change does not apply, check the audit log, then contact support with the
        subscription id and the time you made the change. Page \(index) ends here.

        """
    return (matter, body)
}

/// A catalogue of M offers in one program, each global offer with about P/M
/// paths to later offers. One offer in eleven is an India variant of a global
/// offer, with paths to the India variants of its global offer's targets, so
/// part pages have region mismatches to show as well as the closed world.
func catalogue(offers count: Int, paths: Int, into content: String) throws {
    let variants = count / 11, globals = count - variants
    func hasVariant(_ index: Int) -> Bool { index % 10 == 0 && index / 10 < variants }
    var offers = "offers:\n"
    for index in 0..<globals {
        offers += "  - {id: offer-\(index), name: \"Offer \(index)\", program: legacy, services: [\(services(index))]}\n"
    }
    for index in 0..<globals where hasVariant(index) {
        offers +=
            "  - {id: offer-\(index)-india, name: \"Offer \(index) India\", program: legacy, region: india, "
            + "variantOf: offer-\(index)}\n"
    }
    try offers.write(toFile: content + "/offers.yaml", atomically: true, encoding: .utf8)
    var text = "paths:\n"
    // Every path names its source: the seed's first, with a note that the catalogue is made up.
    let citation = "Add licenses or more services, a synthetic benchmark catalogue"
    let perSource = max(1, paths / max(globals, 1))
    var written = 0
    var targetsOf: [Int: [Int]] = [:]
    for source in 0..<globals where written < paths {
        let targets = (1...perSource).map { (source + $0 * 7) % globals }.filter { $0 != source }
        guard !targets.isEmpty else { continue }
        let unique = Array(Set(targets)).sorted()
        targetsOf[source] = unique
        text +=
            "  - from: offer-\(source)\n    to: [" + unique.map { "offer-\($0)" }.joined(separator: ", ") + "]\n"
            + "    source: \(citation)\n"
        written += unique.count
    }
    for source in 0..<globals where hasVariant(source) {
        let targets = (targetsOf[source] ?? []).filter(hasVariant)
        guard !targets.isEmpty else { continue }
        text +=
            "  - from: offer-\(source)-india\n    to: [" + targets.map { "offer-\($0)-india" }.joined(separator: ", ")
            + "]\n    source: \(citation)\n"
    }
    try text.write(toFile: content + "/paths.yaml", atomically: true, encoding: .utf8)
    // The seed's worked examples and footnotes name seed offers; a synthetic catalogue has none.
    try "examples: []\n".write(toFile: content + "/examples.yaml", atomically: true, encoding: .utf8)
    let interpretations = try String(contentsOfFile: content + "/interpretations.yaml", encoding: .utf8)
        .replacingOccurrences(of: "affects: [india, UPG-1, UPG-2]", with: "affects: [UPG-1, UPG-2]")
        .replacingOccurrences(
            of: "affects: [india, UPG-1, UPG-2, use-regional-variant]", with: "affects: [UPG-1, UPG-2, use-regional-variant]")
    // Interpretations that name the seed's offers (the new-commerce equivalents) name none of these.
    let kept = interpretations.components(separatedBy: "\n  - id: ").filter { entry in
        !entry.contains("\n    affects:\n      - m365-") && !entry.contains("\n    affects:\n      - o365-")
    }
    try kept.joined(separator: "\n  - id: ").write(
        toFile: content + "/interpretations.yaml", atomically: true, encoding: .utf8)
    // The seed's imported offer matrix completes seed offers by SKU; a synthetic catalogue has none.
    try? FileManager.default.removeItem(atPath: content + "/offer-matrix.yaml")
}

private func services(_ index: Int) -> String {
    let all = [
        "exchange-online-plan1", "sharepoint-online-plan1", "onedrive", "teams", "office-web-mobile",
        "office-desktop", "bookings", "intune", "entra-id-p1", "power-bi-pro",
    ]
    return (0..<all.count).filter { (index >> $0) & 1 == 1 || $0 == index % all.count }.map { all[$0] }
        .joined(separator: ", ")
}
