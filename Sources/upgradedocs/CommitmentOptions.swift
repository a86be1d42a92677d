import ArgumentParser
import UpgradeContent

/// What a new-commerce question says of the subscription's commitment, as `explain` takes it:
/// the same names as the checker's URL parameters, checked by `Question.Terms`. Each help line
/// says "New commerce:", as the program whose rules read them is not known until the offers are.
struct CommitmentOptions: ParsableArguments {
    @Flag(help: "New commerce: the source is a trial.")
    var trial = false

    @Option(
        name: .customLong("auto-renew"),
        help: ArgumentHelp("New commerce: the source's auto-renew (default on).", valueName: "on|off"))
    var autoRenew: String?

    @Option(help: ArgumentHelp("New commerce: the source's term (default P1Y).", valueName: "P1M|P1Y|P3Y"))
    var term: String?

    @Option(help: ArgumentHelp("New commerce: the source's billing (default monthly).", valueName: "monthly|annual|triennial"))
    var billing: String?

    @Option(
        name: .customLong("to-term"),
        help: ArgumentHelp("New commerce: the target's term (default the source's).", valueName: "term"))
    var toTerm: String?

    @Option(
        name: .customLong("to-billing"),
        help: ArgumentHelp("New commerce: the target's billing (default the source's).", valueName: "billing"))
    var toBilling: String?

    @Option(help: ArgumentHelp("New commerce: upgrade now, or scheduled at renewal (default now).", valueName: "now|renewal"))
    var when: String?

    @Option(help: ArgumentHelp("New commerce: the seats moved (with --of; default all).", valueName: "N"))
    var seats: String?

    @Option(help: ArgumentHelp("New commerce: the seats the source holds.", valueName: "M"))
    var of: String?

    @Option(
        help: ArgumentHelp("New commerce: the day the source's term ends (default one term after --as-of).", valueName: "date"))
    var ends: String?

    @Option(
        name: .customLong("dest-status"),
        help: ArgumentHelp("New commerce: the existing target subscription's status.", valueName: "status"))
    var destStatus: String?

    @Option(
        name: .customLong("dest-term"),
        help: ArgumentHelp("New commerce: the existing target subscription's term.", valueName: "term"))
    var destTerm: String?

    @Option(
        name: .customLong("dest-ends"),
        help: ArgumentHelp("New commerce: the day the existing target subscription ends.", valueName: "date"))
    var destEnds: String?

    @Flag(
        name: .customLong("dest-in-window"), help: "New commerce: the existing target subscription is in its cancellation window."
    )
    var destInWindow = false

    var terms: Question.Terms {
        var terms = Question.Terms()
        terms.trial = trial
        terms.autoRenew = autoRenew
        terms.term = term
        terms.billing = billing
        terms.toTerm = toTerm
        terms.toBilling = toBilling
        terms.when = when
        terms.seats = seats
        terms.of = of
        terms.ends = ends
        terms.destStatus = destStatus
        terms.destTerm = destTerm
        terms.destEnds = destEnds
        terms.destInWindow = destInWindow
        return terms
    }
}
