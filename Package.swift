// swift-tools-version: 6.0
import PackageDescription

// The layers, each a target that may import only the ones below it (the compiler enforces it):
//
//   trackplan (executable: parses arguments, prints)   trackplan-dev → TrackplanRegeneration
//        │
//   TrackplanGenerators (GTM, GA4 admin, docs; generator registry, build output sync)   TrackplanDiff
//        │                         TrackplanReports (text, JSON, SARIF, GitHub, JUnit)
//   TrackplanLint (rules, linter, baseline)                 │      TrackplanVerify (captures × spec → findings, coverage)
//        │                                                  │           │
//   TrackplanFormat (loader, schema, starter plan)          │      TrackplanCapture (HAR, data layer, GA4 export → observed events)
//        │                                                  │           │
//   TrackplanSpec (the measurement spec derived from a plan)│           │
//        │                                                  │           │
//   (TrackplanImport: GTM exports and other plans → plan; over TrackplanFormat)
//   TrackplanCore (diagnostics, sources, JSON, YAML reader, model, reports as values)
let package = Package(
    name: "trackplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trackplan", targets: ["trackplan"]),
        .library(name: "TrackplanKit", targets: [
            "TrackplanCore", "TrackplanSpec", "TrackplanFormat", "TrackplanLint", "TrackplanReports", "TrackplanGenerators",
            "TrackplanDiff", "TrackplanCapture", "TrackplanVerify", "TrackplanAnalyze", "TrackplanImport",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml, the C YAML parser, as installed by `apt-get install libyaml-dev`.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Diagnostics, source files and providers, JSON, the YAML reader, the plan model and its
        // queries, finding reports as values, exit statuses.
        .target(name: "TrackplanCore", dependencies: ["CYAML"]),
        // What a checked plan promises to send: derived once, read by every generator and by verify.
        .target(name: "TrackplanSpec", dependencies: ["TrackplanCore"]),
        // Captures and exports read into observed events: HAR files, data layer dumps, GA4
        // BigQuery export rows, lists of GA4 hits (shared by verify and analyze).
        .target(name: "TrackplanCapture", dependencies: ["TrackplanCore"]),
        // Captures and exports checked against a plan: findings, coverage, gates.
        .target(name: "TrackplanVerify", dependencies: ["TrackplanCore", "TrackplanSpec", "TrackplanFormat", "TrackplanCapture"]),
        // Event exports measured against the plan's hypotheses: lift, correlation, funnel; BigQuery SQL.
        .target(name: "TrackplanAnalyze", dependencies: ["TrackplanCore", "TrackplanSpec", "TrackplanFormat", "TrackplanCapture"]),
        // The plan format: YAML nodes → the typed model, the JSON Schema, the starter plan.
        .target(name: "TrackplanFormat", dependencies: ["TrackplanCore"]),
        // The lint rules, the linter, baselines, the rule catalog and its documentation.
        .target(name: "TrackplanLint", dependencies: ["TrackplanCore", "TrackplanFormat"]),
        // Reporters over finding reports: text, JSON, SARIF, GitHub, JUnit.
        .target(name: "TrackplanReports", dependencies: ["TrackplanCore"]),
        // Two versions of a plan compared by meaning: what each change breaks downstream.
        .target(name: "TrackplanDiff", dependencies: ["TrackplanCore", "TrackplanSpec", "TrackplanFormat"]),
        // Files generated from a plan: GTM container, GA4 admin settings, documentation.
        .target(name: "TrackplanGenerators", dependencies: ["TrackplanCore", "TrackplanSpec", "TrackplanFormat", "TrackplanLint"]),
        // Plans imported from what a team already has: GTM container exports, Segment and
        // RudderStack plans, Amplitude CSV exports; merged into an existing plan.
        .target(name: "TrackplanImport", dependencies: ["TrackplanCore", "TrackplanFormat"]),
        // The command-line interface: parses arguments, prints.
        .executableTarget(
            name: "trackplan",
            dependencies: [
                "TrackplanCore", "TrackplanFormat", "TrackplanLint", "TrackplanReports", "TrackplanGenerators", "TrackplanDiff",
                "TrackplanSpec", "TrackplanCapture", "TrackplanVerify", "TrackplanAnalyze", "TrackplanImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The files generated from the sources of truth (rule catalog, schema, examples).
        .target(name: "TrackplanRegeneration", dependencies: ["TrackplanCore", "TrackplanFormat", "TrackplanLint", "TrackplanGenerators", "TrackplanDiff", "TrackplanVerify", "TrackplanAnalyze"]),
        // `swift run trackplan-dev regenerate [--check]`: writes or checks them.
        .executableTarget(
            name: "trackplan-dev",
            dependencies: ["TrackplanRegeneration", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "TrackplanKitTests",
            dependencies: ["TrackplanCore", "TrackplanSpec", "TrackplanFormat", "TrackplanLint", "TrackplanReports",
                           "TrackplanGenerators", "TrackplanDiff", "TrackplanCapture", "TrackplanVerify", "TrackplanAnalyze", "TrackplanImport", "TrackplanRegeneration", "trackplan", "trackplan-dev"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
