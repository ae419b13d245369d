import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanFormat
@testable import TrackplanDiff

/// `trackplan diff`: every change kind on a pair of small plans, with the exact output.
@Suite struct DiffTests {
    static let base = Harness.header + """
    ga4: {measurement_id: G-AAAA1111}
    page_types:
      product:
        match: {path_prefix: /products/}
      cart:
        match: {path: /cart}
    events:
      add_to_cart:
        stage: decision
        pages: [product]
        trigger: {click: {selector: button.add}}
        params:
          currency: {type: string, required: true, values: [USD, EUR]}
          coupon_code: {type: string}
      purchase:
        kind: macro
        stage: decision
        params:
          value: {type: number, required: true}

    """

    /// `severity: message [id] (consumers)` for each change between `base` and `edited`.
    func changes(_ edit: (String) -> String, from old: String = base) throws -> [String] {
        let before = try #require(Harness.load(["old.yaml": old], root: "old.yaml").plan)
        let result = Harness.load(["new.yaml": edit(old)], root: "new.yaml")
        #expect(!result.hasErrors, "\(Harness.lines(result.diagnostics))")
        let after = try #require(result.plan)
        return PlanDiff(old: before, new: after).changes().map(Self.line)
    }

    static func line(_ change: PlanChange) -> String {
        let d = change.diagnostic
        return "\(d.severity.rawValue): \(d.message) [\(d.ruleID)]" + (d.categories.isEmpty ? "" : " (\(d.categories.joined(separator: ", ")))")
    }

    func note(_ edit: (String) -> String, kind: String) throws -> String? {
        let before = try #require(Harness.load(["old.yaml": Self.base], root: "old.yaml").plan)
        let after = try #require(Harness.load(["new.yaml": edit(Self.base)], root: "new.yaml").plan)
        return PlanDiff(old: before, new: after).changes().first { $0.kind.id == kind }?.diagnostic.hint
    }

    @Test func identicalPlansHaveNoChangeEvenWhenLinesMove() throws {
        #expect(try changes { $0 } == [])
        #expect(try changes { "# moved down\n\n" + $0.replacingOccurrences(of: "stage: decision\n    pages", with: "stage: decision  # same\n    pages") } == [])
    }

