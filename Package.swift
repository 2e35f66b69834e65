// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "phasecert",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phasecert", targets: ["phasecert"]),
        .library(name: "PhaseModel", targets: ["PhaseModel"]),
        .library(name: "TextSupport", targets: ["TextSupport"]),
        .library(name: "Scan", targets: ["Scan"]),
        .library(name: "Score", targets: ["Score"]),
        .library(name: "Render", targets: ["Render"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C libraries, each behind one Swift wrapper (Scan/Git/Repository.swift, TextSupport/Markdown/,
        // PhasecertKit/FreedMemory.swift).
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CGlibcMalloc"),

        // The pipeline: Scan → Score → Render; a stage never imports a later one.
        // PhaseModel is the vocabulary every stage shares: the model as saved, the configuration
        // types, the task-id rule, snapshots, user-facing errors and the claim number lexer.
        // SHA-256 of the certification digest and report fingerprints comes from swift-crypto.
        // The sentences of findings and messages (messages/<lang>/*.yml) are embedded into it and read with Yams.
        .target(
            name: "PhaseModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedTemplates"]
        ),
        // Markdown through cmark-gfm and files written whole inside a boundary: what Scan, Render
        // and TaskNaming read and write text with.
        .target(name: "TextSupport", dependencies: ["PhaseModel", "CCmarkGFM"]),
        .target(
            name: "Scan",
            dependencies: [
                "PhaseModel", "TextSupport", "CLibGit2",
                .target(name: "CGlibcMalloc", condition: .when(platforms: [.linux])),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "Score", dependencies: ["PhaseModel"]),
        .target(
            name: "Render",
            dependencies: [
                "PhaseModel", "TextSupport", "Scan",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // Built-in templates (templates/) compiled into Render, message catalogs (messages/) into PhaseModel.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // The commit and version tag the CLI is built from, read from git before every build (`--version`).
        .plugin(name: "StampVersion", capability: .buildTool()),
        // check-names: folder-name checks and their git-aware fixes (renames, Markdown links).
        .target(name: "TaskNaming", dependencies: ["PhaseModel", "TextSupport", "Scan", "Score"]),
        // The pipeline every command calls: scan → assess → render, each stage computed once.
        .target(
            name: "PhasecertKit",
            dependencies: [
                "PhaseModel", "TextSupport", "Scan", "Score", "Render", "TaskNaming",
            ]),
        .target(
            name: "PhasecertCLI",
            dependencies: [
                "PhaseModel", "TextSupport", "Scan", "Score", "Render", "TaskNaming", "PhasecertKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["StampVersion"]
        ),
        .executableTarget(name: "phasecert", dependencies: ["PhasecertCLI"]),

        // Fixture builders shared by the test targets (temporary folders, git repositories, samples).
        .target(name: "TestSupport", dependencies: ["PhaseModel"], path: "Tests/TestSupport"),
        .testTarget(
            name: "PhaseModelTests",
            dependencies: ["PhaseModel", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "TextSupportTests",
            dependencies: ["TextSupport", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ScanTests",
            dependencies: ["Scan", "TextSupport", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "ScoreTests", dependencies: ["Score", "Scan", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "PhaseModel", "TextSupport", "Scan", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TaskNamingTests", dependencies: ["TaskNaming", "Scan", "Score", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "PhasecertKitTests", dependencies: ["PhasecertKit", "PhaseModel", "TextSupport", "Scan", "Render", "TaskNaming", "TestSupport"]),
        .testTarget(name: "PhasecertCLITests", dependencies: ["PhasecertCLI", "phasecert", "TestSupport"]),
    ]
)
