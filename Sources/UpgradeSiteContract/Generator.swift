/// The name and version every page, the manifest and the test vectors carry.
public enum Generator {
    public static let name = "upgradedocs 0.1.0"
}
