/// The name and version every page, the manifest, the test vectors and `--version` carry.
package enum Generator {
    package static let version = "0.1.0"
    package static let name = "upgradedocs " + version
}
