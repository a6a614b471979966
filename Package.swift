// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "jobwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jobwatch", targets: ["jobwatch"]),
        .library(name: "JobModel", targets: ["JobModel"]),
        .library(name: "JobAPI", targets: ["JobAPI"]),
        .library(name: "JobEngine", targets: ["JobEngine"]),
        .library(name: "JobSimulator", targets: ["JobSimulator"]),
        .library(name: "JobSession", targets: ["JobSession"]),
        .library(name: "JobUI", targets: ["JobUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.0.0"),
        // SQLite's own source compiled in: no libsqlite3 needed on the jump host (README: State).
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            // No pkgConfig: SwiftPM warns on every build about the -D_XOPEN_SOURCE flags
            // pkg-config returns (and drops them anyway); the shim defines what is needed.
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // glibc's mallopt: the executable's heap settings (Sources/jobwatch/Wiring/MallocSettings.swift).
        .systemLibrary(name: "CMalloc"),
        // The values every layer shares; Foundation only, so the UI links no network stack.
        .target(name: "JobModel", swiftSettings: swiftSettings),
        .target(
            name: "JobAPI",
            dependencies: [
                "JobModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JobEngine",
            dependencies: [
                "JobModel",
                "JobAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                // SQLite's thread: one per database (StateDatabase.swift says why).
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            swiftSettings: swiftSettings
        ),
        // What one run is made of, before and around the engine: the config, job references
        // from arguments, stdin and jobs files, flags over the config, profiles resolved, the
        // demo's simulator, the log file, exit statuses. No terminal I/O: unit-tested.
        .target(
            name: "JobSession",
            dependencies: [
                "JobModel",
                "JobAPI",
                "JobEngine",
                "JobSimulator",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JobSimulator",
            dependencies: [
                "JobModel",
                "JobAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "JobUI",
            dependencies: ["JobModel"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "jobwatch",
            dependencies: [
                "CNcursesw", "CMalloc", "JobModel", "JobAPI", "JobEngine", "JobSession", "JobSimulator", "JobUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobAPITests",
            dependencies: ["JobModel", "JobAPI", "JobSimulator", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JobEngineTests",
            dependencies: [
                "JobModel", "JobAPI", "JobEngine", "JobSimulator", .product(name: "Clocks", package: "swift-clocks"),
                // A second connection of the test's own: locks, checkpoints, schemas written by hand.
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "JobSimulatorTests", dependencies: ["JobModel", "JobSimulator", "JobAPI", "JobUI"], swiftSettings: swiftSettings),
        .testTarget(
            name: "JobSessionTests",
            dependencies: ["JobModel", "JobAPI", "JobEngine", "JobSession", .product(name: "Clocks", package: "swift-clocks")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "JobUITests", dependencies: ["JobUI", "JobModel"], swiftSettings: swiftSettings),
        .testTarget(name: "JobWatchTests", dependencies: ["JobModel", "JobAPI", "JobEngine", "JobSimulator"], swiftSettings: swiftSettings),
    ]
)
