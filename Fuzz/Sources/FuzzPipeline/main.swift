import FuzzSupport
import TrackplanCore
import TrackplanFormat
import TrackplanGenerators
import TrackplanLint
import TrackplanReports

// Load and lint the bytes, format the report with every reporter, and, when the plan has no
// error, generate every file (the GTM container is shape-checked; a failure is a crash).
/// The fuzz target, as libFuzzer looks it up.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let linter = Linter()
    let report = linter.report(["plan.yaml"], loader: FuzzInput.loader(bytes)).capped()
    for reporter in ReporterRegistry.all {
        _ = reporter.init(options: ReporterOptions(color: true, baseDirectory: "/")).format(report)
    }
    if let checked = try? Pipeline(linter: linter, loader: FuzzInput.loader(bytes)).check("plan.yaml") {
        do {
            _ = try Pipeline.generate(checked, environment: [:])
        } catch {
            fatalError("\(error)")
        }
    }
    return 0
}

runFuzzer(fuzzPipeline)
