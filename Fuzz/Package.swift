// swift-tools-version: 6.1
import PackageDescription

/// One libFuzzer harness per phasecert parser, each its own executable: libFuzzer supplies `main`
/// and calls the harness's `LLVMFuzzerTestOneInput`. Build and run them with `scripts/fuzz`; the
/// flags that give real coverage are in README.md.
let harnesses: [(name: String, extra: [Target.Dependency])] = [
    ("FuzzXMLScanner", []),
    ("FuzzJUnit", []),
    ("FuzzJUnitCounts", []),
    ("FuzzGoTestJSON", []),
    ("FuzzGoTestText", []),
    ("FuzzGoTestJSONCounts", []),
    ("FuzzTAP", []),
    ("FuzzTAPCounts", []),
    ("FuzzLcov", []),
    ("FuzzCobertura", []),
    ("FuzzGoCoverprofile", []),
    ("FuzzHelm", []),
    ("FuzzClaims", [.product(name: "PhaseModel", package: "phasecert")]),
    ("FuzzTestInventory", []),
    ("FuzzConfiguration", []),
    ("FuzzHistoryCache", []),
]

let package = Package(
    name: "phasecert-fuzz",
    platforms: [.macOS(.v14)],
    products: harnesses.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(name: "phasecert", path: ".."),
    ],
    targets: [
        // What the harnesses share: reading fuzz bytes as decisions, writing documents, checks.
        .target(name: "FuzzSupport", dependencies: [.product(name: "Scan", package: "phasecert")]),
    ] + harnesses.map { harness in
        .executableTarget(
            name: harness.name,
            dependencies: ["FuzzSupport", .product(name: "Scan", package: "phasecert")] + harness.extra
        )
    }
)
