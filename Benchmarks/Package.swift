// swift-tools-version: 6.1
import Foundation
import PackageDescription

// The benchmarks live in their own package so `swift build` / `swift test` of jobwatch never
// build them (nor fetch ordo-one/benchmark). Run them with `scripts/bench`.

/// A path dependency's identity is its folder's name (`main` in /work/main, anything in a clone).
let jobwatch = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "JobwatchBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.0.0"),
    ],
    targets: [
        // Inputs shared by the suites: a realistic 1,500-sub-job body, big snapshots.
        .target(
            name: "BenchFixtures",
            dependencies: [
                .product(name: "JobModel", package: jobwatch),
                .product(name: "JobAPI", package: jobwatch),
                .product(name: "JobEngine", package: jobwatch),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "JobwatchBenchmarks",
            dependencies: [
                "BenchFixtures",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "JobModel", package: jobwatch),
                .product(name: "JobAPI", package: jobwatch),
                .product(name: "JobEngine", package: jobwatch),
                .product(name: "JobUI", package: jobwatch),
            ],
            path: "Benchmarks/JobwatchBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Writes the Decode benchmark's body and the Sign benchmark's request for the CPython
        // anchors (scripts/bench-anchors.py), so both sides read the same bytes.
        .executableTarget(
            name: "WriteBenchBody",
            dependencies: [
                "BenchFixtures",
                .product(name: "JobAPI", package: jobwatch),
            ],
            swiftSettings: swiftSettings
        ),
        // What one change costs the state (#29): the database's save beside the JSON file's.
        .executableTarget(
            name: "StateWrites",
            dependencies: [
                "BenchFixtures",
                .product(name: "JobModel", package: jobwatch),
                .product(name: "JobAPI", package: jobwatch),
                .product(name: "JobEngine", package: jobwatch),
            ],
            swiftSettings: swiftSettings
        ),
        // The engine against a fixed 10-second poller, both on the rollout scenario, on one
        // virtual clock shared with the simulator: a plain executable, not a Benchmark suite.
        .executableTarget(
            name: "EngineComparison",
            dependencies: [
                .product(name: "JobModel", package: jobwatch),
                .product(name: "JobAPI", package: jobwatch),
                .product(name: "JobEngine", package: jobwatch),
                .product(name: "JobSimulator", package: jobwatch),
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            swiftSettings: swiftSettings
        ),
        // What an answer costs as the watch grows (#29): first reads of 1k/5k/10k jobs and an
        // idle dashboard with finished jobs, on real time against a child simulator process.
        .executableTarget(
            name: "AnswerCost",
            dependencies: [
                .product(name: "JobModel", package: jobwatch),
                .product(name: "JobAPI", package: jobwatch),
                .product(name: "JobEngine", package: jobwatch),
                .product(name: "JobSimulator", package: jobwatch),
                .product(name: "JobUI", package: jobwatch),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
