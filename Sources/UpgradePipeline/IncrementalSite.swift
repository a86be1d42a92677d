import UpgradeBase
import UpgradeContent
import UpgradeCore
import UpgradeSiteBuilder

/// The one build pipeline: content → checks → plan → files, for every command that makes the
/// site. `publish` writes it into an output folder, `compare` checks one, `changes` plans two
/// models' sites, and `SiteInMemory` keeps it in memory for the preview. Each is the same
/// steps in the same order; they differ only in what the last build left them to reuse.
///
/// The plain full build, without any of the reuse, is `SiteBuilder.build`; every cache here has
/// a test that compares its result with that one.
package struct IncrementalSite: Sendable {
    package let content: String
    package let templates: String
    /// The day every table is decided as of; nil for `asOf` in the content's site.yaml.
    package let asOf: CalendarDate?

    package init(content: String, templates: String, asOf: CalendarDate? = nil) {
        self.content = content
        self.templates = templates
        self.asOf = asOf
    }

    /// What a build learns from the last one. All of it is optional: an empty memory makes every
    /// file, checks everything and reads every page.
    struct Memory: Sendable {
        /// The inputs of each file the last build left, by path; asked for after the load.
        var inputs: @Sendable () -> [String: String] = { [:] }
        /// The digest of the model whose checks the last build passed without a finding.
        var checked: String? = nil
        /// The prose pages the last build read, asked for once the load needs them, and the
        /// stamps their files have now.
        var pages: @Sendable () -> PageCache = { PageCache() }
        var stamps: [String: FileStamp] = [:]
    }

    /// The checked content's plan, ready to make files.
    struct Prepared {
        let plan: SitePlan
        let content: LoadedContent
        /// The load's warnings and the checks'.
        let warnings: [Diagnostic]
        /// The model's digest when its checks found nothing, here or in the last build.
        let checked: String?
    }

    /// Loads, checks and plans. Nothing that `check` rejects gets a plan: the failure carries
    /// every problem found, warnings included.
    func prepare(_ memory: Memory) throws(BuildFailure) -> Prepared {
        let loaded: LoadedContent, pages = memory.pages
        do throws(DiagnosticError) {
            loaded = try ContentLoader.load(from: content, reusing: pages(), stamps: memory.stamps)
        } catch {
            throw BuildFailure(.content, error.diagnostics)
        }
        let templateSet = try loadTemplates(after: loaded.warnings)
        let (plan, findings, clean) = ContentChecks.planned(
            loaded, templates: templateSet, asOf: asOf ?? loaded.settings.asOf, previous: memory.inputs,
            checked: memory.checked)
        let diagnostics = loaded.warnings + findings.all
        guard findings.errors.isEmpty else { throw BuildFailure(.checks, diagnostics) }
        guard let plan else { throw BuildFailure(.site, diagnostics) }
        return Prepared(
            plan: plan, content: loaded, warnings: diagnostics.filter { $0.severity == .warning },
            checked: clean ? loaded.modelDigest : nil)
    }

    /// The templates folder, or the binary's own templates where it has no file.
    package func loadTemplates(after warnings: [Diagnostic] = []) throws(BuildFailure) -> TemplateSet {
        do throws(DiagnosticError) {
            return try TemplateSet.load(from: templates)
        } catch {
            throw BuildFailure(.templates, warnings + error.diagnostics)
        }
    }
}
