// swift-tools-version: 6.0
import Foundation
import PackageDescription

// The main package's identity is the name of the directory it was cloned into.
let trackplan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// libFuzzer harnesses for trackplan, kept out of the main package so that `swift build` and
// `swift test` never build them. Build and run them with `scripts/fuzz [SECONDS] [TARGET]`,
// which passes `-sanitize=fuzzer,address`.
let package = Package(
    name: "trackplan-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        // What every harness shares: turning fuzzer bytes into a plan and its includes.
        .target(name: "FuzzSupport", dependencies: [.product(name: "TrackplanKit", package: trackplan)]),
        // The YAML reader and the plan loader: bytes → nodes → model, with diagnostics.
        .executableTarget(name: "FuzzReadLoad", dependencies: ["FuzzSupport", .product(name: "TrackplanKit", package: trackplan)]),
        // The whole pipeline: load, lint, every reporter, and every generated file.
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", .product(name: "TrackplanKit", package: trackplan)]),
        // `diff`: a fixed plan against the bytes, both ways, through every output.
        .executableTarget(name: "FuzzDiff", dependencies: ["FuzzSupport", .product(name: "TrackplanKit", package: trackplan)]),
        // `verify`: the bytes as a capture of every format, against a fixed plan, through every output.
        .executableTarget(name: "FuzzCapture", dependencies: ["FuzzSupport", .product(name: "TrackplanKit", package: trackplan)]),
        // `import`: the bytes as every source format; what is written must load back as the same plan.
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzSupport", .product(name: "TrackplanKit", package: trackplan)]),
    ],
    swiftLanguageModes: [.v6]
)
