// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: content → UpgradeContent → UpgradeCore → UpgradeSite → site/.
// Imports point the other way; UpgradeCore depends on nothing.
let package = Package(
    name: "UpgradeDocs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "upgradedocs", targets: ["upgradedocs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "UpgradeCore"),
        .target(
            name: "UpgradeContent",
            dependencies: ["UpgradeCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "UpgradeCheck",
            dependencies: ["UpgradeContent", "UpgradeCore"]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "UpgradeSite",
            dependencies: [
                "UpgradeCheck", "UpgradeContent", "UpgradeCore", "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "upgradedocs",
            dependencies: [
                "UpgradeSite", "UpgradeContent", "UpgradeCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "upgradedocs-bench",
            dependencies: ["UpgradeCheck", "UpgradeSite", "UpgradeContent", "UpgradeCore"],
            path: "benchmarks/Sources/upgradedocs-bench"
        ),
        .testTarget(
            name: "UpgradeCoreTests",
            dependencies: [
                "UpgradeCore", "UpgradeContent",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UpgradeContentTests",
            dependencies: ["UpgradeContent", "UpgradeCore"]
        ),
        .testTarget(
            name: "UpgradeSiteTests",
            dependencies: ["UpgradeSite", "UpgradeContent", "UpgradeCore"],
            exclude: ["Corpus"]
        ),
        .testTarget(
            name: "UpgradeCheckTests",
            dependencies: [
                "UpgradeCheck", "UpgradeContent", "UpgradeCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["upgradedocs"]
        ),
    ]
)
