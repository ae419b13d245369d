import Foundation
import TrackplanCore

/// What a reporter may be told about where its output goes.
public struct ReporterOptions: Sendable {
    /// Whether to use ANSI colours (text only; the CLI turns it on for terminals).
    public var color: Bool
    /// The lowest severity that fails the run (JUnit marks those as failures).
    public var failOn: Severity
    /// The directory file URIs are written relative to (SARIF's `%SRCROOT%`): the repository
    /// root by default.
    public var baseDirectory: String
    /// The directory relative paths in the report are relative to.
    public var workingDirectory: String

    /// Creates options.
    public init(color: Bool = false, failOn: Severity = .error,
                baseDirectory: String = repositoryRoot(),
                workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.color = color
        self.failOn = failOn
        self.baseDirectory = baseDirectory
        self.workingDirectory = workingDirectory
    }
}

/// Formats a ``FindingReport`` (from `lint` today; `verify` and `diff` next).
///
/// Adding an output format is one file with a type conforming to this protocol plus one line
/// in ``ReporterRegistry/all``; `--format` and its help come from the registry.
public protocol Reporter: Sendable {
    /// The `--format` value (`sarif`).
    static var id: String { get }
    /// One line: what the format is for.
    static var summary: String { get }
    /// Creates the reporter.
    init(options: ReporterOptions)
    /// The whole output.
    func format(_ report: FindingReport) -> String
}

/// Every reporter, in the order help lists them.
public enum ReporterRegistry {
    /// The reporters.
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
        SARIFReporter.self,
        GitHubReporter.self,
        JUnitReporter.self,
    ]

    /// The reporter with `id`.
    public static func reporter(_ id: String) -> (any Reporter.Type)? {
        all.first { $0.id == id }
    }

    /// The ids, in order.
    public static var ids: [String] { all.map { $0.id } }

    /// "text, json, sarif, github or junit".
    public static var idList: String {
        let ids = self.ids
        guard let last = ids.last else { return "" }
        return ids.count == 1 ? last : ids.dropLast().joined(separator: ", ") + " or " + last
    }
}
