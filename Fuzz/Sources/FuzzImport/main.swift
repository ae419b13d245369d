import Foundation
import FuzzSupport
import TrackplanCore
import TrackplanFormat
import TrackplanImport

/// A fixed plan the fuzzed sources are also merged into.
let base = """
trackplan: 1
name: Base
stages: [{id: decision}]
page_types:
  cart: {match: {path: /cart}}
events:
  purchase:
    kind: macro
    stage: decision
    pages: [cart]
    params:
      value: {type: number, from: ecommerce.value}

"""
let basePlan: Plan = {
    guard let plan = try? PlanLoader(sources: MemorySourceProvider(["plan.yaml": base])).load("plan.yaml").plan else {
        fatalError("the fuzz base plan does not load")
    }
    return plan
}()

/// The invariant: whatever an import produces, written as YAML, loads without errors as the
/// same plan (one file and split).
func check(_ result: ImportResult) {
    let text = PlanWriter().write(result.plan, comments: result.comments)
    let loaded = try? PlanLoader(sources: MemorySourceProvider(["plan.yaml": text])).load("plan.yaml")
    guard let loaded, !loaded.hasErrors, loaded.plan == result.plan else {
        let errors = (loaded?.diagnostics ?? []).filter { $0.severity == .error }.prefix(3).map(\.message)
        fatalError("an imported plan does not load back: \(errors)\n\(text)")
    }
    let files = PlanWriter().write(result.plan, comments: result.comments, split: .pageType)
    var sources: [String: String] = [:]
    for file in files { sources[file.path.isEmpty ? "plan.yaml" : file.path] = file.text }
    guard let split = try? PlanLoader(sources: MemorySourceProvider(sources)).load("plan.yaml"), !split.hasErrors else {
        fatalError("a split imported plan does not load")
    }
    _ = ImportReportText.markdown(result.report)
    _ = ImportReportText.json(result.report)
    _ = ImportReportText.summary(result, output: "plan.yaml")
}

/// The fuzz target, as libFuzzer looks it up: the bytes imported as every format (and
/// detected), each result written and loaded back, and merged into a fixed plan.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for format in [nil] + ImportFormat.allCases.map(Optional.some) {
        guard let result = try? Importer.importSource(bytes, source: "source", format: format) else { continue }
        check(result)
        check(PlanMerger.merge(result, into: basePlan, existingPath: "plan.yaml"))
    }
    return 0
}

runFuzzer(fuzzImport)
