import FuzzSupport
import TrackplanCore
import TrackplanDiff
import TrackplanFormat
import TrackplanReports

/// A fixed plan the fuzzed one is compared with, both ways.
let basePlan = Array("""
trackplan: 1
name: Base
ga4: {measurement_id: G-AAAA1111}
stages: [{id: awareness}, {id: decision}]
page_types:
  product: {match: {path_prefix: /products/}}
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

""".utf8)

/// The fuzz target, as libFuzzer looks it up: diff the base plan and the bytes, both ways,
/// and format the changes with every reporter and as Markdown.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDiff(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let sources = MemorySourceProvider(bytes: ["base.yaml": basePlan, "plan.yaml": bytes, "events.yaml": basePlan])
    for (old, new) in [("base.yaml", "plan.yaml"), ("plan.yaml", "base.yaml")] {
        let run = DiffRun(old: .init(argument: old, path: old, sources: sources), new: .init(argument: new, path: new, sources: sources))
        let outcome = run.run()
        _ = DiffMarkdown.render(outcome, old: old, new: new)
        for reporter in ReporterRegistry.all {
            _ = reporter.init(options: ReporterOptions(baseDirectory: "/")).format(outcome.report.capped())
        }
    }
    return 0
}

runFuzzer(fuzzDiff)
