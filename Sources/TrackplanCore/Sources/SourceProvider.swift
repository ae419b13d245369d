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
    /// What `path` is, following symbolic links; nil when nothing is there.
    func kind(of path: String) -> FileKind?
    /// `path` made absolute with every symbolic link resolved; nil when nothing is there.
    func canonicalPath(of path: String) -> String?
}

extension SourceProvider {
    public func size(of path: String) -> Int? { nil }
    public func kind(of path: String) -> FileKind? { (try? contents(of: path)) == nil ? nil : .regular }
    public func canonicalPath(of path: String) -> String? { kind(of: path) == nil ? nil : identity(of: path) }
}

/// What is at a path.
public enum FileKind: String, Sendable, Equatable {
    case regular = "a regular file"
    case directory = "a directory"
    case fifo = "a named pipe"
    case characterDevice = "a character device"
    case blockDevice = "a block device"
    case socket = "a socket"
    case other = "not a regular file"

    /// "it is a character device, not a regular file", for messages.
    public var refusal: String {
        self == .other ? "it is not a regular file" : "it is \(rawValue), not a regular file"
    }
}

/// Whether `path` lies inside the directory `root` (both canonical, as `canonicalPath(of:)`
/// gives them): equal to it or below it.
public func isPath(_ path: String, inside root: String) -> Bool {
    let root = PathUtil.normalize(root), path = PathUtil.normalize(path)
    if root == "." { return !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
    if root == "/" { return path.hasPrefix("/") }
    return path == root || path.hasPrefix(root + "/")
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

    /// The most bytes read from a file that has no size (a pipe): one more than the plan size
    /// limit, so an endless device is refused as too large instead of read forever.
    public var readLimit = 64 * 1024 * 1024 + 1

    public func contents(of path: String) throws -> [UInt8] {
        guard let kind = kind(of: path) else { throw SourceReadError("no such file") }
        switch kind {
        case .directory:
            throw SourceReadError("it is a directory, not a file")
        case .regular, .fifo:
            break
        case .characterDevice where Self.isStandardInput(path):
            break
        default:
            throw SourceReadError(kind.refusal)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw SourceReadError(errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // A regular file is read straight into a buffer of its size (one more byte shows growth).
        var info = stat()
        if kind == .regular, fstat(descriptor, &info) == 0, info.st_size >= 0, Int(info.st_size) < readLimit {
            let capacity = Int(info.st_size) + 1
            var failure: Int32 = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < capacity {
                    let n = read(descriptor, buffer.baseAddress.map { $0 + count }, capacity - count)
                    if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                    if n == 0 { return }
                    count += n
                }
            }
            if failure != 0 { throw SourceReadError(String(cString: strerror(failure))) }
            if bytes.count < capacity { return bytes }
            // The file grew while being read: fall through to the bounded read of what is there now.
            lseek(descriptor, 0, SEEK_SET)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < readLimit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, readLimit - bytes.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SourceReadError(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// `/dev/stdin` and the descriptors of `/dev/fd` or `/proc/self/fd`, which may be terminals.
    static func isStandardInput(_ path: String) -> Bool {
        path == "/dev/stdin" || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/")
    }

    public func kind(of path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    public func canonicalPath(of path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func identity(of path: String) -> String {
        canonicalPath(of: path) ?? URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
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

    public func kind(of path: String) -> FileKind? {
        let normalized = PathUtil.normalize(path)
        if files[normalized] != nil { return .regular }
        let prefix = normalized == "." ? "" : normalized + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : nil
    }

    public func canonicalPath(of path: String) -> String? {
        kind(of: path) == nil ? nil : PathUtil.normalize(path)
    }

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

    /// `path` relative to `directory` (both made absolute against `workingDirectory` first):
    /// `sub/plan.yaml` from `/repo` to `/repo/sub` is `plan.yaml`; `../x` where it must climb.
    public static func relative(_ path: String, to directory: String, workingDirectory: String) -> String {
        func absolute(_ p: String) -> [Substring] {
            normalize(p.hasPrefix("/") ? p : workingDirectory + "/" + p).split(separator: "/")
        }
        let target = absolute(path), base = absolute(directory)
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `relative` resolved against the directory of `file`.
    public static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        let dir = directory(of: file)
        return normalize(dir.isEmpty ? relative : dir + "/" + relative)
    }
}

/// The root of the git repository `directory` is in (the nearest parent holding `.git`), or
/// `directory` itself outside a repository. Reports give paths relative to it, so they read the
/// same from any subdirectory.
public func repositoryRoot(of directory: String = FileManager.default.currentDirectoryPath) -> String {
    var current = URL(fileURLWithPath: directory).standardizedFileURL
    while true {
        if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current.path }
        let parent = current.deletingLastPathComponent()
        if parent.path == current.path { return URL(fileURLWithPath: directory).standardizedFileURL.path }
        current = parent
    }
}
