/// The exit statuses of every `trackplan` command, in one place.
///
/// Commands map their outcome to one of these; the executable turns it into the process status.
public enum ExitStatus: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// Everything passed: no finding reached the fail level, the files are up to date.
    case success = 0
    /// A gate failed: findings at or above the fail level, lint errors before generating,
    /// generated files out of date.
    case failure = 1
    /// An input could not be read at all (a missing plan, an unreadable file).
    case unreadable = 2
    /// The command line was wrong (an unknown option, rule or format).
    case usage = 64
    /// An internal error: trackplan produced something it should not have (a bug to report).
    case software = 70

    /// The process exit code.
    public var code: Int32 { rawValue }

    /// What the status means, for documentation.
    public var description: String {
        switch self {
        case .success: "success"
        case .failure: "a gate failed (findings at the fail level, or outputs out of date)"
        case .unreadable: "an input could not be read"
        case .usage: "bad usage"
        case .software: "internal error (please report it)"
        }
    }
}
