// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "motion",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "MotionKit", targets: ["MotionKit"]),
        .executable(name: "motion", targets: ["motion"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // Paper templates (templates/paper/*.mustache): logic-less, so a branch can edit them safely.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // System libraries, found through pkg-config (see the Makefile's `deps` for the packages).
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The diff engine: tokens, Myers, cleanup, structure, three-way merge. Pure Swift, no I/O.
        .target(name: "MotionDiff"),
        .target(
            name: "MotionKit",
            dependencies: [
                "MotionDiff", "CCmarkGFM", "CZlib", "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .executableTarget(
            name: "motion",
            dependencies: ["MotionKit", "MotionDiff", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "MotionKitTests", dependencies: ["MotionKit"], exclude: ["Fixtures"]),
        .testTarget(name: "MotionDiffTests", dependencies: ["MotionDiff"]),
        // In-process timings for BENCHMARKS.md (`make bench`); small, and built with everything else.
        .executableTarget(name: "motion-bench", dependencies: ["MotionKit", "MotionDiff"], path: "Benchmarks/motion-bench"),
        // libFuzzer targets (`make fuzz`): the motion reader, and wording parsed and applied.
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "fuzz-reader", dependencies: ["MotionKit", "FuzzDriver"], path: "Fuzz/fuzz-reader"),
        .executableTarget(name: "fuzz-wording", dependencies: ["MotionKit", "FuzzDriver"], path: "Fuzz/fuzz-wording"),
    ],
    swiftLanguageModes: [.v6]
)
