import TrackplanCore
import TrackplanFormat

/// What an importer proposes where its source is silent: funnel stages, micro or macro, the
/// macro-conversion a micro leads to. Every proposal is marked in a comment and in the report.
public enum Proposals {
    /// The stages proposed when the source has none.
    public static let stages = [
        Stage(id: "awareness", name: "Discover", description: "Visitors arrive and look around.", index: 0),
        Stage(id: "consideration", name: "Evaluate", description: "Visitors compare, read and try.", index: 1),
        Stage(id: "decision", name: "Decide", description: "Visitors commit: cart, checkout, sign-up, lead.", index: 2),
    ]

    /// GA4 recommended events that are the conversion itself.
    public static let macros: Set<String> = ["purchase", "generate_lead", "sign_up", "close_convert_lead", "qualify_lead"]
    /// Recommended events of the decision stage (commitment).
    static let decision: Set<String> = ["add_to_cart", "begin_checkout", "add_shipping_info", "add_payment_info", "view_cart",
                                         "add_to_wishlist", "remove_from_cart", "working_lead", "login"]
    /// Recommended events of the consideration stage (comparison).
    static let consideration: Set<String> = ["view_item", "view_item_list", "select_item", "search", "view_search_results",
                                              "select_promotion", "select_content", "share", "tutorial_begin", "tutorial_complete"]
    /// Recommended events of the awareness stage.
    static let awareness: Set<String> = ["view_promotion", "page_view", "scroll", "first_visit", "session_start"]
    /// E-commerce events that lead to a purchase.
    static let ecommerce: Set<String> = ["view_item", "view_item_list", "select_item", "add_to_cart", "begin_checkout",
                                          "add_shipping_info", "add_payment_info", "view_cart", "add_to_wishlist",
                                          "select_promotion", "view_promotion", "remove_from_cart"]

    /// The stage proposed for an event named `name` (its GA4 recommended meaning), if any.
    public static func stage(for name: String) -> String? {
        let canonical = GA4Facts.recommendedSynonyms[name] ?? name
        if macros.contains(canonical) || decision.contains(canonical) { return "decision" }
        if consideration.contains(canonical) { return "consideration" }
        if awareness.contains(canonical) { return "awareness" }
        return nil
    }

    /// Applies the proposals to events whose source said nothing about them: a macro kind for
    /// GA4's conversion events, a stage for recommended events, `leads_to: purchase` for
    /// e-commerce micros when the plan has a purchase. Each proposal gets a comment and a line
    /// in the report. `decided` names the events whose source did say (left alone).
    public static func apply(to plan: inout Plan, comments: inout PlanComments, report: inout ImportReport,
                             decided: Set<String> = []) {
        let names = Set(plan.events.map(\.name))
        for i in plan.events.indices where !decided.contains(plan.events[i].name) {
            let name = plan.events[i].name
            let canonical = GA4Facts.recommendedSynonyms[name] ?? name
            func propose(_ key: String, _ text: String) {
                comments.add("proposed: \(text)", at: .eventKey(event: name, key: key))
                report.add(.init(.proposed, "proposal", name: name, note: "`\(key)`: \(text)"))
            }
            if macros.contains(canonical), plan.events[i].kind != .macro {
                plan.events[i].kind = .macro
                plan.events[i].keyEvent = true
                propose("kind", "a GA4 conversion event, so a macro-conversion and key event")
            }
            if plan.events[i].stage == nil, let stage = stage(for: name) {
                plan.events[i].stage = Located(stage)
                propose("stage", canonical == name ? "`\(name)` is a GA4 recommended event of this stage"
                                                    : "`\(name)` means GA4's `\(canonical)`, a recommended event of this stage")
            }
            if plan.events[i].kind == .micro, plan.events[i].leadsTo == nil, ecommerce.contains(canonical), names.contains("purchase") {
                plan.events[i].leadsTo = Located("purchase")
                propose("leads_to", "an e-commerce step toward `purchase`")
            }
        }
    }

    /// Ends an import from a plan format without funnel stages: the proposed stages, the
    /// proposals, and the header that explains the renaming.
    static func finishPlanImport(_ plan: inout Plan, comments: inout PlanComments, report: inout ImportReport) {
        let title = report.format.title
        let article = "AEIOU".contains(title.first ?? "x") ? "An" : "A"
        plan.stages = stages
        comments.add("Proposed stages: \(article.lowercased()) \(title) has no funnel. Assign each event's `stage`, or change these.", at: .section("stages"))
        apply(to: &plan, comments: &comments, report: &report)
        comments.add("Names GA4 rejects (it takes letters, digits and `_`, starting with a letter, at most 40 characters)", at: .header)
        comments.add("were renamed to snake_case; each says its original. Review them and what was proposed", at: .header)
        comments.add("(`# proposed:`), then run `trackplan lint` on this plan.", at: .header)
    }

    /// Reads `param` from the data layer key `key` when `from` can say it; otherwise from the
    /// parameter's own name, with the original key in its description and a note.
    static func readKey(_ key: String, into param: inout Param, notes: inout [String]) {
        if PlanKeys.isDataLayerKeyPath(key) {
            param.source = .dataLayer(key)
            param.hasExplicitSource = key != param.name
        } else {
            param.description = (param.description.map { $0 + " " } ?? "") + "(Originally `\(key)`.)"
            notes.append("`\(key)` has spaces or quotes, so the plan reads the data layer key `\(param.name)`")
        }
    }
}
