// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode, strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

var targets: [Target] = [
    .systemLibrary(
        name: "CLibXML2",
        path: "Sources/CLibXML2",
        pkgConfig: "libxml-2.0",
        providers: [.apt(["libxml2-dev"])]
    ),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    // SHA-256 on the CPU's SHA instructions where it has them (x86 SHA-NI); C, as Swift has no intrinsics.
    .target(name: "CSHA256"),
    .target(name: "GleanerCore", dependencies: ["CSHA256"]),
    .target(name: "Fetching", dependencies: ["GleanerCore", "CZlib", "CCurl"]),
    .target(name: "Cleaning", dependencies: ["GleanerCore", "CLibXML2"]),
    // Lookup tables stored as mapped binary containers; the gazetteer is compiled from text at build time.
    .target(name: "ResourceTables"),
    .executableTarget(name: "gazetteer-compiler", dependencies: ["ResourceTables"]),
    .plugin(name: "GazetteerPlugin", capability: .buildTool(), dependencies: ["gazetteer-compiler"]),
    .target(
        name: "Extraction", dependencies: ["GleanerCore", "ResourceTables"], resources: [.copy("Resources")],
        plugins: ["GazetteerPlugin"]),
    .target(
        name: "Normalization", dependencies: ["GleanerCore", "Extraction", .product(name: "Yams", package: "Yams")], resources: [.copy("Resources")]),
    .target(name: "Reporting", dependencies: ["GleanerCore"]),
    .target(name: "Pipelines", dependencies: ["GleanerCore", .product(name: "Yams", package: "Yams")]),
    .target(
        name: "GleanerCommands",
        dependencies: [
            "GleanerCore", "Fetching", "Cleaning", "Extraction", "Normalization", "Reporting", "Pipelines", argumentParser,
        ]),
    .executableTarget(name: "fetch", dependencies: ["GleanerCommands"]),
    .executableTarget(name: "clean", dependencies: ["GleanerCommands"]),
    .executableTarget(name: "extract", dependencies: ["GleanerCommands"]),
    .executableTarget(name: "normalize", dependencies: ["GleanerCommands"]),
    .executableTarget(name: "report", dependencies: ["GleanerCommands"]),
    .executableTarget(name: "gleaner", dependencies: ["GleanerCommands"]),
    // Fuzz harnesses (`make fuzz`); built normally it replays saved inputs (regression tests).
    .executableTarget(
        name: "gleaner-fuzz",
        dependencies: ["GleanerCore", "Cleaning", "Extraction", "Normalization", "Reporting", "Pipelines"]),
    .target(name: "TestSupport", dependencies: ["GleanerCore"], path: "Tests/TestSupport"),
]
for library in ["ResourceTables", "GleanerCore", "Fetching", "Cleaning", "Extraction", "Normalization", "Reporting", "Pipelines"] {
    targets.append(.testTarget(name: "\(library)Tests", dependencies: [.target(name: library), "TestSupport"]))
}
targets.append(.testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "GleanerCore"]))
targets.append(.testTarget(name: "GleanerCommandsTests", dependencies: ["GleanerCommands", "Pipelines", "TestSupport"]))

for index in targets.indices where targets[index].type != .system && targets[index].type != .plugin {
    targets[index].swiftSettings = (targets[index].swiftSettings ?? []) + swiftSettings
}

let package = Package(
    name: "Gleaner",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fetch", targets: ["fetch"]),
        .executable(name: "clean", targets: ["clean"]),
        .executable(name: "extract", targets: ["extract"]),
        .executable(name: "normalize", targets: ["normalize"]),
        .executable(name: "report", targets: ["report"]),
        .executable(name: "gleaner", targets: ["gleaner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
