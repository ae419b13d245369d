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
        do {
            try write(to: path) { (stream: inout TextStream) throws(Never) in
                // Chunk by chunk, so that the stream never holds a second copy of a large `data`.
                var start = data.startIndex
                while start < data.endIndex {
                    let end = data.index(start, offsetBy: TextStream.chunkSize, limitedBy: data.endIndex) ?? data.endIndex
                    stream.append(contentsOf: data[start..<end])
                    start = end
                }
            }
        } catch {
            switch error {
            case .output(let failure): throw failure
            }
        }
    }

    /// Writes what `produce` writes into its stream to `path`, chunk by chunk (see the type's
    /// documentation for what each kind of path gets). When `produce` throws, a regular file is
    /// left as it was.
    public static func write<Failure: Error>(to path: String, _ produce: (inout TextStream) throws(Failure) -> Void) throws(StreamedWriteError<Failure>) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Nothing there (or a dangling link): a new file.
            if errno == ENOENT, lstat(path, &info) == 0 {
                throw .output(OutputWriteError(path: path, reason: "it is a symbolic link to a file that does not exist"))
            }
            try replaceAtomically(path, mode: nil, produce)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard let resolved = realpath(path, nil) else { throw .output(OutputWriteError(path: path, reason: String(cString: strerror(errno)))) }
            let target = String(cString: resolved)
            free(resolved)
            try replaceAtomically(target, mode: info.st_mode & 0o7777, produce)
        case S_IFDIR:
            throw .output(OutputWriteError(path: path, reason: "it is a directory"))
        default:
            try writeThrough(path, produce)
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`.
    static func replaceAtomically<Failure: Error>(_ path: String, mode: mode_t?, _ produce: (inout TextStream) throws(Failure) -> Void) throws(StreamedWriteError<Failure>) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString)").path
        let sink: FileSink
        switch FileSink.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL) {
        case .success(let opened): sink = opened
        case .failure(let error): throw .output(OutputWriteError(path: path, reason: error.reason))
        }
        var failure: String?
        if let mode, fchmod(sink.fileDescriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil {
            var stream = sink.stream()
            do {
                try produce(&stream)
            } catch {
                sink.close()
                unlink(temporary)
                throw .producer(error)
            }
            stream.flush()
        }
        if let closing = sink.close(), failure == nil { failure = closing }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .output(OutputWriteError(path: path, reason: failure))
        }
    }

    /// Opens `path` for writing and writes into it (devices, FIFOs, sockets).
    static func writeThrough<Failure: Error>(_ path: String, _ produce: (inout TextStream) throws(Failure) -> Void) throws(StreamedWriteError<Failure>) {
        let sink: FileSink
        switch FileSink.open(path, flags: O_WRONLY | O_TRUNC) {
        case .success(let opened): sink = opened
        case .failure(let error): throw .output(error)
        }
        var stream = sink.stream()
        do {
            try produce(&stream)
        } catch {
            sink.close()
            throw .producer(error)
        }
        stream.flush()
        if let failure = sink.close() { throw .output(OutputWriteError(path: path, reason: failure)) }
    }
}

/// Why a streamed write failed: the output, or what produced the bytes.
public enum StreamedWriteError<Failure: Error>: Error {
    /// The file could not be written.
    case output(OutputWriteError)
    /// The producer failed; a regular file was left as it was.
    case producer(Failure)
}

/// An output that could not be written.
public struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Why, for people.
    public var reason: String
    public var description: String { "cannot write `\(SafeText.escapingControls(path))`: \(reason)" }
}
