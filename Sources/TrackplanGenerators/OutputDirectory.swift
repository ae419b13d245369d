import Foundation
import TrackplanCore

/// The directory `trackplan build` writes into: brings generated files in sync with it, or
/// checks that they are (`--check`), rewriting only what changed.
///
/// The changed files are written as a set: each is first written in full to a temporary file
/// in the directory, a marker file (``pendingMarker``) then lists them, the temporary files are
/// renamed into place one after the other, and the marker is removed. A build killed before the
/// renames leaves the old outputs untouched; one killed during them leaves the marker. Either
/// way `--check` reports the leftovers, and the next build removes them.
public struct OutputDirectory: Sendable {
    /// The marker present while a set of renames is in progress.
    public static let pendingMarker = ".trackplan-build-pending"
    /// The suffix of temporary files.
    public static let temporarySuffix = ".trackplan-tmp"

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
        /// (`--check`) a temporary file or marker left by an interrupted build.
        case leftover
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

    func url(_ name: String) -> URL {
        URL(fileURLWithPath: path).appendingPathComponent(name)
    }

    func existing(_ name: String) -> Data? {
        try? Data(contentsOf: url(name))
    }

    /// The temporary files and marker an interrupted build left, sorted.
    public func leftovers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0 == Self.pendingMarker || ($0.hasPrefix(".") && $0.hasSuffix(Self.temporarySuffix)) }.sorted()
    }

    /// Compares `files` with the directory: `unchanged`, `missing` or `differs` for each, in order,
    /// then a `leftover` entry for each temporary file or marker of an interrupted build.
    public func check(_ files: [GeneratedFile]) -> [Entry] {
        let entries = files.map { file in
            let status: Status
            switch existing(file.name) {
            case nil: status = .missing
            case let data? where data == Data(file.content.utf8): status = .unchanged
            default: status = .differs
            }
            return Entry(name: file.name, shownPath: shownPath(file.name), status: status)
        }
        return entries + leftovers().map { Entry(name: $0, shownPath: shownPath($0), status: .leftover) }
    }

    /// Writes the files whose content differs, as a set (see the type's documentation), creating
    /// the directory when needed and removing what an interrupted build left; `wrote` or
    /// `unchanged` for each, in order.
    public func sync(_ files: [GeneratedFile]) throws(OutputError) -> [Entry] {
        for leftover in leftovers() { try? FileManager.default.removeItem(at: url(leftover)) }
        let changed = files.filter { existing($0.name) != Data($0.content.utf8) }
        if !changed.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, reason: "cannot create `\(path)`: \(error.localizedDescription)")
            }
            try writeSet(changed)
        }
        let changedNames = Set(changed.map(\.name))
        return files.map { Entry(name: $0.name, shownPath: shownPath($0.name), status: changedNames.contains($0.name) ? .wrote : .unchanged) }
    }

    /// Temporary files first, then the marker, the renames, and the marker's removal.
    func writeSet(_ files: [GeneratedFile]) throws(OutputError) {
        var temporaries: [(temporary: URL, target: URL, file: GeneratedFile)] = []
        func discard() { for entry in temporaries { try? FileManager.default.removeItem(at: entry.temporary) } }
        for file in files {
            let target = url(file.name)
            // A target that is a link or a device is written through on its own, never replaced.
            if let kind = try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
               kind != .typeRegular {
                do { try OutputWriter.write(Data(file.content.utf8), to: target.path) } catch {
                    discard()
                    throw OutputError(path: target.path, reason: error.description)
                }
                continue
            }
            let temporary = url(".\(file.name)\(Self.temporarySuffix)")
            do {
                try OutputWriter.write(Data(file.content.utf8), to: temporary.path)
                if let mode = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.posixPermissions] {
                    try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
                }
            } catch {
                discard()
                throw OutputError(path: target.path, reason: error.description)
            }
            temporaries.append((temporary, target, file))
        }
        guard !temporaries.isEmpty else { return }
        let marker = url(Self.pendingMarker)
        do {
            try OutputWriter.write(Data((temporaries.map(\.file.name).joined(separator: "\n") + "\n").utf8), to: marker.path)
        } catch {
            discard()
            throw OutputError(path: marker.path, reason: error.description)
        }
        for entry in temporaries where rename(entry.temporary.path, entry.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            throw OutputError(path: entry.target.path, reason: "cannot write `\(entry.target.path)`: \(reason)")
        }
        unlink(marker.path)
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
