import Foundation

/// Where the loader gets file contents from: the disk, or memory in tests.
public protocol SourceProvider: Sendable {
    /// The bytes of the file at `path` (relative to the working directory or absolute).
    func contents(of path: String) throws -> [UInt8]
    /// A key that is equal for two paths naming the same file (used to detect include cycles).
    func identity(of path: String) -> String
    /// The names of the files in the directory `path`, for did-you-mean suggestions.
    func siblings(in directory: String) -> [String]
    /// The size of the file in bytes, when known without reading it (to refuse huge files early).
    func size(of path: String) -> Int?
}

extension SourceProvider {
    public func size(of path: String) -> Int? { nil }
}

/// An error reading a file, with a message for people.
public struct SourceReadError: Error, Sendable, CustomStringConvertible {
    /// Why the file could not be read ("no such file", "is a directory", …).
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Reads files from disk.
public struct DiskSourceProvider: SourceProvider {
    /// Creates a provider.
    public init() {}

    public func contents(of path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SourceReadError("no such file")
        }
        if isDirectory.boolValue { throw SourceReadError("it is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw SourceReadError("permission denied or unreadable")
        }
        return [UInt8](data)
    }

    public func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    public func siblings(in directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
    }
}

/// Serves files from a dictionary of path → text; for tests and embedding.
public struct MemorySourceProvider: SourceProvider {
    /// The files, by normalized path.
    public var files: [String: [UInt8]]

    /// Creates a provider from texts.
    public init(_ files: [String: String]) {
        self.files = Dictionary(uniqueKeysWithValues: files.map { (PathUtil.normalize($0.key), Array($0.value.utf8)) })
    }

    /// Creates a provider from raw bytes.
    public init(bytes: [String: [UInt8]]) {
        self.files = Dictionary(uniqueKeysWithValues: bytes.map { (PathUtil.normalize($0.key), $0.value) })
    }

    public func contents(of path: String) throws -> [UInt8] {
        guard let bytes = files[PathUtil.normalize(path)] else { throw SourceReadError("no such file") }
        return bytes
    }

    public func identity(of path: String) -> String { PathUtil.normalize(path) }

    public func siblings(in directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : PathUtil.normalize(directory) + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }
    }
}

/// Path arithmetic on the strings shown to users (no file system access).
public enum PathUtil {
    /// Removes `.` components and resolves `..` where possible; keeps relative paths relative.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The directory part of `path` ("" for a bare file name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `relative` resolved against the directory of `file`.
    public static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        let dir = directory(of: file)
        return normalize(dir.isEmpty ? relative : dir + "/" + relative)
    }
}
