import FuzzSupport
import TrackplanCore
import TrackplanFormat
import TrackplanLint

// Read and load the bytes as a plan (the reader also runs alone on them).
/// The fuzz target, as libFuzzer looks it up.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzReadLoad(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = YAMLReader().read(bytes, path: "raw.yaml")
    var loader = FuzzInput.loader(bytes)
    loader.knownRuleIDs = RuleCatalog.ids
    _ = try? loader.load("plan.yaml")
    return 0
}

runFuzzer(fuzzReadLoad)
