import Testing
import TestSupport
import UpgradeContent
import UpgradeCore

/// One resolver of names (`Catalog.resolve`) for explain, offers, the checker and search: an
/// offer's id, official name, alias or former name, in any case, spacing or punctuation, and
/// nothing else; a different product is never taken for the offer people confuse it with.
@Suite("Names resolve to the right offer, or to none")
struct OfferNameTests {
    let catalog = SiteFixture.content.catalog

    /// domain-facts.md §3b: the renames of 2020-04-21.
    static let renames = [
        ("Office 365 Business Essentials", "m365-business-basic"),
        ("Office 365 Business Premium", "m365-business-standard"),
        ("Microsoft 365 Business", "m365-business-premium"),
        ("Office 365 Business", "m365-apps-business"),
        ("Office 365 ProPlus", "m365-apps-enterprise"),
    ]

    @Test("Every former name resolves to today's offer, with the day of the rename", arguments: renames)
    func formerNameResolves(_ former: String, _ offer: String) throws {
        guard case .formerly(let found, let name) = catalog.resolve(former) else {
            Issue.record("\(former) did not resolve as a former name: \(catalog.resolve(former))")
            return
        }
        #expect(found.id.rawValue == offer && name.name == former)
        #expect(name.renamed == CalendarDate(year: 2020, month: 4, day: 21))
        #expect(catalog.note(on: name, of: found).contains("'\(former)'"))
    }

    @Test("'Office 365 Business Premium' is Business Standard, and 'Business Premium' is Business Premium")
    func theRenameTrap() {
        #expect(catalog.resolve("Office 365 Business Premium").offer?.id == "m365-business-standard")
        #expect(catalog.resolve("Business Premium", in: "legacy").offer?.id == "m365-business-premium")
    }

    @Test("A name two programs share resolves in the program asked for, and alone names both")
    func sharedNames() {
        guard case .ambiguous(let offers) = catalog.resolve("Business Premium") else {
            Issue.record("'Business Premium' resolved to \(catalog.resolve("Business Premium"))")
            return
        }
        #expect(offers.map(\.id) == ["m365-business-premium", "nce-m365-business-premium"])
        #expect(catalog.resolve("business premium", in: "new-commerce").offer?.id == "nce-m365-business-premium")
        // An id is unique across programs: it needs no program, and another program's does not change it.
        #expect(catalog.resolve("nce-m365-business-premium").offer?.id == "nce-m365-business-premium")
        #expect(catalog.resolve("m365-business-premium", in: "new-commerce").offer?.id == "m365-business-premium")
        #expect(catalog.resolve("Business Premiun", in: "new-commerce") == .unknown(suggestion: "nce-m365-business-premium"))
    }

    @Test("Case, spacing and punctuation never matter")
    func foldedAlike() {
        for typed in [
            "office 365 business premium", "OFFICE365BUSINESSPREMIUM", "Office-365 Business.Premium",
            " office 365  business premium ",
        ] {
            #expect(catalog.resolve(typed).offer?.id == "m365-business-standard", "\(typed)")
        }
        #expect(catalog.resolve("o365e3").offer?.id == "o365-e3")
        #expect(catalog.resolve("M365-Business-Basic").offer?.id == "m365-business-basic")
    }

    @Test("A different product never resolves, and names the offer it is taken for")
    func differentProductNeverResolves() {
        for typed in ["Microsoft 365 E3", "microsoft365e3", "M365 E3", "Microsoft 365 E5"] {
            guard case .differentProduct(let product) = catalog.resolve(typed) else {
                Issue.record("\(typed) resolved to \(catalog.resolve(typed))")
                continue
            }
            #expect(catalog.resolve(typed).offer == nil)
            let confused = catalog.offer(product.confusedWith)
            #expect(catalog.refusal(of: product).contains(confused?.name ?? "?"), "\(typed)")
        }
        #expect(catalog.resolve("Office 365 E3", in: "legacy").offer?.id == "o365-e3", "the offer itself still resolves")
    }

    @Test("Nothing else resolves; a short unknown name gets no far-fetched suggestion")
    func nothingElseResolves() {
        for typed in ["BP", "", "E7", "Office 365", "Business", "Microsoft 365 Business Premium India"] {
            #expect(catalog.resolve(typed).offer == nil, "\(typed)")
        }
        #expect(catalog.resolve("BP") == .unknown(suggestion: nil))
        #expect(catalog.resolve("Office 365 Busines Premium") == .unknown(suggestion: "m365-business-standard"))
    }

    @Test("A former name or different product that folds like another offer's name is an error at it")
    func lookAlikeFormerNames() throws {
        let errors = try ContentFixture(replacing: [
            "offers.yaml": HostileContentTests.offers.replacingOccurrences(
                of: "    name: Standard\n",
                with: "    name: Standard\n    formerly:\n      - {name: B-A-S-I-C, renamed: 2020-04-21, source: s}\n")
                + "\ndifferentProducts:\n  - {name: standard!, confusedWith: basic, differs: d, source: s}\n"
        ]).errors()
        #expect(errors.map(\.code) == [.duplicate, .duplicate])
        #expect(errors[0].names("B-A-S-I-C") && errors[1].names("standard!"))
    }
}
