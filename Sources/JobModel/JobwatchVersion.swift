/// jobwatch's version: the one place it is written. `jobwatch --version` prints it, the
/// User-Agent carries it, and `scripts/install` and `scripts/package` read it from the binary.
public enum JobwatchVersion {
    public static let current = "0.1.0"
}
