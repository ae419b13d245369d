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
    /// then a `leftover` entry for each temporary file or marker of an interrupted build. Each
    /// file is generated chunk by chunk and compared with the file on disk as it goes.
    public func check(_ files: [GeneratedFile]) throws(GenerationError) -> [Entry] {
        var entries: [Entry] = []
        for file in files {
            let status: Status
            if !FileManager.default.fileExists(atPath: url(file.name).path) {
                status = .missing
            } else {
                let comparison = FileComparison(path: url(file.name).path)
                var stream = TextStream { comparison.compare($0) }
                try file.write(to: &stream)
                stream.flush()
                status = comparison.finish() ? .unchanged : .differs
            }
            entries.append(Entry(name: file.name, shownPath: shownPath(file.name), status: status))
        }
        return entries + leftovers().map { Entry(name: $0, shownPath: shownPath($0), status: .leftover) }
    }

    /// Writes the files whose content differs, as a set (see the type's documentation), creating
    /// the directory when needed and removing what an interrupted build left; `wrote` or
    /// `unchanged` for each, in order.
    ///
    /// Each file is generated once, chunk by chunk, and compared with the file in place as it
    /// goes; only a file that differs is written, into its temporary (see ``ChangedOutput``).
    public func sync(_ files: [GeneratedFile]) throws(SyncFailure) -> [Entry] {
        for leftover in leftovers() { try? FileManager.default.removeItem(at: url(leftover)) }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .output(OutputError(path: path, reason: "cannot create `\(path)`: \(error.localizedDescription)"))
            }
        }
        var temporaries: [(temporary: URL, target: URL, name: String)] = []
        var changedNames: Set<String> = []
        func discard() { for entry in temporaries { try? FileManager.default.removeItem(at: entry.temporary) } }
        for file in files {
            let target = url(file.name)
            // A target that is a link or a device is written through on its own, never replaced.
            if let kind = try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
               kind != .typeRegular {
                let content: Data
                do { content = Data(try file.text().utf8) } catch {
                    discard()
                    throw .generation(error)
                }
                guard existing(file.name) != content else { continue }
                do { try OutputWriter.write(content, to: target.path) } catch {
                    discard()
                    throw .output(OutputError(path: target.path, reason: error.description))
                }
                changedNames.insert(file.name)
                continue
            }
            let temporary = url(".\(file.name)\(Self.temporarySuffix)")
            let output = ChangedOutput(target: target.path, temporary: temporary.path)
            var stream = TextStream { output.consume($0) }
            do {
                try file.write(to: &stream)
            } catch {
                output.discard()
                discard()
                throw .generation(error)
            }
            stream.flush()
            guard output.finish() else { continue }  // the file in place: nothing written
            if let failure = output.failure {
                output.discard()
                discard()
                throw .output(OutputError(path: target.path, reason: "cannot write `\(target.path)`: \(failure)"))
            }
            temporaries.append((temporary, target, file.name))
            changedNames.insert(file.name)
        }
        try renameSet(temporaries)
        return files.map { Entry(name: $0.name, shownPath: shownPath($0.name), status: changedNames.contains($0.name) ? .wrote : .unchanged) }
    }

    /// The marker, the renames, and the marker's removal.
    func renameSet(_ temporaries: [(temporary: URL, target: URL, name: String)]) throws(SyncFailure) {
        guard !temporaries.isEmpty else { return }
        let marker = url(Self.pendingMarker)
        do {
            try OutputWriter.write(Data((temporaries.map(\.name).joined(separator: "\n") + "\n").utf8), to: marker.path)
        } catch {
            for entry in temporaries { try? FileManager.default.removeItem(at: entry.temporary) }
            throw .output(OutputError(path: marker.path, reason: error.description))
        }
        for entry in temporaries where rename(entry.temporary.path, entry.target.path) != 0 {
            let reason = String(cString: strerror(errno))
            throw .output(OutputError(path: entry.target.path, reason: "cannot write `\(entry.target.path)`: \(reason)"))
        }
        unlink(marker.path)
    }

    /// Why `sync` stopped.
    public enum SyncFailure: Error, Sendable, CustomStringConvertible {
        /// A file or the directory could not be written.
        case output(OutputError)
        /// A generated file failed its own check: a bug in trackplan (exit 70).
        case generation(GenerationError)

        public var description: String {
            switch self {
            case .output(let error): error.reason
            case .generation(let error): error.description
            }
        }
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
