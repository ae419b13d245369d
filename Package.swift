// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "trackplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trackplan", targets: ["trackplan"]),
        .library(name: "TrackplanKit", targets: ["TrackplanKit"]),
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
        // Everything trackplan does: read → load → check → emit.
        .target(
            name: "TrackplanKit",
            dependencies: ["CYAML"]
        ),
        // The command-line interface: parses arguments, prints.
        .executableTarget(
            name: "trackplan",
            dependencies: [
                "TrackplanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TrackplanKitTests",
            dependencies: ["TrackplanKit", "trackplan"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
