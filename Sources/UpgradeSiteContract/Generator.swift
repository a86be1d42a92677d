/// The name and version every page, the manifest, the test vectors and `--version` carry.
public enum Generator {
    public static let version = "0.1.0"
    public static let name = "upgradedocs " + version
}
