import Foundation
import FuzzSupport
import TrackplanCapture
import TrackplanCore
import TrackplanFormat
import TrackplanReports
import TrackplanVerify

/// A fixed plan the fuzzed captures are verified against.
let plan = """
trackplan: 1
name: Base
ga4: {measurement_id: G-AAAA1111}
stages: [{id: consideration}, {id: decision}]
page_types:
  product: {match: {path_prefix: /products/}}
  cart: {match: {path_regex: '^/cart/?$'}}
events:
  add_to_cart:
    stage: consideration
    leads_to: purchase
    pages: [product]
    params:
      currency: {type: string, required: true, values: [USD, EUR]}
      value: {type: number, min: 0, from: ecommerce.value}
      items: {type: items}
  purchase:
    kind: macro
    stage: decision
    pages: [cart]
    params:
      transaction_id: {type: string, required: true, pattern: '^T-[0-9]+$', from: ecommerce.transaction_id}
  old_event:
    stage: decision
    leads_to: purchase
    status: deprecated

"""
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trackplan-fuzz-capture-\(getpid())")
try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let file = directory.appendingPathComponent("capture")
// Loaded once: the capture is what is fuzzed.
let loadedPlan: Plan = {
    guard let plan = try? PlanLoader(sources: MemorySourceProvider(["plan.yaml": plan])).load("plan.yaml").plan else {
        fatalError("the fuzz plan does not load")
    }
    return plan
}()

/// The fuzz target, as libFuzzer looks it up: the bytes as a capture of every format (and
/// detected), verified against the plan, through every output.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCapture(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(UnsafeBufferPointer(start: $0, count: size)) } ?? Data()
    guard (try? bytes.write(to: file)) != nil else { return 0 }
    for format in [nil] + CaptureFormat.allCases.map(Optional.some) {
        var options = VerifyOptions()
        options.required = ["purchase"]
        options.minCoverage = 0.5
        let outcome = VerifyPipeline.run(plan: loadedPlan, planPath: "plan.yaml",
                                         inputs: [VerifyInput(path: file.path, format: format, displayPath: "capture")], options: options)
        _ = VerifyJSON.document(outcome, planPath: "plan.yaml")
        _ = VerifyMarkdown.document(outcome, planPath: "plan.yaml")
        if let result = outcome.result, let gates = outcome.gates { _ = VerifyText.summary(result, gates: gates) }
        // The lint reporters (SARIF lists every rule: slow) once, on the detected format.
        if format == nil {
            for reporter in ReporterRegistry.all {
                _ = reporter.init(options: ReporterOptions(baseDirectory: "/")).format(outcome.report)
            }
        }
    }
    return 0
}

runFuzzer(fuzzCapture)
