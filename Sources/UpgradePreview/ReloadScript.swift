/// The script every HTML page gets while served, and only then: it asks for the
/// site's state a few times a second, reloads the page when the site changed, and
/// shows a failed build's problems over the page until they are fixed.
enum ReloadScript {
    static let path = "/__upgradedocs/live.js"
    static let statusPath = "/__upgradedocs/status"

    /// The page with the script added before `</body>`, naming the generation it was served at.
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let tag = Array("<script src=\"\(path)\" data-generation=\"\(generation)\"></script>\n".utf8)
        let closing = Array("</body>".utf8)
        guard let end = lastRange(of: closing, in: html) else { return html + tag }
        return Array(html[..<end]) + tag + Array(html[end...])
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    static let source = """
        // UpgradeDocs preview: reload when the site is rebuilt; show a failed build's problems.
        (() => {
          "use strict";
          const generation = Number(document.currentScript.dataset.generation);
          const title = document.title;
          let overlay = null;
          function show(problems) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "upgradedocs-problems";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;"
                + "margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;border-bottom:3px solid #b00020;"
                + "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 4px 16px #0003";
              document.body.append(overlay);
            }
            const heading = document.createElement("strong");
            heading.textContent = "The build failed; this is the last good site. Fix the problems and save:";
            const list = document.createElement("pre");
            list.style.cssText = "white-space:pre-wrap;margin:.75rem 0 0";
            list.textContent = problems.join("\\n");
            overlay.replaceChildren(heading, list);
            document.title = "Build failed · " + title;
          }
          function hide() {
            if (overlay) { overlay.remove(); overlay = null; }
            document.title = title;
          }
          // A small request to the preview on this machine; a stopped preview is asked again later.
          async function look() {
            try {
              const response = await fetch("\(statusPath)", { cache: "no-store" });
              const state = await response.json();
              if (state.problems.length > 0) show(state.problems);
              else if (state.generation !== generation) { location.reload(); return; }
              else hide();
            } catch (error) { /* the preview is restarting or stopped */ }
            setTimeout(look, 250);
          }
          look();
        })();

        """
}
