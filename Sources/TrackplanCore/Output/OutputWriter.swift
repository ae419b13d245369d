import Foundation

/// Writes what trackplan generates, without ever destroying the thing written to.
///
/// - A missing path, or a regular file (followed through symbolic links): written atomically,
///   to a temporary file beside the real target and then renamed over it, so a failing run
///   never leaves a half-written output; an existing file keeps its permission bits, and a
///   symbolic link stays a link to the new content.
/// - A device, FIFO or socket (`/dev/stdout`, `/dev/null`, a pipe): written through; it is
///   never replaced by a regular file.
/// - A directory: refused.
public enum OutputWriter {
    /// Writes `data` to `path` (see the type's documentation for what each kind of path gets).
    public static func write(_ data: Data, to path: String) throws(OutputWriteError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Nothing there (or a dangling link): a new file.
            if errno == ENOENT, lstat(path, &info) == 0 {
                throw OutputWriteError(path: path, reason: "it is a symbolic link to a file that does not exist")
            }
            try replaceAtomically(path, with: data, mode: nil)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard let resolved = realpath(path, nil) else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
            let target = String(cString: resolved)
            free(resolved)
            try replaceAtomically(target, with: data, mode: info.st_mode & 0o7777)
        case S_IFDIR:
            throw OutputWriteError(path: path, reason: "it is a directory")
        default:
            try writeThrough(path, data: data)
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`.
    static func replaceAtomically(_ path: String, with data: Data, mode: mode_t?) throws(OutputWriteError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        if let mode, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil { failure = writeAll(descriptor, data) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputWriteError(path: path, reason: failure)
        }
    }

    /// Opens `path` for writing and writes `data` into it (devices, FIFOs, sockets).
    static func writeThrough(_ path: String, data: Data) throws(OutputWriteError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
        let failure = writeAll(descriptor, data)
        close(descriptor)
        if let failure { throw OutputWriteError(path: path, reason: failure) }
    }

    /// Writes every byte; the error text, or nil.
    static func writeAll(_ descriptor: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}

/// An output that could not be written.
public struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why, for people.
    public var reason: String
    public var description: String { "cannot write `\(SafeText.escapingControls(path))`: \(reason)" }
}
