import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

@Suite struct RuleCatalogTests {
    static let rules = RuleCatalog.rules.map { $0.description }

    /// Every rule `trackplan rules` explains: loading rules, then lint rules.
    @Test(arguments: RuleCatalog.allIDs)
    func examplesBehaveAsDeclared(id: String) throws {
        let description = try #require(RuleCatalog.explainable(id))
        let isLoading = RuleID.loading.contains(id)
        #expect(!description.triggeringExamples.isEmpty, "\(id) has no triggering example")
        #expect(!description.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for example in description.triggeringExamples {
            let diagnostics = Harness.lint(["plan.yaml": example.plainYAML])
            let others = diagnostics.filter { RuleID.loading.contains($0.ruleID) && $0.ruleID != id }
            #expect(others.isEmpty, "\(id): example has other loading problems: \(Harness.lines(others))\n\(example.yaml)")
            let found = diagnostics.filter { $0.ruleID == id }.compactMap { $0.span?.start }
            #expect(!example.markers.isEmpty, "\(id): a triggering example has no ↓ marker")
            // As a list: one finding per marker, in order; a second finding at a marker fails.
            #expect(found == example.markers,
                    "\(id): expected diagnostics at \(example.markers), found \(Harness.lines(diagnostics.filter { $0.ruleID == id }))\n\(example.yaml)")
            if isLoading { #expect(diagnostics.allSatisfy { $0.severity == .error || $0.ruleID != id }) }
        }
        for example in description.nonTriggeringExamples {
            let diagnostics = Harness.lint(["plan.yaml": example.plainYAML])
            let loadErrors = diagnostics.filter { RuleID.loading.contains($0.ruleID) }
            #expect(loadErrors.isEmpty, "\(id): example does not load: \(Harness.lines(loadErrors))")
            let found = diagnostics.filter { $0.ruleID == id }
            #expect(found.isEmpty, "\(id): non-triggering example triggers: \(Harness.lines(found))\n\(example.yaml)")
        }
    }

    /// Derived from every lint rule's triggering examples: `lint.rules: {id: off}` silences the
    /// rule, and a `suppress` entry on the entity each finding is about silences that finding
    /// (and is then used, so `unused-suppression` stays quiet).
    @Test(arguments: rules.map(\.id))
    func offAndSuppressSilenceEveryTriggeringExample(id: String) throws {
        let description = try #require(RuleCatalog.description(of: id))
        for example in description.triggeringExamples {
            let result = Harness.lintResult(["plan.yaml": example.plainYAML])
            let plan = try #require(result.plan)
            let findings = result.diagnostics.filter { $0.ruleID == id }
            #expect(!findings.isEmpty)

            var off = plan
            off.ruleSettings.append(RuleSetting(ruleID: Located(id), severity: nil))
            #expect(Linter().check(off).filter { $0.ruleID == id }.isEmpty, "\(id): `lint.rules: {\(id): off}` does not silence it")

            let entities = Set(findings.compactMap { $0.path?.entity })
            var suppressed = plan
            for entity in entities {
                let suppression = Suppression(ruleID: Located(id), reason: "Test.")
                if entity.components[0] == "events", let i = suppressed.events.firstIndex(where: { $0.path == entity }) {
                    suppressed.events[i].suppressions.append(suppression)
                } else if let i = suppressed.pageTypes.firstIndex(where: { $0.path == entity }) {
                    suppressed.pageTypes[i].suppressions.append(suppression)
                }
            }
            let after = Linter().check(suppressed)
            // Findings outside events and page types (the plan's `ga4`, `stages`) cannot be suppressed.
            let unsuppressable = findings.filter { $0.path?.entity == nil }
            #expect(after.filter { $0.ruleID == id }.count == unsuppressable.count,
                    "\(id): `suppress` on \(entities.map(\.description)) leaves \(Harness.lines(after.filter { $0.ruleID == id }))")
            #expect(after.filter { $0.ruleID == UnusedSuppressionRule.description.id }.isEmpty)
        }
    }

    @Test func idsAreUniqueKebabCaseAndDocumented() {
        let ids = RuleCatalog.ids
        #expect(Set(ids).count == ids.count)
        for rule in Self.rules {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty, "\(rule.id)")
            #expect(!RuleID.loading.contains(rule.id))
        }
    }

    @Test func everyExampleLintsClean() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: TestPaths.examples.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(examples.count >= 4)
        for name in examples {
            let result = try Linter().lint(TestPaths.examples.appendingPathComponent(name).path)
            #expect(Harness.lines(result.diagnostics) == [], "\(name) does not lint clean")
        }
    }

    @Test func suppressionsSilenceOneRuleForOneEntityAndUnusedOnesAreReported() {
        let plan = Harness.header + """
        events:
          AddToCart:
            stage: decision
            description: Legacy event.
            suppress:
              name-case: Kept for year-over-year reports.
              event-stage: Not a real problem here.
          ViewCart:
            stage: decision
            description: Legacy event.

        """
        let lines = Harness.lines(Harness.lint(["plan.yaml": plan]).filter { ["name-case", "unused-suppression"].contains($0.ruleID) })
        #expect(lines == [
            "plan.yaml:12:7-12:18: warning: suppression of `event-stage` on `AddToCart` silences nothing [unused-suppression]",
            "plan.yaml:13:3-13:11: error: event `ViewCart` is not snake_case [name-case]",
        ])
    }

    @Test func planSeverityOverridesApply() {
        let plan = Harness.header + "events:\n  AddToCart:\n    stage: decision\nlint:\n  rules: {name-case: warning, event-description: off}\n"
        let diagnostics = Harness.lint(["plan.yaml": plan])
        #expect(diagnostics.filter { $0.ruleID == "name-case" }.map(\.severity) == [.warning])
        #expect(diagnostics.filter { $0.ruleID == "event-description" }.isEmpty)
    }

    /// Event names from the real plans in ../shared/realworld/plans (mrguy, condor) and common
    /// product-analytics names: `name-style` never suggests a rename worse than the name; where
    /// it is unsure it says so without one.
    @Test func nameStyleOnRealEventNames() {
        let names = [
            "booking_edit_service", "booking_error", "booking_modal_closed", "booking_modal_opened", "booking_step_completed",
            "booking_submit", "booking_success", "cta_clicked", "package_selected", "promo_banner_viewed", "reschedule_back_clicked",
            "reschedule_booking_selected", "reschedule_failed", "reschedule_flow_reset", "reschedule_lookup_failed",
            "reschedule_lookup_submitted", "reschedule_lookup_success", "reschedule_submit", "reschedule_success",
            "content_card_clicked", "event_modal_opened", "faq_opened", "link_out", "registration_failed", "registration_started",
            "registration_submitted", "scroll_depth", "sponsor_clicked", "vagas_esgotadas_viewed",
            "page_scroll_75", "pricing_table_visible", "newsletter_signup", "demo_request", "trial_start", "checkout_step",
            "checkout_progress", "video_progress", "play_video", "submit_form", "booking_started",
        ]
        let plan = Harness.header + "events:\n" + names.map { "  \($0):\n    stage: awareness\n    description: x\n" }.joined()
        let findings = Harness.lint(["plan.yaml": plan]).filter { $0.ruleID == "name-style" }
        #expect(findings.map { "\($0.message) | \($0.hint ?? "")" } == [
            "event `booking_edit_service` does not end with an action word; the convention is object_action (`video_play`) | use a verb such as view, click, submit, start, complete, download; or list your own under `conventions.actions`",
            "event `scroll_depth` does not end with an action word; the convention is object_action (`video_play`) | use a verb such as view, click, submit, start, complete, download; or list your own under `conventions.actions`",
            "event `checkout_step` does not end with an action word; the convention is object_action (`video_play`) | use a verb such as view, click, submit, start, complete, download; or list your own under `conventions.actions`",
            "event `play_video` starts with the action `play`; the convention is object_action | rename it to `video_play`",
            "event `submit_form` starts with the action `submit`; the convention is object_action | rename it to `form_submit`",
        ])
    }

    @Test func namingHelpers() {
        #expect(NameWords.split("addToCart") == ["add", "to", "cart"])
        #expect(NameWords.split("HTMLPageView") == ["html", "page", "view"])
        #expect(NameWords.convert("AddToCart", to: .snakeCase) == "add_to_cart")
        #expect(NameWords.convert("add_to_cart", to: .camelCase) == "addToCart")
        #expect(NameWords.convert("add_to_cart", to: .pascalCase) == "AddToCart")
        #expect(NameWords.convert("add_to_cart", to: .kebabCase) == "add-to-cart")
        #expect(NameWords.follows("video_75_percent", .snakeCase))
        #expect(!NameWords.follows("video__play", .snakeCase))
        #expect(!NameWords.follows("pageURL", .camelCase))
        #expect(NameStyleRule.isAction("submitted", Set(["submit"])))
        #expect(NameStyleRule.isAction("saving", Set(["save"])))
        #expect(!NameStyleRule.isAction("guide", Set(["save"])))
    }

    @Test func selectorsAndRegexes() {
        #expect(SelectorCheck.problem("button.add-to-cart") == nil)
        #expect(SelectorCheck.problem("form[action=\"/search\"] > input:not(.hidden)") == nil)
        #expect(SelectorCheck.problem("a, b ~ c + d") == nil)
        #expect(SelectorCheck.problem("") == "the selector is empty")
        #expect(SelectorCheck.problem("button[data-plan") == "`[` is not closed with `]`")
        #expect(SelectorCheck.problem("> a") == "the selector starts with the combinator `>`")
        #expect(SelectorCheck.problem("a >") == "the selector ends with `>`")
        #expect(SelectorCheck.problem("a,,b") == "there is an empty selector before `,`")
        #expect(SelectorCheck.problem("a > > b") == "`>` is followed by `>` with no selector between them")
        #expect(SelectorCheck.problem("div.") == "`.` must be followed by a name")
        #expect(SelectorCheck.problem(":not()") == "a pseudo-class has empty parentheses")
        // What browsers reject and a structural check let through (CSS Selectors Level 4).
        #expect(SelectorCheck.check("#123")! == ("`#123` is not valid: a name after `#` cannot start with a digit or `-` and a digit", "write `[id='123']`, which matches the same elements"))
        #expect(SelectorCheck.check(".1col")?.hint == "write `[class~='1col']`, which matches the same elements")
        #expect(SelectorCheck.check("a[href=tel:+1555]")! == ("the value `tel:+1555` in `[href=tel:+1555]` must be quoted: unquoted values are plain names", "write `[href='tel:+1555']`"))
        #expect(SelectorCheck.check("button:contains(Book)")! == ("`:contains(Book)` is a jQuery extension, not CSS; browsers reject it", "browsers cannot match on text: match a class or attribute of the element (`[data-action='book']`), or use a `link_click` trigger with `url_contains`"))
        #expect(SelectorCheck.problem("a:hover:foo") == "unknown pseudo-class `:foo`")
        #expect(SelectorCheck.problem("a:hovr") == "unknown pseudo-class `:hovr`; did you mean `:hover`?")
        #expect(SelectorCheck.check("ul li:first")?.hint == "use `:first-child` or `:first-of-type`")
        #expect(SelectorCheck.check("a:eq(2)")?.hint == "use `:nth-child(N+1)` (jQuery counts from 0, CSS from 1)")
        #expect(SelectorCheck.check("select option:selected")?.hint == "use `:checked`")
        #expect(SelectorCheck.problem("li:nth-child(2x)") == "`:nth-child(2x)` needs `An+B` (`2n+1`, `3`, `odd`, `even`), optionally `of` a selector")
        #expect(SelectorCheck.problem("div:not(> a)") == "in `:not(> a)`: the selector starts with the combinator `>`")
        #expect(SelectorCheck.problem("a::foo") == "unknown pseudo-element `::foo`")
        #expect(SelectorCheck.problem("[data-x=\"1\" q]") == "`q` after the value in `[data-x=\"1\" q]` is not `i` or `s`")
        for valid in ["button.add-to-cart", "form[action=\"/search\"] > input:not(.hidden)", "a, b ~ c + d", ".product-card a",
                      "li:nth-child(2n+1)", "li:nth-child(odd)", "li:nth-last-child(-n+3)", "div:has(> img)", "a::before", "a:before",
                      "input[type=checkbox]:checked", "[data-plan=\"pro\" i]", "div.x#y", "a#b.c:hover", "a[href^=\"https://\"]",
                      "*", "#_x", "a:not(:first-child)", "p:nth-of-type(3 of .x)", "#pricing-table", "a[download]",
                      "button[aria-expanded='true']", ":is(h1, h2) > a", "a:where(.x, .y)", "details[open] summary", "#\\31 23"] {
            #expect(SelectorCheck.problem(valid) == nil, "\(valid)")
        }
        #expect(RegexCheck.problem("^/products/[^/]+$") == nil)
        #expect(RegexCheck.problem("(?=x)") == "lookahead `(?=…)` is not supported by RE2")
        #expect(RegexCheck.problem("(?<!x)y") == "lookbehind `(?<!…)` is not supported by RE2")
        #expect(RegexCheck.problem("(a)\\1") == "backreferences (`\\1`) are not supported by RE2")
        #expect(RegexCheck.problem("a++") == "possessive quantifiers (`++`) are not supported by RE2")
        #expect(RegexCheck.problem("[a-") == "`[` is not closed with `]`")
        #expect(RegexCheck.problem("(abc") == "`(` is not closed with `)`")
        #expect(RegexCheck.problem("abc)") == "`)` has no matching `(`")
        #expect(RegexCheck.problem("\\(abc") == nil)
        #expect(RegexCheck.problem("[(]abc") == nil)
        #expect(RegexCheck.problem("a{2,1}") == "it does not compile as a regular expression (check brackets, parentheses and quantifiers)")
        #expect(RegexCheck.hint(for: "`(` is not closed with `)`") == "fix the pattern's syntax; escape characters meant literally, such as `\\(`, `\\.` or `\\?`")
        #expect(RegexCheck.hint(for: "lookahead `(?=…)` is not supported by RE2") == "GTM matches with RE2; rewrite the pattern without lookaround or backreferences")
        #expect(Suggestion.nearest(to: "page-type-count", in: RuleCatalog.ids) == "page-type-event-count")
        #expect(Suggestion.nearest(to: "add_cart", in: ["add_to_cart", "view_cart"]) == "add_to_cart")
        #expect(Suggestion.nearest(to: "name-cse", in: RuleCatalog.ids) == "name-case")
    }
}
