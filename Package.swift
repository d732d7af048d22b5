// swift-tools-version:6.0
// starrocks-drift: detects schema drift between a StarRocks migration history (expected) and live servers (actual).
import PackageDescription

let package = Package(
    name: "starrocks-drift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "starrocks-drift", targets: ["starrocks-drift"]),
        .executable(name: "starrocks-sim", targets: ["starrocks-sim"]),
        .executable(name: "drift-bench", targets: ["drift-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries, each wrapped by exactly one Swift module.
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb",
                       providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),

        // The one process runner (the models provider, the benchmarks' peers, the tests' binaries and clients).
        .target(name: "ChildProcess"),

        // Pure libraries: no I/O.
        .target(name: "StarRocksDDL"),
        .target(name: "SchemaModel", dependencies: ["StarRocksDDL"]),
        .target(name: "MigrationHistory", dependencies: ["StarRocksDDL", "SchemaModel"]),
        .target(name: "MigrationLint", dependencies: ["StarRocksDDL", "SchemaModel", "MigrationHistory", "Findings"]),
        // What every check reports (Finding, FindingKind, Severity, the typed SchemaChange fixes): lint, the reports
        // and the notifier speak it without depending on the differ.
        .target(name: "Findings", dependencies: ["SchemaModel", "StarRocksDDL"]),
        .target(name: "SchemaDiff", dependencies: ["Findings", "SchemaModel", "StarRocksDDL"]),
        .target(name: "SchemaPlan", dependencies: ["StarRocksDDL", "SchemaModel", "Findings", "SchemaDiff"]),
        .target(name: "DriftReport", dependencies: ["Findings"]),

        // I/O at the edges.
        .target(name: "StarRocksClient", dependencies: ["CMariaDB"]),
        .target(name: "LiveSchema", dependencies: ["StarRocksClient", "SchemaModel", "StarRocksDDL"]),
        .target(name: "WebhookNotifier", dependencies: ["CCurl", "DriftReport", "Findings"]),
        .target(name: "StarRocksSimulator", dependencies: ["StarRocksDDL", "SchemaModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "DriftCheck", dependencies: [
            "StarRocksDDL", "SchemaModel", "MigrationHistory", "MigrationLint", "Findings", "SchemaDiff", "SchemaPlan", "DriftReport",
            "StarRocksClient", "LiveSchema", "WebhookNotifier", "ChildProcess",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The demo's simulated environments and runner: the production pipeline above never links the simulator.
        .target(name: "DriftDemo", dependencies: ["DriftCheck", "DriftReport", "StarRocksSimulator"]),

        // Executables: thin.
        .executableTarget(name: "starrocks-drift", dependencies: [
            "DriftCheck", "DriftDemo", "Findings", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "starrocks-sim", dependencies: [
            "StarRocksSimulator", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "drift-bench", dependencies: [
            "StarRocksDDL", "SchemaModel", "SchemaDiff", "LiveSchema", "StarRocksClient", "StarRocksSimulator", "ChildProcess",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests (Swift Testing). Fixtures live next to the tests that use them.
        .testTarget(name: "StarRocksDDLTests", dependencies: ["StarRocksDDL", "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SchemaModelTests", dependencies: ["SchemaModel", "StarRocksDDL", "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MigrationHistoryTests", dependencies: ["MigrationHistory", "SchemaModel", "StarRocksDDL",
                                                               "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "MigrationLintTests", dependencies: ["MigrationLint", "MigrationHistory",
                                                            "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
        // Shared test helpers (the corpus reader, ...): one copy for every test target that needs them.
        .target(name: "DriftTestSupport", dependencies: ["SchemaModel", "StarRocksDDL"], path: "Tests/DriftTestSupport"),
        .testTarget(name: "SchemaDiffTests", dependencies: ["SchemaDiff", "Findings", "SchemaModel", "SchemaPlan", "StarRocksDDL",
                                                         "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SchemaPlanTests", dependencies: ["SchemaPlan", "Findings", "SchemaDiff", "SchemaModel", "StarRocksDDL"]),
        .testTarget(name: "DriftReportTests", dependencies: ["DriftReport", "Findings", "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "StarRocksClientTests", dependencies: ["StarRocksClient", "DriftTestSupport"]),
        .testTarget(name: "LiveSchemaTests", dependencies: ["LiveSchema", "StarRocksSimulator", "StarRocksClient", "SchemaModel",
                                                         "DriftTestSupport"]),
        .testTarget(name: "WebhookNotifierTests", dependencies: ["WebhookNotifier", "DriftReport", "Findings", "DriftTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StarRocksSimulatorTests", dependencies: ["StarRocksSimulator", "StarRocksClient", "SchemaModel", "ChildProcess",
                                                                 "DriftTestSupport"]),
        .testTarget(name: "DriftCheckTests", dependencies: ["DriftCheck", "DriftDemo", "ChildProcess", "DriftReport", "Findings", "SchemaDiff", "SchemaModel", "MigrationHistory", "LiveSchema",
                                                         "StarRocksClient", "StarRocksSimulator", "DriftTestSupport"],
                    resources: [.copy("Fixtures")]),
    ]
)
