// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "motion",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "MotionKit", targets: ["MotionKit"]),
        .executable(name: "motion", targets: ["motion"]),
        // The web front-end, its own executable so that the command line never links a server
        // (start-up is part of every command); `motion serve` runs it.
        .executable(name: "motion-serve", targets: ["motion-serve"]),
        .executable(name: "motion-pg", targets: ["motion-pg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // Paper templates (templates/paper/*.mustache): logic-less, so a branch can edit them safely.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // Only its bcrypt (a small C target): passwords of `motion serve`'s accounts.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        // The shared store of a conference office (issue 16); linked into motion-pg and motion-serve only.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
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
        // glibc's <malloc.h>, for the command line's malloc tuning.
        .systemLibrary(name: "CMalloc"),
        // Scans of ASCII text sixteen bytes at a time: the tokenizer's cut, word counts.
        .target(name: "CTextScan"),
        // The diff engine: tokens, Myers, cleanup, structure, three-way merge. No I/O; Swift but
        // for CTextScan's cut of ASCII text.
        .target(name: "MotionDiff", dependencies: ["CTextScan"]),
        .target(
            name: "MotionKit",
            dependencies: [
                "MotionDiff", "CTextScan", "CCmarkGFM", "CZlib", "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The PostgreSQL implementation of RevisionStore, on PostgresNIO's synchronous (future) API.
        .target(
            name: "MotionPostgres",
            dependencies: ["MotionKit", .product(name: "PostgresNIO", package: "postgres-nio")]),
        // The commands, one small file each; `motion` and `motion-pg` are its two mains.
        .target(
            name: "MotionCLI",
            dependencies: ["MotionKit", "MotionDiff", "CMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // argv for the runtime without its start-up scan of /proc/self/maps (see the C file).
        .target(name: "CProcessArguments"),
        .executableTarget(name: "motion", dependencies: ["MotionCLI", "CProcessArguments"]),
        // The same command line with the PostgreSQL store; `motion` runs it for postgres:// stores.
        .executableTarget(name: "motion-pg", dependencies: ["MotionCLI", "MotionPostgres", "CProcessArguments"]),
        // `motion serve`: pages and routes over the application layer, on Hummingbird.
        .target(
            name: "MotionWeb",
            dependencies: [
                "MotionKit", "MotionDiff", "MotionPostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .executableTarget(
            name: "motion-serve",
            dependencies: ["MotionWeb", "MotionKit", "MotionPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "MotionKitTests", dependencies: ["MotionKit", "MotionPostgres"], exclude: ["Fixtures"]),
        .testTarget(
            name: "MotionWebTests",
            dependencies: ["MotionWeb", "MotionKit", .product(name: "HummingbirdTesting", package: "hummingbird")]),
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
