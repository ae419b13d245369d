import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

@Suite struct LoaderTests {
    func errors(_ body: String, extra: [String: String] = [:]) -> [String] {
        var files = extra
        files["plan.yaml"] = Harness.header + body
        return Harness.lines(Harness.load(files).diagnostics)
    }

    @Test func normativeExampleLoads() throws {
        let result = Harness.load(["plan.yaml": """
        trackplan: 1
        name: Acme Shop
        description: Storefront tracking plan.
        include: [events/content.yaml]
        ga4:
          measurement_id: G-ABC1234567
        conventions:
          case: snake_case
          style: object_action
          actions: []
          events_per_page_type: {min: 5, max: 10}
        stages:
          - id: awareness
            name: Top of funnel
            description: Early interest.
          - id: consideration
          - id: decision
        page_types:
          product:
            name: Product page
            match: {path_regex: '^/products/[^/]+$'}
            macro: purchase
            suppress: {}
        events:
          add_to_wishlist:
            kind: micro
            stage: decision
            pages: [product]
            description: Visitor saves a product for later.
            leads_to: purchase
            signal: 4
            negative: false
            key_event: false
            owner: growth
            status: planned
            trigger:
              click: {selector: 'button.add-to-wishlist'}
            params:
              item_id: {type: string, required: true, description: Product SKU.}
              value: {type: number}
              currency: {type: string, values: [USD, EUR]}
              cta_text: {type: string, from: 'builtin:click_text'}
              list_name: {type: string, from: ecommerce.item_list_name}
            suppress:
              name-style: Name is fixed by the vendor SDK.
          purchase:
            kind: macro
            stage: decision
        lint:
          rules: {page-type-event-count: error}
        """, "events/content.yaml": """
        events:
          guide_download:
            stage: consideration
            leads_to: purchase
            trigger:
              link_click: {url_contains: '.pdf'}
        """])
        #expect(Harness.lines(result.diagnostics) == [])
        let plan = try #require(result.plan)
        #expect(plan.name == "Acme Shop")
        #expect(plan.measurementID?.value == "G-ABC1234567")
        #expect(plan.stages.map(\.id) == ["awareness", "consideration", "decision"])
        #expect(plan.stages[0].title == "Top of funnel")
        #expect(plan.events.map(\.name) == ["add_to_wishlist", "purchase", "guide_download"])
        let wishlist = try #require(plan.event("add_to_wishlist"))
        #expect(wishlist.signal == 4)
        #expect(wishlist.trigger.value == .click(selector: "button.add-to-wishlist"))
        #expect(wishlist.params.map(\.name) == ["item_id", "value", "currency", "cta_text", "list_name"])
        #expect(wishlist.params[3].source == .builtin(.clickText))
        #expect(wishlist.params[4].source == .dataLayer("ecommerce.item_list_name"))
        #expect(wishlist.params[0].source == .dataLayer("item_id"))
        #expect(wishlist.suppressions.map(\.ruleID.value) == ["name-style"])
        #expect(plan.event("purchase")?.keyEvent == true)
        #expect(wishlist.keyEvent == false)
        #expect(plan.event("guide_download")?.span?.file.path == "events/content.yaml")
        #expect(plan.pageType("product")?.match.value == .pathRegex("^/products/[^/]+$"))
        #expect(plan.ruleSettings.map(\.ruleID.value) == ["page-type-event-count"])
        #expect(plan.files.map(\.path) == ["plan.yaml", "events/content.yaml"])
    }

