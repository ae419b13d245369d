import Foundation
import TrackplanCore

/// The directory `trackplan build` writes into: brings generated files in sync with it, or
/// checks that they are (`--check`), rewriting only what changed.
public struct OutputDirectory: Sendable {
    /// What happened to one file.
    public enum Status: String, Sendable, Equatable {
        /// It was written (it was missing or differed).
        case wrote
        /// It already had the generated content.
        case unchanged
        /// (`--check`) it does not exist.
        case missing
        /// (`--check`) it exists with other content.
        case differs
    }

    /// One file's outcome.
    public struct Entry: Sendable, Equatable {
        /// The file name.
        public var name: String
        /// The path as shown to the user (the directory as given, then the name).
        public var shownPath: String
        /// What happened.
        public var status: Status
    }

    /// The directory as given.
    public var path: String

    /// The directory at `path` (created when something is written).
    public init(_ path: String) {
        self.path = path
    }

    /// The path shown for `name`.
    public func shownPath(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    func existing(_ name: String) -> Data? {
        try? Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name))
    }

    /// Compares `files` with the directory: `unchanged`, `missing` or `differs` for each, in order.
    public func check(_ files: [GeneratedFile]) -> [Entry] {
        files.map { file in
            let status: Status
            switch existing(file.name) {
            case nil: status = .missing
            case let data? where data == Data(file.content.utf8): status = .unchanged
            default: status = .differs
            }
            return Entry(name: file.name, shownPath: shownPath(file.name), status: status)
        }
    }

    /// Writes the files whose content differs (atomically, creating the directory when needed);
    /// `wrote` or `unchanged` for each, in order.
    public func sync(_ files: [GeneratedFile]) throws(OutputError) -> [Entry] {
        var entries: [Entry] = []
        for file in files {
            if existing(file.name) == Data(file.content.utf8) {
                entries.append(Entry(name: file.name, shownPath: shownPath(file.name), status: .unchanged))
                continue
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, reason: "cannot create `\(path)`: \(error.localizedDescription)")
            }
            let target = URL(fileURLWithPath: path).appendingPathComponent(file.name).path
            do {
                try AtomicFile.write(Data(file.content.utf8), to: target)
            } catch {
                throw OutputError(path: target, reason: "cannot write `\(target)`: \(error.localizedDescription)")
            }
            entries.append(Entry(name: file.name, shownPath: shownPath(file.name), status: .wrote))
        }
        return entries
    }
}

/// An output that could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The path concerned.
    public var path: String
    /// What went wrong, for people.
    public var reason: String
    public var description: String { reason }
}
