/// A short unified diff of two versions of a generated file, for `build --check --diff`: the
/// lines between their common start and common end, with a little context, cut at a limit.
/// Generated pages change in one place at a time, so one hunk tells a reviewer what is stale.
enum ShortDiff {
    static func unified(path: String, old: [UInt8], new: [UInt8], context: Int = 2, limit: Int = 24) -> String {
        let before = lines(old), after = lines(new)
        var start = 0
        while start < before.count, start < after.count, before[start] == after[start] { start += 1 }
        var endBefore = before.count, endAfter = after.count
        while endBefore > start, endAfter > start, before[endBefore - 1] == after[endAfter - 1] {
            endBefore -= 1
            endAfter -= 1
        }
        let from = max(0, start - context)
        let toBefore = min(before.count, endBefore + context), toAfter = min(after.count, endAfter + context)
        var body = before[from..<start].map { " " + $0 }
        body += before[start..<endBefore].map { "-" + $0 } + after[start..<endAfter].map { "+" + $0 }
        body += before[endBefore..<toBefore].map { " " + $0 }
        let cut = body.count > limit ? ["… \(body.count - limit) more lines"] : []
        return "--- \(path) (on disk)\n+++ \(path) (as built)\n"
            + "@@ -\(from + 1),\(toBefore - from) +\(from + 1),\(toAfter - from) @@\n"
            + (body.prefix(limit) + cut).map { $0 + "\n" }.joined()
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
