import Foundation

/// The examples of the CommonMark 0.30 spec, the version libcmark 0.30.2 implements.
struct SpecExample {
    let number: Int
    let section: String
    let markdown: String
    let html: String

    static let all: [SpecExample] = {
        let folder = String(#filePath).split(separator: "/").dropLast().joined(separator: "/")
        let path = "/" + folder + "/Corpus/commonmark-spec-0.30.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fatalError("the CommonMark spec is not at \(path)")
        }
        return parse(text)
    }()

    static func parse(_ text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
            if line == fence + " example" {
                current = []
            } else if line == fence, let lines = current {
                // A line holding only "." separates the Markdown from the expected HTML.
                let dot = lines.firstIndex(of: ".") ?? lines.count
                let markdown = lines[..<dot].map { $0 + "\n" }.joined()
                let html = lines[min(dot + 1, lines.count)...].map { $0 + "\n" }.joined()
                examples.append(
                    SpecExample(
                        number: examples.count + 1, section: section,
                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                        html: html.replacingOccurrences(of: "→", with: "\t")))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return examples
    }
}