    @Test func detailsOnlyPeopleReadAreSafeChangesAndOrderIsNot() throws {
        #expect(try changes { $0.replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    description: Adds.\n    signal: 4\n    stage: decision")
            .replacingOccurrences(of: "  - id: decision", with: "  - id: decision\n    name: Decision") } == [
            "info: the plan's `stages` changed [plan-details-changed]",
            "info: event `add_to_cart`: `description`, `signal` changed [plan-details-changed]",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "  product:\n    match: {path_prefix: /products/}", with: "  product:\n    name: Product page\n    match: {path_prefix: /products/}") } == [
            "info: page type `product`: `name` changed [plan-details-changed]",
        ])
        let twoPages = Self.base.replacingOccurrences(of: "pages: [product]", with: "pages: [product, cart]")
        #expect(try changes({ $0.replacingOccurrences(of: "pages: [product, cart]", with: "pages: [cart, product]") }, from: twoPages) == [])
        #expect(try changes { $0.replacingOccurrences(of: "values: [USD, EUR]", with: "values: [EUR, USD]") } == [])
    }

    @Test func events() throws {
        #expect(try changes { $0 + "  view_cart:\n    stage: decision\n" } == [
            "info: event `view_cart` was added [event-added] (gtm, ga4)",
        ])
        // `value` is one of GA4's own parameters: no custom dimension goes with it.
        #expect(try changes { $0.replacingOccurrences(of: "  purchase:\n    kind: macro\n    stage: decision\n    params:\n      value: {type: number, required: true}\n", with: "") } == [
            "error: event `purchase` was removed [event-removed] (data-layer, gtm, ga4, bigquery)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "  purchase:\n    kind: macro", with: "  order_complete:\n    renamed_from: purchase\n    kind: macro") } == [
            "error: event `purchase` was renamed to `order_complete` [event-renamed] (data-layer, gtm, ga4, bigquery)",
        ])
        #expect(try note({ $0.replacingOccurrences(of: "  purchase:\n    kind: macro", with: "  order_complete:\n    renamed_from: purchase\n    kind: macro") }, kind: "event-renamed")
                == "GA4: to keep one series, add a rule in Admin → Events → Modify event: `event_name` equals `purchase` → set `event_name` to `order_complete` (rules apply from their creation on, not to past data). BigQuery: `WHERE event_name IN ('purchase', 'order_complete')` keeps the history. Site: push `order_complete` instead of `purchase`.")
        // Without `renamed_from`, a removed and an added event of the same shape get a hint.
        #expect(try note({ $0.replacingOccurrences(of: "  purchase:\n    kind: macro", with: "  order_complete:\n    kind: macro") }, kind: "event-removed")
                == "If `purchase` was renamed to `order_complete`, add `renamed_from: purchase` to `order_complete` so the diff reviews it as a rename, with migration notes. Deprecate it first (`status: deprecated`) to give reports and queries a transition period.")
        #expect(try changes { $0.replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    status: deprecated\n    stage: decision") } == [
            "warning: event `add_to_cart` is now deprecated; its tag is left out of the container [event-deprecated] (gtm, ga4)",
            "error: custom dimension `coupon_code` no longer receives data: no event sends `coupon_code` [custom-dimension-removed] (ga4)",
        ])
        let deprecated = Self.base.replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    status: deprecated\n    stage: decision")
        #expect(try changes({ $0.replacingOccurrences(of: "  add_to_cart:\n    status: deprecated\n    stage: decision\n    pages: [product]\n    trigger: {click: {selector: button.add}}\n    params:\n      currency: {type: string, required: true, values: [USD, EUR]}\n      coupon_code: {type: string}\n", with: "") }, from: deprecated) == [
            "info: event `add_to_cart` was removed (it was deprecated) [event-removed]",
        ])
    }

    @Test func kindsStagesPagesTriggers() throws {
        #expect(try changes { $0.replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    kind: macro\n    stage: decision") } == [
            "warning: event `add_to_cart` changed from a micro-conversion to a macro-conversion [event-kind-changed] (ga4)",
            "error: event `add_to_cart` is now a GA4 key event [key-event-changed] (ga4)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "    kind: macro\n    stage: decision\n", with: "    kind: macro\n    key_event: false\n    stage: decision\n") } == [
            "error: event `purchase` is no longer a GA4 key event [key-event-changed] (ga4)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "    kind: macro\n    stage: decision\n", with: "    kind: macro\n    key_event_counting: once_per_session\n    stage: decision\n") } == [
            "error: event `purchase` is now counted once per session as a key event (was: once per event) [key-event-changed] (ga4)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    stage: awareness") } == [
            "info: event `add_to_cart` moved from stage `decision` to `awareness` [event-stage-changed]",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "pages: [product]", with: "pages: [product, cart]") } == [
            "warning: event `add_to_cart` now fires on `product`, `cart` (was: `product`) [event-pages-changed] (gtm)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "button.add}", with: "'button.add, a.add'}") } == [
            "warning: the trigger of `add_to_cart` changed from a click on `button.add` to a click on `button.add, a.add` [event-trigger-changed] (gtm)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "trigger: {click: {selector: button.add}}", with: "trigger: {custom: {event: cart_add}}") } == [
            "error: the trigger of `add_to_cart` changed from a click on `button.add` to the data layer event `cart_add` [event-trigger-changed] (data-layer, gtm)",
        ])
    }

    @Test func userProperties() throws {
        let withTier: (String) -> String = { $0.replacingOccurrences(of: "ga4: {measurement_id: G-AAAA1111}\n", with: "ga4: {measurement_id: G-AAAA1111}\nuser_properties:\n  customer_tier: {}\n") }
        #expect(try changes(withTier) == [
            "info: custom dimension `customer_tier` is to be registered (a user property) [custom-dimension-registered] (ga4)",
        ])
        #expect(try note(withTier, kind: "custom-dimension-registered") == "GA4: create it in Admin → Custom definitions, scope User, user property `customer_tier`.")
        #expect(try changes({ $0 }, from: withTier(Self.base)).isEmpty)
        // Its own entity path: an event parameter of the same name is a different GA4 definition.
        let before = try #require(Harness.load(["old.yaml": Self.base], root: "old.yaml").plan)
        let after = try #require(Harness.load(["new.yaml": withTier(Self.base)], root: "new.yaml").plan)
        #expect(PlanDiff(old: before, new: after).changes().map { $0.diagnostic.path?.description } == ["ga4.user_dimensions.customer_tier"])
        #expect(try changes({ $0.replacingOccurrences(of: "customer_tier", with: "loyalty_tier") }, from: withTier(Self.base)) == [
            "info: custom dimension `loyalty_tier` is to be registered (a user property) [custom-dimension-registered] (ga4)",
            "error: custom dimension `customer_tier` no longer receives data: the plan no longer sets user property `customer_tier` [custom-dimension-removed] (ga4)",
        ])
    }

    @Test func params() throws {
        #expect(try changes { $0.replacingOccurrences(of: "      coupon_code: {type: string}\n", with: "      coupon_code: {type: string}\n      quantity: {type: integer}\n") } == [
            "info: event `add_to_cart` gained an optional parameter `quantity` (integer) [param-added] (gtm, ga4)",
            "info: custom metric `quantity` (standard) is to be registered (sent by `add_to_cart`) [custom-metric-registered] (ga4)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "      coupon_code: {type: string}\n", with: "      coupon_code: {type: string}\n      quantity: {type: integer, required: true}\n") }.first
                == "error: event `add_to_cart` gained a required parameter `quantity` (integer) [param-added] (data-layer, gtm, ga4)")
        #expect(try changes { $0.replacingOccurrences(of: "      coupon_code: {type: string}\n", with: "") } == [
            "error: parameter `coupon_code` was removed from `add_to_cart` [param-removed] (gtm, ga4, bigquery)",
            "error: custom dimension `coupon_code` no longer receives data: no event sends `coupon_code` [custom-dimension-removed] (ga4)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "      coupon_code: {type: string}", with: "      promo_code: {type: string, renamed_from: coupon_code}") } == [
            "error: parameter `coupon_code` of `add_to_cart` was renamed to `promo_code` [param-renamed] (data-layer, gtm, ga4, bigquery)",
            "info: custom dimension `promo_code` is to be registered (sent by `add_to_cart`) [custom-dimension-registered] (ga4)",
            "error: custom dimension `coupon_code` no longer receives data: no event sends `coupon_code` [custom-dimension-removed] (ga4)",
        ])
        let typeEdit: (String) -> String = { $0.replacingOccurrences(of: "coupon_code: {type: string}", with: "coupon_code: {type: integer}") }
        // A string that becomes an integer also moves from a custom dimension to a custom metric.
        #expect(try changes(typeEdit) == [
            "error: parameter `coupon_code` of `add_to_cart` changed type from string to integer [param-type-changed] (data-layer, ga4, bigquery)",
            "error: custom dimension `coupon_code` no longer receives data: no event sends `coupon_code` [custom-dimension-removed] (ga4)",
            "info: custom metric `coupon_code` (standard) is to be registered (sent by `add_to_cart`) [custom-metric-registered] (ga4)",
        ])
        #expect(try note(typeEdit, kind: "param-type-changed") == "BigQuery: its values move from `value.string_value` to `value.int_value`; queries reading the old column return NULL for new data. Read both with `(SELECT COALESCE(value.int_value, SAFE_CAST(value.string_value AS INT64), CAST(value.double_value AS INT64)) FROM UNNEST(event_params) WHERE key = 'coupon_code')`. Site: push an integer for `coupon_code`.")
        #expect(try changes { $0.replacingOccurrences(of: "coupon_code: {type: string}", with: "coupon_code: {type: string, required: true}") } == [
            "error: parameter `coupon_code` of `add_to_cart` is now required [param-required-changed] (data-layer)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "value: {type: number, required: true}", with: "value: {type: number}") } == [
            "warning: parameter `value` of `purchase` is now optional [param-required-changed] (ga4, bigquery)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "values: [USD, EUR]", with: "values: [USD, GBP]") } == [
            "error: parameter `currency` of `add_to_cart` no longer allows `EUR` [param-values-removed] (data-layer, ga4, bigquery)",
            "warning: parameter `currency` of `add_to_cart` now also allows `GBP` [param-values-added] (ga4, bigquery)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "coupon_code: {type: string}", with: "coupon_code: {type: string, values: [SALE]}") } == [
            "error: parameter `coupon_code` of `add_to_cart` now allows only `SALE` (was: any value) [param-values-removed] (data-layer)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: ", values: [USD, EUR]", with: "") } == [
            "warning: parameter `currency` of `add_to_cart` now allows any value (was: `USD`, `EUR`) [param-values-added] (ga4, bigquery)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "coupon_code: {type: string}", with: "coupon_code: {type: string, from: ecommerce.coupon}") } == [
            "warning: parameter `coupon_code` of `add_to_cart` now comes from dataLayer key `ecommerce.coupon` (was: dataLayer key `coupon_code`) [param-source-changed] (data-layer, gtm)",
        ])
    }

    @Test func hostnames() throws {
        #expect(try changes { $0.replacingOccurrences(of: "ga4: {measurement_id: G-AAAA1111}", with: "ga4: {measurement_id: G-AAAA1111}\nhostnames: [www.shop.example]") } == [
            "warning: the hostnames changed to `www.shop.example` (was: every host) [hostnames-changed] (gtm)",
        ])
    }

    @Test func consent() throws {
        #expect(try changes { $0.replacingOccurrences(of: "ga4: {measurement_id: G-AAAA1111}", with: "ga4: {measurement_id: G-AAAA1111}\nconsent: {required: [analytics_storage]}") } == [
            "warning: every tag now requires `analytics_storage` (was: no consent) [consent-changed] (gtm, ga4)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "    kind: macro\n    stage: decision\n", with: "    kind: macro\n    stage: decision\n    consent: [ad_storage]\n") } == [
            "warning: event `purchase` now requires `ad_storage` besides the plan's consent (was: no consent) [consent-changed] (gtm, ga4)",
        ])
    }

    @Test func ga4AndPageTypes() throws {
        #expect(try changes { $0.replacingOccurrences(of: "G-AAAA1111", with: "G-BBBB2222") } == [
            "error: the measurement id changed from `G-AAAA1111` to `G-BBBB2222` [measurement-id-changed] (gtm, ga4, bigquery)",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "  cart:\n    match: {path: /cart}\n", with: "  cart:\n    match: {path_prefix: /cart}\n  checkout:\n    match: {path: /checkout}\n") } == [
            "warning: page type `cart` now matches path_prefix `/cart` (was: path `/cart`) [page-type-match-changed] (gtm)",
            "info: page type `checkout` was added [page-type-added]",
        ])
        #expect(try changes { $0.replacingOccurrences(of: "  cart:\n    match: {path: /cart}\n", with: "") } == [
            "warning: page type `cart` was removed [page-type-removed] (gtm)",
        ])
    }

    @Test func renamedFromIsChecked() {
        let lines = Harness.lines(Harness.load(["plan.yaml": Self.base.replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    renamed_from: purchase\n    stage: decision")]).diagnostics)
        #expect(lines == ["plan.yaml:14:19-14:27: error: `add_to_cart` is renamed from `purchase`, which the plan still defines [plan-schema]"])
    }

    // MARK: The command

    func git(_ arguments: [String], in dir: TempDirectory) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func gitRevisionsWithIncludesReadAtTheSameRevision() throws {
        let dir = try TempDirectory([
            "tracking/plan.yaml": Harness.header + "include: [events/cart.yaml]\n",
            "tracking/events/cart.yaml": "events:\n  add_to_cart:\n    stage: decision\n    params:\n      quantity: {type: string}\n",
        ])
        try git(["init", "-q", "-b", "main"], in: dir)
        try git(["add", "."], in: dir)
        try git(["commit", "-q", "-m", "v1"], in: dir)
        try dir.write("tracking/events/cart.yaml", "events:\n  add_to_cart:\n    stage: decision\n    params:\n      quantity: {type: integer}\n")
        let result = try CLI.run(["diff", "main:tracking/plan.yaml", "tracking/plan.yaml"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("""
        tracking/events/cart.yaml:5:7: error: parameter `quantity` of `add_to_cart` changed type from string to integer [param-type-changed]
         5 |       quantity: {type: integer}
           |       ^~~~~~~~
        """))
        #expect(result.stdout.contains("   = note: before at main:tracking/events/cart.yaml:5:7\n"))
        #expect(result.stdout.hasSuffix("2 breaking changes, 1 safe change\n"))
        // The same revision on both sides: no changes.
        let same = try CLI.run(["diff", "main:tracking/plan.yaml", "HEAD:tracking/plan.yaml"], in: dir.url)
        #expect(same.status == 0)
        #expect(same.stdout == "no changes\n")
        // A revision that does not exist is an unreadable side, never "no changes".
        let missing = try CLI.run(["diff", "nosuchrev:tracking/plan.yaml", "tracking/plan.yaml"], in: dir.url)
        #expect(missing.status == 2)
        #expect(missing.stdout == "error: cannot read plan `nosuchrev:tracking/plan.yaml`: `nosuchrev` is not a git revision here\n1 plan pair could not be read\n")
    }

    @Test func aSideWithErrorsIsComparedAsFarAsItLoadedAndSaysSo() throws {
        let dir = try TempDirectory(["old.yaml": Self.base, "new.yaml": Self.base.replacingOccurrences(of: "    stage: decision\n    pages", with: "    stgae: decision\n    pages")])
        let result = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "github"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=new.yaml,line=14,col=5,endLine=14,endColumn=10,title=trackplan diff-incomplete::the new side (new.yaml) has 1 load error; the diff covers only what loaded%0Ahelp: first: unknown key `stgae` in event `add_to_cart`; did you mean `stage`? — run `trackplan lint` on it for all of them\n"))
    }

    @Test func gatesAndExitCodes() throws {
        let dir = try TempDirectory(["old.yaml": Self.base, "new.yaml": Self.base + "  view_cart:\n    stage: decision\n"])
        #expect(try CLI.run(["diff", "old.yaml", "new.yaml"], in: dir.url).status == 0)
        #expect(try CLI.run(["diff", "old.yaml", "new.yaml", "--fail-on", "any"], in: dir.url).status == 1)
        #expect(try CLI.run(["diff", "new.yaml", "old.yaml"], in: dir.url).status == 1)
        #expect(try CLI.run(["diff", "new.yaml", "old.yaml", "--fail-on", "none"], in: dir.url).status == 0)
        #expect(try CLI.run(["diff", "old.yaml", "gone.yaml"], in: dir.url).status == 2)
        #expect(try CLI.run(["diff", "old.yaml"], in: dir.url).status == 64)
        let explain = try CLI.run(["diff", "--explain"])
        #expect(explain.status == 0)
        for kind in ChangeKinds.all { #expect(explain.stdout.contains(kind.id + " ")) }
    }

    @Test func markdownForAPullRequestComment() throws {
        let dir = try TempDirectory(["old.yaml": Self.base, "new.yaml": Self.base
            .replacingOccurrences(of: "coupon_code: {type: string}", with: "coupon_code: {type: integer}")
            .replacingOccurrences(of: "  add_to_cart:\n    stage: decision", with: "  add_to_cart:\n    stage: awareness")])
        let result = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "markdown"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdout == """
        ## Tracking plan changes: `old.yaml` → `new.yaml`

        **2 breaking**, 2 safe changes.

        | Who | Breaking | Warning | Safe |
        | --- | ---: | ---: | ---: |
        | [Site data layer](#site-data-layer) | 1 | 0 | 0 |
        | [GA4 reports and key events](#ga4-reports-and-key-events) | 2 | 0 | 1 |
        | [BigQuery queries](#bigquery-queries) | 1 | 0 | 0 |
        | [The plan only](#the-plan-only) | 0 | 0 | 1 |

        ### Site data layer

        | Level | Change | Where | What to do |
        | --- | --- | --- | --- |
        | 🔴 breaking | parameter `coupon_code` of `add_to_cart` changed type from string to integer (`param-type-changed`) | `new.yaml:19` | BigQuery: its values move from `value.string_value` to `value.int_value`; queries reading the old column return NULL for new data. Read both with `(SELECT COALESCE(value.int_value, SAFE_CAST(value.string_value AS INT64), CAST(value.double_value AS INT64)) FROM UNNEST(event_params) WHERE key = 'coupon_code')`. Site: push an integer for `coupon_code`. |

        ### GA4 reports and key events

        | Level | Change | Where | What to do |
        | --- | --- | --- | --- |
        | 🔴 breaking | parameter `coupon_code` of `add_to_cart` changed type from string to integer (`param-type-changed`) | `new.yaml:19` | BigQuery: its values move from `value.string_value` to `value.int_value`; queries reading the old column return NULL for new data. Read both with `(SELECT COALESCE(value.int_value, SAFE_CAST(value.string_value AS INT64), CAST(value.double_value AS INT64)) FROM UNNEST(event_params) WHERE key = 'coupon_code')`. Site: push an integer for `coupon_code`. |
        | 🔴 breaking | custom dimension `coupon_code` no longer receives data: no event sends `coupon_code` (`custom-dimension-removed`) | `old.yaml:19` | GA4: archive it in Admin → Custom definitions to free its slot once reports no longer need it. |
        | 🟢 safe | custom metric `coupon_code` (standard) is to be registered (sent by `add_to_cart`) (`custom-metric-registered`) | `new.yaml:19` | GA4: create it in Admin → Custom definitions → Custom metrics, scope Event, unit STANDARD. |

        ### BigQuery queries

        | Level | Change | Where | What to do |
        | --- | --- | --- | --- |
        | 🔴 breaking | parameter `coupon_code` of `add_to_cart` changed type from string to integer (`param-type-changed`) | `new.yaml:19` | BigQuery: its values move from `value.string_value` to `value.int_value`; queries reading the old column return NULL for new data. Read both with `(SELECT COALESCE(value.int_value, SAFE_CAST(value.string_value AS INT64), CAST(value.double_value AS INT64)) FROM UNNEST(event_params) WHERE key = 'coupon_code')`. Site: push an integer for `coupon_code`. |

        ### The plan only

        | Level | Change | Where | What to do |
        | --- | --- | --- | --- |
        | 🟢 safe | event `add_to_cart` moved from stage `decision` to `awareness` (`event-stage-changed`) | `new.yaml:14` |  |

        """)
    }

    @Test(.enabled(if: Requirement.hasCmarkGFM, Requirement.pythonReason(Requirement.cmarkgfm)))
    func markdownRendersWithConsistentTablesAndAnchors() throws {
        let edited = Self.base
            .replacingOccurrences(of: "coupon_code: {type: string}", with: "coupon_code: {type: integer, values: [1, 2]}")
            .replacingOccurrences(of: "  purchase:\n    kind: macro", with: "  order | done:\n    renamed_from: purchase\n    kind: macro")
            .replacingOccurrences(of: "G-AAAA1111", with: "G-BBBB2222")
        let dir = try TempDirectory(["old.yaml": Self.base, "new.yaml": edited])
        let result = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "markdown", "-o", "diff.md"], in: dir.url)
        #expect(result.status == 1)
        let (status, text) = try PythonScript.run("check_markdown.py", [dir.url.appendingPathComponent("diff.md").path, "order | done"])
        #expect(status == 0)
        #expect(text == "ok\n")
    }
}
