import Foundation

/// An open file that a ``TextStream`` writes into; the first failure is kept and later writes
/// are skipped, so generation code never has to handle errors chunk by chunk.
public final class FileSink {
    private var descriptor: Int32
    /// Why writing failed, when it did.
    public private(set) var failure: String?

    /// Opens `path` with `flags` (`O_WRONLY | O_CREAT | O_EXCL`…) and `mode`; nil and the reason
    /// when it cannot be opened.
    public static func open(_ path: String, flags: Int32, mode: mode_t = 0o666) -> Result<FileSink, OutputWriteError> {
        let descriptor = Foundation.open(path, flags, mode)
        guard descriptor >= 0 else { return .failure(OutputWriteError(path: path, reason: String(cString: strerror(errno)))) }
        return .success(FileSink(descriptor: descriptor))
    }

    /// A sink writing into `descriptor`, which it closes.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The file's descriptor (for `fchmod`).
    public var fileDescriptor: Int32 { descriptor }

    /// Writes every byte of `bytes`, unless an earlier write failed.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, descriptor >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += written
        }
    }

    /// A stream whose chunks go to this file.
    public func stream() -> TextStream {
        TextStream { [self] bytes in write(bytes) }
    }

    /// Closes the file; the failure of any write or of closing, or nil.
    @discardableResult
    public func close() -> String? {
        guard descriptor >= 0 else { return failure }
        if Foundation.close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        descriptor = -1
        return failure
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }
}

/// Compares bytes as they are generated with a file's content, chunk by chunk, so a large output
/// is checked against the file on disk without holding either whole.
public final class FileComparison {
    private var descriptor: Int32
    private var readBuffer: [UInt8] = []
    /// False once a difference was seen (or the file could not be read).
    public private(set) var isSame: Bool

    /// Compares with the file at `path`; a missing or unreadable file differs from everything.
    public init(path: String) {
        descriptor = Foundation.open(path, O_RDONLY)
        isSame = descriptor >= 0
    }

    /// Compares the next `bytes` of the output with the next bytes of the file.
    public func compare(_ bytes: UnsafeRawBufferPointer) {
        guard isSame else { return }
        if readBuffer.count < bytes.count { readBuffer = [UInt8](repeating: 0, count: bytes.count) }
        let got = readFully(bytes.count)
        guard got == bytes.count else { isSame = false; return }
        guard let output = bytes.baseAddress else { return }
        readBuffer.withUnsafeBytes { file in
            if let read = file.baseAddress, memcmp(read, output, bytes.count) != 0 { isSame = false }
        }
    }

    /// Whether the output was the file's whole content (call once everything was compared).
    public func finish() -> Bool {
        defer { closeFile() }
        guard isSame else { return false }
        if readBuffer.isEmpty { readBuffer = [0] }
        return readFully(1) == 0
    }

    private func readFully(_ count: Int) -> Int {
        var total = 0
        while total < count {
            let got = readBuffer.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + total }, count - total)
            }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return got < 0 ? -1 : total }
            total += got
        }
        return total
    }

    private func closeFile() {
        if descriptor >= 0 { Foundation.close(descriptor) }
        descriptor = -1
    }

    deinit { closeFile() }
}
