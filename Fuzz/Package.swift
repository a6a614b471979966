// swift-tools-version: 6.1
// libFuzzer targets over jobwatch's parsers: everything a server, a config file or a script
// hands to jobwatch. Built and run by `scripts/fuzz` (needs `-sanitize=fuzzer`, Linux only).
import PackageDescription

let fuzzTargets = ["FuzzJobDecode", "FuzzErrorBody", "FuzzConfig", "FuzzJobIDText"]

let package = Package(
    name: "jobwatch-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "jobwatch", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzDriver",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableExperimentalFeature("Extern")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzDriver",
                .product(name: "JobModel", package: "jobwatch"),
                .product(name: "JobAPI", package: "jobwatch"),
                .product(name: "JobEngine", package: "jobwatch"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableExperimentalFeature("Extern")]
        )
    }
)
