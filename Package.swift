// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: content/ → UpgradeContent → UpgradeCore → UpgradeSiteBuilder →
// UpgradeOutput → site/, and UpgradeVerify reads site/ back. Imports point up the
// stream. UpgradeVerify never imports UpgradeSiteBuilder: a check that shares code
// with what it checks can share its bugs (scripts/check-architecture enforces it).
let package = Package(
    name: "UpgradeDocs",
    // Linux only: the output uses renameat2, syncfs and /proc (Sources/CFileSystem), and
    // only Linux is built and tested. No other platform is declared.
    products: [
        .executable(name: "upgradedocs", targets: ["upgradedocs"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // SHA-256 comes from swift-crypto (BoringSSL, built with the package): no system library to install.
        .target(name: "UpgradeBase", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "UpgradeCore"),
        .target(
            name: "UpgradeContent",
            dependencies: ["UpgradeBase", "UpgradeCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "UpgradeCheck",
            dependencies: ["UpgradeBase", "UpgradeContent", "UpgradeCore"]
        ),
        .target(
            name: "UpgradeSiteContract",
            dependencies: ["UpgradeBase", "UpgradeCore"]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "UpgradeSiteBuilder",
            dependencies: [
                "UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "UpgradeSiteContract", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // libxml2's HTML parser, which `verify` reads pages with as a browser would.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The one C function the output needs: an atomic exchange of two folders.
        .target(name: "CFileSystem"),
        .target(
            name: "UpgradeOutput",
            dependencies: ["UpgradeBase", "UpgradeSiteContract", "CFileSystem"]
        ),
        .target(
            name: "UpgradeVerify",
            dependencies: ["UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "UpgradeSiteContract", "CLibXML2"]
        ),
        // Compares two models by their effect: decisions, model entries and pages.
        .target(
            name: "UpgradeReview",
            dependencies: ["UpgradeBase", "UpgradeContent", "UpgradeCore", "UpgradeSiteContract"]
        ),
        // The one build pipeline: load, check, plan, make; into an output folder, compared with
        // one, or kept in memory. Every command that makes the site goes through it.
        .target(
            name: "UpgradePipeline",
            dependencies: [
                "UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "UpgradeOutput", "UpgradeSiteBuilder",
                "UpgradeSiteContract",
            ]
        ),
        // Reads a partner's download (the new-commerce offer matrix) into content/offer-matrix.yaml.
        .target(
            name: "UpgradeImport",
            dependencies: ["UpgradeBase", "UpgradeContent", "UpgradeCore"]
        ),
        // The live preview: serves files built in memory over HTTP and reloads open pages.
        // It is handed a build to run; it cannot write anything (no UpgradeOutput).
        .target(
            name: "UpgradePreview",
            dependencies: ["UpgradeBase", "UpgradeSiteContract"]
        ),
        .executableTarget(
            name: "upgradedocs",
            dependencies: [
                "UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "UpgradeImport", "UpgradeOutput",
                "UpgradePipeline", "UpgradePreview", "UpgradeReview", "UpgradeSiteBuilder", "UpgradeSiteContract",
                "UpgradeVerify", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "upgradedocs-bench",
            dependencies: [
                "UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "UpgradeOutput",
                "UpgradeReview", "UpgradeSiteBuilder",
            ],
            path: "benchmarks/Sources/upgradedocs-bench"
        ),
        .executableTarget(
            name: "upgradedocs-fuzz",
            dependencies: [
                "UpgradeBase", "UpgradeContent", "UpgradeCore", "UpgradePreview", "UpgradeSiteBuilder", "UpgradeVerify",
            ],
            path: "Fuzz/Sources/upgradedocs-fuzz"
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "UpgradeBase", "UpgradeContent", "UpgradeCore", "UpgradeOutput", "UpgradeSiteBuilder", "UpgradeSiteContract",
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "UpgradeCoreTests",
            dependencies: [
                "UpgradeCore", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UpgradeContentTests",
            dependencies: ["UpgradeBase", "UpgradeContent", "UpgradeCore", "TestSupport"]
        ),
        .testTarget(
            name: "UpgradeCheckTests",
            dependencies: [
                "UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UpgradeSiteBuilderTests",
            dependencies: [
                "UpgradeBase", "UpgradeCheck", "UpgradeContent", "UpgradeCore", "UpgradeOutput", "UpgradeSiteBuilder",
                "UpgradeSiteContract", "TestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Corpus"]
        ),
        .testTarget(
            name: "UpgradeOutputTests",
            dependencies: ["UpgradeBase", "UpgradeOutput", "UpgradeSiteContract", "TestSupport"]
        ),
        .testTarget(
            name: "UpgradeVerifyTests",
            dependencies: [
                "UpgradeBase", "UpgradeContent", "UpgradeCore", "UpgradeOutput", "UpgradeSiteBuilder",
                "UpgradeSiteContract", "UpgradeVerify", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UpgradeReviewTests",
            dependencies: ["UpgradeContent", "UpgradeCore", "UpgradeReview", "TestSupport"]
        ),
        .testTarget(
            name: "UpgradePipelineTests",
            dependencies: [
                "UpgradeBase", "UpgradeContent", "UpgradeOutput", "UpgradePipeline", "UpgradeSiteBuilder",
                "UpgradeSiteContract", "TestSupport",
            ]
        ),
        .testTarget(
            name: "UpgradePreviewTests",
            dependencies: ["UpgradePreview", "TestSupport"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["upgradedocs", "TestSupport"]
        ),
    ]
)
