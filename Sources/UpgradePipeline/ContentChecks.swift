import UpgradeBase
import UpgradeCheck
import UpgradeContent
import UpgradeCore
import UpgradeSiteBuilder

/// Everything `check` proves about loaded content: the prose pages' embeds and links,
/// the worked examples, and every decision table against the rule core. `build`
/// runs the same checks first, and publishes nothing that fails them.
package enum ContentChecks {
    package static func run(_ content: LoadedContent) -> Diagnostics {
        let findings = Diagnostics()
        SiteBuilder.checkProse(content, into: findings)
        model(content, into: findings)
        return findings
    }

    /// The site's plan, and what `check` finds, for a build that knows the inputs of the files its
    /// output holds (`previous`; empty for none). The model's checks run beside the planning, which
    /// needs none of them; prose the last build checked, against the same model and templates, is
    /// not checked again. Without a plan, the findings are every problem `run` finds, or the plan's
    /// own when it finds none.
    ///
    /// A model the last build checked without a finding (`checked`, its digest) is not checked
    /// again: its checks depend on nothing else, and this program made them. `clean` says whether
    /// the model's checks found nothing, here or then, for the next build to know.
    package static func planned(
        _ content: LoadedContent, templates: TemplateSet, asOf: CalendarDate,
        previous: () -> [String: String],
        checked: String? = nil
    ) -> (plan: SitePlan?, findings: Diagnostics, clean: Bool) {
        let findings = Diagnostics(), modelFindings = Diagnostics()
        let known = checked != nil && checked == content.modelDigest
        let (planning, _) = ConcurrentMap.both(
            { plan(content, templates, asOf) },
            {
                if !known { model(content, into: modelFindings) }
            })
        findings.append(contentsOf: modelFindings.all)
        // Warnings alone keep the shortcut: the next build that checks the model again shows them.
        let clean = modelFindings.errors.isEmpty
        switch planning {
        case .failure(let error):
            let all = run(content)
            if all.errors.isEmpty { all.append(contentsOf: error.diagnostics) }
            return (nil, all, false)
        case .success(let plan):
            let recheck = plan.proseToCheck(since: previous())
            if recheck?.isEmpty != true { SiteBuilder.checkProse(content, only: recheck, into: findings) }
            return (plan, findings, clean)
        }
    }

    private static func plan(
        _ content: LoadedContent, _ templates: TemplateSet,
        _ asOf: CalendarDate
    ) -> Result<SitePlan, DiagnosticError> {
        do throws(DiagnosticError) {
            return .success(try SitePlan(content, templates: templates, asOf: asOf))
        } catch {
            return .failure(error)
        }
    }

    /// The checks of the model alone: the worked examples and the decision tables.
    static func model(_ content: LoadedContent, into findings: Diagnostics) {
        ExampleCheck.check(content, into: findings)
        TableCheck.check(content, into: findings)
        // Every table is also written as DMN: a value it could not write is refused with the model's checks.
        DMNFile.check(
            content.catalog.tables, logic: content.catalog.logic(of:), sourceMap: content.sourceMap, into: findings)
    }
}