    @Test func unknownKeySuggestsTheNearest() {
        #expect(errors("events:\n  add_to_cart:\n    stgae: decision\n") == [
            "plan.yaml:8:5-8:10: error: unknown key `stgae` in event `add_to_cart`; did you mean `stage`? [plan-schema]",
        ])
        #expect(errors("colour: red\n") == [
            "plan.yaml:6:1-6:7: error: unknown key `colour` in the plan [plan-schema]",
        ])
    }

    @Test func wrongTypes() {
        #expect(errors("events:\n  a_view:\n    signal: high\n    negative: yes\n    pages: product\n") == [
            "plan.yaml:8:13-8:17: error: `signal` must be an integer from 1 to 5, found `high` [plan-schema]",
            "plan.yaml:9:15-9:18: error: `negative` must be `true` or `false`, found `yes` [plan-schema]",
            "plan.yaml:10:12-10:19: error: `pages` must be a list of page type ids, found `product` [plan-schema]",
        ])
    }

    @Test func missingRequiredKeys() {
        let result = Harness.lines(Harness.load(["plan.yaml": "description: nothing else\n"]).diagnostics)
        #expect(result == [
            "plan.yaml:1:1-1:1: error: missing required key `trackplan` in the plan [plan-schema]",
            "plan.yaml:1:1-1:1: error: missing required key `name` in the plan [plan-schema]",
            "plan.yaml:1:1-1:1: error: missing required key `stages` in the plan [plan-schema]",
        ])
        #expect(errors("page_types:\n  product:\n    name: Product\n") == [
            "plan.yaml:7:3-7:10: error: missing required key `match` in page type `product` [plan-schema]",
        ])
    }

    @Test func triggerAndMatchKinds() {
        #expect(errors("events:\n  a_view:\n    trigger: {}\n") == [
            "plan.yaml:8:14-8:16: error: `trigger` needs exactly one kind: `click`, `link_click`, `form_submit`, `scroll`, `video`, `timer`, `visible`, `page_view`, `custom` [plan-schema]",
        ])
        #expect(errors("events:\n  a_view:\n    trigger:\n      click: {selector: a}\n      scroll: {percent: [50]}\n") == [
            "plan.yaml:10:7-10:13: error: `trigger` has 2 kinds, `click` and `scroll`; an event has exactly one trigger [plan-schema]",
        ])
        #expect(errors("page_types:\n  p:\n    match: {path: /a, path_prefix: /b}\n") == [
            "plan.yaml:8:23-8:34: error: `match` has 2 kinds, `path` and `path_prefix`; it takes exactly one [plan-schema]",
        ])
        #expect(errors("page_types:\n  p:\n    match: {}\n") == [
            "plan.yaml:8:12-8:14: error: `match` needs exactly one of `path`, `path_prefix` or `path_regex` [plan-schema]",
        ])
        #expect(errors("events:\n  a_view:\n    trigger:\n      clik: {selector: a}\n") == [
            "plan.yaml:9:7-9:11: error: unknown key `clik` in `trigger`; did you mean `click`? [plan-schema]",
            "plan.yaml:9:7-9:26: error: `trigger` needs exactly one kind: `click`, `link_click`, `form_submit`, `scroll`, `video`, `timer`, `visible`, `page_view`, `custom` [plan-schema]",
        ])
    }

    @Test func enumsListTheAllowedValues() {
        #expect(errors("conventions: {case: snake}\n") == [
            "plan.yaml:6:21-6:26: error: `case` must be one of `snake_case`, `camelCase`, `PascalCase`, `kebab-case`, found `snake` [plan-schema]",
        ])
        #expect(errors("events:\n  a_view:\n    status: live\n") == [
            "plan.yaml:8:13-8:17: error: `status` must be one of `planned`, `implemented`, `deprecated`, found `live` [plan-schema]",
        ])
    }

    @Test func suppressionsNeedAReason() {
        #expect(errors("events:\n  a_view:\n    suppress:\n      name-style:\n") == [
            "plan.yaml:9:7-9:17: error: suppression of `name-style` needs a reason [plan-schema]",
        ])
    }

    @Test func formatVersion() {
        let result = Harness.lines(Harness.load(["plan.yaml": Harness.header.replacingOccurrences(of: "trackplan: 1", with: "trackplan: 2")]).diagnostics)
        #expect(result == ["plan.yaml:1:12-1:13: error: unknown format version 2; this trackplan reads version 1 [plan-schema]"])
    }

    @Test func measurementID() {
        #expect(errors("ga4: {measurement_id: UA-12345}\n") == [
            "plan.yaml:6:23-6:31: error: `measurement_id` must look like `G-XXXXXXXXXX` (G- then at least 4 capital letters or digits), found `UA-12345` [plan-schema]",
        ])
    }

    @Test func unknownReferences() {
        let body = """
        page_types:
          product:
            match: {path_prefix: /products/}
            macro: add_to_cart
            suppress: {name-stlye: Legacy.}
        events:
          add_to_cart:
            stage: decison
            pages: [prodcut]
            leads_to: purchse
          purchase:
            kind: macro
        lint:
          rules: {page-type-count: off, plan-schema: off}

        """
        #expect(errors(body) == [
            "plan.yaml:9:12-9:23: error: `macro` names `add_to_cart`, a micro-conversion; it must name a macro-conversion (an event with `kind: macro`) [unknown-reference]",
            "plan.yaml:10:16-10:26: error: unknown rule `name-stlye`; did you mean `name-style`? [unknown-reference]",
            "plan.yaml:13:12-13:19: error: unknown stage `decison`; did you mean `decision`? [unknown-reference]",
            "plan.yaml:14:13-14:20: error: unknown page type `prodcut`; did you mean `product`? [unknown-reference]",
            "plan.yaml:15:15-15:22: error: unknown macro-conversion `purchse`; did you mean `purchase`? [unknown-reference]",
            "plan.yaml:19:11-19:26: error: unknown rule `page-type-count`; did you mean `page-type-event-count`? [unknown-reference]",
            "plan.yaml:19:33-19:44: error: rule `plan-schema` cannot be configured: it reports plans that cannot be loaded [unknown-reference]",
        ])
    }

    @Test func duplicatesAcrossFiles() {
        let result = errors("include: [more.yaml]\nevents:\n  a_view: {stage: awareness}\n",
                            extra: ["more.yaml": "events:\n  a_view: {stage: decision}\n"])
        #expect(result == [
            "more.yaml:2:3-2:9: error: duplicate event `a_view`; first defined at plan.yaml:8:3 [duplicate-key]",
        ])
        #expect(errors("stages2: []\n").first?.contains("did you mean `stages`?") == true)
        let stages = Harness.lines(Harness.load(["plan.yaml": "trackplan: 1\nname: X\nstages:\n  - id: a\n  - id: a\n"]).diagnostics)
        #expect(stages == ["plan.yaml:5:9-5:10: error: duplicate stage `a`; first defined at plan.yaml:4:9 [duplicate-key]"])
    }

    @Test func includeProblems() {
        #expect(errors("include: [evnts.yaml]\n", extra: ["events.yaml": "events: {}\n"]) == [
            "plan.yaml:6:11-6:21: error: cannot read included file `evnts.yaml`: no such file [include]",
        ])
        let cycle = errors("include: [a.yaml]\n", extra: [
            "a.yaml": "include: [sub/b.yaml]\n",
            "sub/b.yaml": "include: [../a.yaml]\n",
        ])
        #expect(cycle == ["sub/b.yaml:1:11-1:20: error: include cycle: plan.yaml → a.yaml → sub/b.yaml → a.yaml [include]"])
        #expect(errors("include: [plan.yaml]\n") == ["plan.yaml:6:11-6:20: error: include cycle: plan.yaml → plan.yaml [include]"])
        #expect(errors("include: [a.yaml, a.yaml]\n", extra: ["a.yaml": "events: {}\n"]) == [
            "plan.yaml:6:19-6:25: error: `a.yaml` is already included from plan.yaml:6:11; each file is included once [include]",
        ])
        #expect(errors("include: [a.yaml]\n", extra: ["a.yaml": "stages: []\nevents: {}\n"]) == [
            "a.yaml:1:1-1:7: error: `stages` is not allowed in an included file; included files hold only `page_types`, `events` and `include` [plan-schema]",
        ])
    }

    @Test func rootShapeAndEmptyFiles() {
        #expect(Harness.lines(Harness.load(["plan.yaml": "# just a comment\n"]).diagnostics) == [
            "plan.yaml:1:1-1:1: error: file is empty; a plan file holds one YAML mapping [yaml-syntax]",
        ])
        #expect(Harness.lines(Harness.load(["plan.yaml": "- a\n- b\n"]).diagnostics) == [
            "plan.yaml:1:1-2:4: error: the root of a plan file must be a mapping of keys to values, found a list [plan-schema]",
        ])
        let twoDocs = Harness.lines(Harness.load(["plan.yaml": Harness.header + "---\nname: again\n"]).diagnostics)
        #expect(twoDocs == ["plan.yaml:7:1-7:1: error: a plan file holds exactly one YAML document; found another one here [yaml-syntax]"])
    }

    @Test func everyProblemIsCollectedInOneRun() {
        let result = errors("events:\n  a_view:\n    signal: 9\n    kind: big\n  b_view:\n    stage: nowhere\n")
        #expect(result.count == 3)
    }

    @Test func aMistypedKindIsTheOnlyErrorNotItsReferences() {
        let plan = Harness.header + """
        page_types:
          product:
            match: {path_prefix: /products/}
            macro: purchase
        events:
          add_to_cart:
            stage: decision
            leads_to: purchase
          purchase:
            kind: Macro
            stage: decision

        """
        #expect(Harness.lines(Harness.load(["plan.yaml": plan]).diagnostics) == [
            "plan.yaml:15:11-15:16: error: `kind` must be one of `micro`, `macro`, found `Macro` [plan-schema]",
        ])
    }

    @Test func aMissingStagesListIsTheOnlyErrorAndNoHelpIsEmpty() {
        let plan = "trackplan: 1\nname: Shop\nevents:\n  add_to_cart:\n    stage: decision\n  view_item:\n    stage: awareness\n"
        let diagnostics = Harness.load(["plan.yaml": plan]).diagnostics
        #expect(Harness.lines(diagnostics) == ["plan.yaml:1:1-1:1: error: missing required key `stages` in the plan [plan-schema]"])
        #expect(diagnostics.allSatisfy { ($0.hint ?? "x").hasSuffix(" ") == false && $0.hint != "" })
    }

    @Test func aMistakeInAnAnchorIsReportedOnceWithItsUses() {
        let plan = Harness.header + """
        events:
          booking_start:
            <<: &defaults {stage: decision, stgae: decision}
          booking_submit:
            <<: *defaults
          booking_confirm:
            <<: *defaults

        """
        let diagnostics = Harness.load(["plan.yaml": plan]).diagnostics
        #expect(Harness.lines(diagnostics) == [
            "plan.yaml:8:37-8:42: error: unknown key `stgae` in event `booking_start`; did you mean `stage`? [plan-schema]",
        ])
        #expect(diagnostics.first?.related.map { "\($0.message) at \($0.span)" } == [
            "the anchor is used here at plan.yaml:10:9",
            "the anchor is used here at plan.yaml:12:9",
        ])
    }

    @Test func keyEventCountingIsForKeyEvents() throws {
        let plan = Harness.header + "events:\n  demo_request:\n    kind: macro\n    stage: decision\n    key_event_counting: once_per_session\n  pricing_view:\n    stage: decision\n    key_event_counting: once_per_event\n"
        let result = Harness.load(["plan.yaml": plan])
        #expect(Harness.lines(result.diagnostics) == [
            "plan.yaml:13:25-13:39: error: `key_event_counting` is for key events; `pricing_view` is not one [plan-schema]",
        ])
        #expect(result.plan?.event("demo_request")?.keyEventCounting == .oncePerSession)
        let fixed = try #require(Harness.load(["plan.yaml": plan.replacingOccurrences(of: "    key_event_counting: once_per_event\n", with: "")]).plan)
        let admin = GA4AdminExport.json(MeasurementSpec(plan: fixed)).serialized(pretty: false)
        #expect(admin.contains(#"{"eventName":"demo_request","countingMethod":"ONCE_PER_SESSION","description":null}"#))
    }
}
