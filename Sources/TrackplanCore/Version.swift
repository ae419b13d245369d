/// trackplan's version (semantic versioning), as reported by `--version` and in SARIF output.
public enum TrackplanVersion {
    /// The current version.
    public static let current = "0.1.0"
}
