import TrackplanCore
import TrackplanFormat

/// `--merge-into`: what an import found, added to an existing plan without overwriting
/// anything a person wrote. New events, parameters, page types, shared parameters and user
/// properties are added; where the two disagree the existing plan's version is kept and the
/// conflict is reported (and noted in a comment at the event).
public enum PlanMerger {
    /// `imported` merged into `existing` (a plan named `existingPath`), to be written to
    /// `outputPath` (named in the comment that says how to review it).
    public static func merge(_ imported: ImportResult, into existing: Plan, existingPath: String, outputPath: String? = nil) -> ImportResult {
        var plan = existing
        var report = imported.report
        var comments = PlanComments()
        let source = imported.report.source
        comments.add("`\(existingPath)` with what `trackplan import` found in `\(source)` added (--merge-into); nothing it said was changed.", at: .header)
        comments.add("Review the additions and conflicts (`# import:`), e.g. with `trackplan diff \(existingPath) \(outputPath ?? "MERGED.yaml")`.", at: .header)

        func conflict(_ entity: String, _ name: String, _ text: String, event: String? = nil) {
            report.add(.init(.conflict, entity, name: name, note: text + "; kept the existing plan's"))
            if let event { comments.add("import: \(text) (kept this plan's)", at: .event(event)) }
        }
        func added(_ entity: String, _ name: String, _ text: String) {
            report.add(.init(.added, entity, name: name, note: text))
        }

        // Plan-wide settings.
        if let id = imported.plan.measurementID {
            if plan.measurementID == nil { plan.measurementID = id; added("setting", "ga4.measurement_id", "`\(id.value)`") }
            else if plan.measurementID?.value != id.value { conflict("setting", "ga4.measurement_id", "the source says `\(id.value)`, the plan `\(plan.measurementID?.value ?? "")`") }
        }
        if let id = imported.plan.gtmPublicID {
            if plan.gtmPublicID == nil { plan.gtmPublicID = id; added("setting", "gtm.public_id", "`\(id.value)`") }
            else if plan.gtmPublicID?.value != id.value { conflict("setting", "gtm.public_id", "the source says `\(id.value)`, the plan `\(plan.gtmPublicID?.value ?? "")`") }
        }
        if plan.hostnames.isEmpty, !imported.plan.hostnames.isEmpty {
            plan.hostnames = imported.plan.hostnames
            added("setting", "hostnames", imported.plan.hostnames.map(\.value).joined(separator: ", "))
        }
        for param in imported.plan.sharedParams where !plan.sharedParams.contains(where: { $0.name == param.name }) {
            plan.sharedParams.append(param); added("shared parameter", param.name, "from `\(param.source.planText)`")
        }
        for param in imported.plan.userProperties where !plan.userProperties.contains(where: { $0.name == param.name }) {
            plan.userProperties.append(param); added("user property", param.name, "from `\(param.source.planText)`")
        }

        // Page types: the same match is the same page type, whatever its id.
        var pageID: [String: String] = [:]
        for pageType in imported.plan.pageTypes {
            if let same = plan.pageTypes.first(where: { $0.match.value == pageType.match.value }) {
                pageID[pageType.id] = same.id
                continue
            }
            var id = pageType.id
            var n = 2
            while plan.pageTypes.contains(where: { $0.id == id }) { id = "\(pageType.id)_\(n)"; n += 1 }
            var copy = pageType
            copy.id = id
            plan.pageTypes.append(copy)
            pageID[pageType.id] = id
            added("page type", id, "\(pageType.match.value.key): \(pageType.match.value.pattern)")
        }

        let stages = Set(plan.stages.map(\.id))
        for var event in imported.plan.events {
            event.pages = event.pages?.map { Located(pageID[$0.value] ?? $0.value) }
            guard let index = plan.events.firstIndex(where: { $0.name == event.name }) else {
                if let stage = event.stage?.value, !stages.contains(stage) {
                    event.stage = nil
                    comments.add("import: the proposed stage `\(stage)` is not one of this plan's stages; assign one.", at: .event(event.name))
                }
                for line in imported.comments[.event(event.name)] { comments.add(line, at: .event(event.name)) }
                for param in event.params {
                    for line in imported.comments[.param(event: event.name, name: param.name)] { comments.add(line, at: .param(event: event.name, name: param.name)) }
                }
                for key in ["trigger", "kind", "stage", "leads_to"] {
                    for line in imported.comments[.eventKey(event: event.name, key: key)] { comments.add(line, at: .eventKey(event: event.name, key: key)) }
                }
                plan.events.append(event)
                added("event", event.name, "with \(event.params.count) parameter(s)")
                continue
            }
            var mine = plan.events[index]
            let name = event.name
            if event.hasExplicitTrigger, mine.trigger.value != event.trigger.value {
                conflict("event", name, "the source fires it on `\(PlanWriter.triggerText(event.trigger.value))`, the plan on `\(PlanWriter.triggerText(mine.trigger.value))`", event: name)
            }
            if let pages = event.pages, let minePages = mine.pages, Set(pages.map(\.value)) != Set(minePages.map(\.value)) {
                conflict("event", name, "the source scopes it to the pages [\(pages.map(\.value).joined(separator: ", "))], the plan to [\(minePages.map(\.value).joined(separator: ", "))]", event: name)
            } else if mine.pages == nil, let pages = event.pages, mine.hasExplicitTrigger == false {
                mine.pages = pages
                added("event", name, "pages [\(pages.map(\.value).joined(separator: ", "))]")
            }
            if mine.description == nil, let description = event.description { mine.description = description; added("event", name, "its description") }
            if mine.owner == nil, let owner = event.owner { mine.owner = owner; added("event", name, "its owner") }
            for param in event.params {
                guard let theirs = mine.params.first(where: { $0.name == param.name }) else {
                    mine.params.append(param)
                    for line in imported.comments[.param(event: name, name: param.name)] { comments.add(line, at: .param(event: name, name: param.name)) }
                    added("parameter", "\(name).\(param.name)", "from `\(param.source.planText)`")
                    continue
                }
                if param.hasExplicitSource, theirs.source != param.source {
                    conflict("parameter", "\(name).\(param.name)", "the source reads `\(param.name)` from `\(param.source.planText)`, the plan from `\(theirs.source.planText)`", event: name)
                }
                if report.format != .gtm, theirs.type != param.type {
                    conflict("parameter", "\(name).\(param.name)", "the source types `\(param.name)` as \(param.type.rawValue), the plan as \(theirs.type.rawValue)", event: name)
                }
            }
            plan.events[index] = mine
        }
        var result = ImportResult(plan: plan, comments: comments, report: report)
        ImportSanitizer.apply(&result)
        return result
    }
}
