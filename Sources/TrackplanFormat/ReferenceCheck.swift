import TrackplanCore

/// Checks that every name a plan refers to exists: stages, page types, macro-conversions, rules.
struct ReferenceCheck {
    /// The rule ids that may be named; nil when unknown (only the loader's own ids are refused).
    let knownRuleIDs: [String]?
    let ruleIDSet: Set<String>

    /// Events whose `kind` could not be read: whether they are macro-conversions is unknown.
    let undecidedKinds: Set<String>

    init(knownRuleIDs: [String]?, undecidedKinds: Set<String> = []) {
        self.knownRuleIDs = knownRuleIDs
        ruleIDSet = Set(knownRuleIDs ?? [])
        self.undecidedKinds = undecidedKinds
    }

    /// Whether `id` names no rule the plan may configure.
    func isUnknownRule(_ id: String) -> Bool {
        knownRuleIDs != nil && !ruleIDSet.contains(id)
    }

    func run(_ plan: inout Plan, into decoder: inout FieldDecoder) {
        let stageIDs = plan.stages.map(\.id)
        let pageTypeIDs = plan.pageTypes.map(\.id)
        let stageSet = Set(stageIDs), pageTypeSet = Set(pageTypeIDs)
        var kinds: [String: EventKind] = [:]
        for event in plan.events where kinds[event.name] == nil { kinds[event.name] = event.kind }
        let macros = plan.events.filter { $0.kind == .macro }.map(\.name)

        for event in plan.events {
            // Without any stage (`stages` missing, empty or unreadable, reported already), a
            // reference to one says nothing more.
            if !stageIDs.isEmpty, let stage = event.stage, !stageSet.contains(stage.value) {
                unknown("stage", stage, candidates: stageIDs, path: event.path.appending("stage"), decoder: &decoder,
                        orElse: "the stages are " + list(stageIDs))
            }
            for page in event.pages ?? [] where !pageTypeSet.contains(page.value) {
                unknown("page type", page, candidates: pageTypeIDs, path: event.path.appending("pages"), decoder: &decoder,
                        orElse: pageTypeIDs.isEmpty ? "define it under `page_types`" : "the page types are " + list(pageTypeIDs))
            }
            if let target = event.leadsTo {
                checkMacro(target, key: "leads_to", kinds: kinds, macros: macros, path: event.path.appending("leads_to"), decoder: &decoder)
            }
            checkSuppressions(event.suppressions, path: event.path, decoder: &decoder)
            if let previous = event.renamedFrom, kinds[previous.value] != nil {
                decoder.error("`\(event.name)` is renamed from `\(previous.value)`, which the plan still defines",
                              at: previous.span, path: event.path.appending("renamed_from"),
                              hint: "remove the old event `\(previous.value)`, or remove `renamed_from`")
            }
            // Renamed parameters are rare: the set of names is made only for an event that has one.
            guard event.params.contains(where: { $0.renamedFrom != nil }) else { continue }
            var paramNames = Set(event.params.map(\.name))
            for param in event.params {
                guard let previous = param.renamedFrom, paramNames.contains(previous.value) else { continue }
                decoder.error("parameter `\(param.name)` is renamed from `\(previous.value)`, which `\(event.name)` still sends",
                              at: previous.span, path: event.path.param(param.name).appending("renamed_from"),
                              hint: "remove the old parameter `\(previous.value)`, or remove `renamed_from`")
                paramNames.remove(previous.value)
            }
        }
        for pageType in plan.pageTypes {
            if let macro = pageType.macro {
                checkMacro(macro, key: "macro", kinds: kinds, macros: macros, path: pageType.path.appending("macro"), decoder: &decoder)
            }
            checkSuppressions(pageType.suppressions, path: pageType.path, decoder: &decoder)
        }
        for setting in plan.ruleSettings {
            let id = setting.ruleID
            if RuleID.loading.contains(id.value) {
                decoder.error(RuleID.unknownReference, "rule `\(id.value)` cannot be configured: it reports plans that cannot be loaded",
                              at: id.span, path: EntityPath(["lint", "rules", id.value]), hint: "remove this line")
            } else if isUnknownRule(id.value) {
                unknown("rule", id, candidates: knownRuleIDs ?? [], path: EntityPath(["lint", "rules", id.value]), decoder: &decoder,
                        orElse: "`trackplan rules` lists the rules")
            }
        }
    }

    func list(_ ids: [String]) -> String {
        ids.map { "`\($0)`" }.joined(separator: ", ")
    }

    func unknown(_ what: String, _ name: Located<String>, candidates: @autoclosure () -> [String], path: EntityPath,
                 decoder: inout FieldDecoder, orElse: @autoclosure () -> String) {
        // Past the diagnostic budget nothing is reported, so the did-you-mean search is skipped:
        // thousands of unknown references against thousands of candidates stay linear.
        guard decoder.admits(RuleID.unknownReference, at: name.span) else { return }
        decoder.budget.readmit(RuleID.unknownReference, at: name.span)
        let near = Suggestion.nearest(to: name.value, in: candidates())
        decoder.error(RuleID.unknownReference, "unknown \(what) `\(name.value)`" + (near.map { "; did you mean `\($0)`?" } ?? ""),
                      at: name.span, path: path, hint: near.map { "rename it to `\($0)`" } ?? orElse())
    }

    func checkMacro(_ target: Located<String>, key: String, kinds: [String: EventKind], macros: [String],
                    path: EntityPath, decoder: inout FieldDecoder) {
        if undecidedKinds.contains(target.value) { return }  // its `kind` error is the cause
        switch kinds[target.value] {
        case .macro?:
            return
        case .micro?:
            decoder.error(RuleID.unknownReference,
                          "`\(key)` names `\(target.value)`, a micro-conversion; it must name a macro-conversion (an event with `kind: macro`)",
                          at: target.span, path: path,
                          hint: macros.isEmpty ? "add `kind: macro` to the conversion event" : "the macro-conversions are " + list(macros))
        case nil:
            unknown("macro-conversion", target, candidates: macros, path: path, decoder: &decoder,
                    orElse: macros.isEmpty ? "define it under `events` with `kind: macro`" : "the macro-conversions are " + list(macros))
        }
    }

    func checkSuppressions(_ suppressions: [Suppression], path: EntityPath, decoder: inout FieldDecoder) {
        for suppression in suppressions where RuleID.loading.contains(suppression.ruleID.value) || isUnknownRule(suppression.ruleID.value) {
            if RuleID.loading.contains(suppression.ruleID.value) {
                decoder.error(RuleID.unknownReference, "rule `\(suppression.ruleID.value)` cannot be suppressed: it reports plans that cannot be loaded",
                              at: suppression.ruleID.span, path: path.appending("suppress"), hint: "fix the problem instead")
            } else {
                unknown("rule", suppression.ruleID, candidates: knownRuleIDs ?? [], path: path.appending("suppress", suppression.ruleID.value),
                        decoder: &decoder, orElse: "`trackplan rules` lists the rules")
            }
        }
    }
}
