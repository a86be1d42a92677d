import ArgumentParser
import UpgradeContent

/// What a question says of a legacy subscription's migration to new commerce, as `explain` takes
/// it: the same names as the checker's URL parameters, checked by `Question.MigrationParts`.
struct MigrationOptions: ParsableArguments {
    @Flag(help: "Decide the migration alone, to the source's new-commerce equivalent (no --to).")
    var migrate = false

    @Option(help: ArgumentHelp("Migration: the day the legacy subscription started.", valueName: "date"))
    var started: String?

    @Flag(name: .customLong("new-term"), help: "Migration: start a new full term instead of keeping the legacy one's end.")
    var newTerm = false

    @Flag(help: "Migration: a promotion is active, or the subscription was bought with one.")
    var promotion = false

    @Option(
        help: ArgumentHelp(
            "Migration: the subscription's segment (default commercial).",
            valueName: "commercial|education|government|nonprofit"))
    var segment: String?

    @Option(
        name: .customLong("add-ons"),
        help: ArgumentHelp(
            "Migration: its active add-ons (default none): all eligible, one ineligible, or one bought in the "
                + "last 30 days.", valueName: "none|eligible|ineligible|recent"))
    var addOns: String?

    @Flag(name: .customLong("in-progress"), help: "Migration: a migration of it is already being processed.")
    var inProgress = false

    var parts: Question.MigrationParts {
        var parts = Question.MigrationParts()
        parts.started = started
        parts.newTerm = newTerm
        parts.promotion = promotion
        parts.segment = segment
        parts.addOns = addOns
        parts.inProgress = inProgress
        return parts
    }
}
