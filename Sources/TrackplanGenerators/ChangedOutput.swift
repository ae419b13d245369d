import Foundation
import TrackplanCore

/// One generated file on its way into the output directory, chunk by chunk: while its bytes
/// match the file in place nothing is written; at the first difference (or when the file is
/// missing) its temporary file is opened, the matching prefix copied into it from the file in
/// place, and the rest written through. An unchanged output is never written, so a build whose
/// outputs are up to date writes nothing, even into a directory it may not write to.
final class ChangedOutput {
    let target: String
    let temporary: String
    private var comparison: FileComparison?
    private var sink: FileSink?
    /// How many leading bytes matched the file in place.
    private var matched = 0
    /// Why writing the temporary file failed, when it did.
    private(set) var failure: String?

    /// An output for `target`, written (if it differs) into `temporary`.
    init(target: String, temporary: String) {
        self.target = target
        self.temporary = temporary
        if FileManager.default.fileExists(atPath: target) { comparison = FileComparison(path: target) }
    }

    /// The next chunk of the output.
    func consume(_ bytes: UnsafeRawBufferPointer) {
        if let comparison {
            comparison.compare(bytes)
            if comparison.isSame {
                matched += bytes.count
                return
            }
            self.comparison = nil
            startWriting()
        } else if sink == nil, failure == nil {
            startWriting()
        }
        sink?.write(bytes)
    }

    /// Ends the output: false when it is the file in place (nothing was written), true when the
    /// temporary file holds the new content (see ``failure``).
    func finish() -> Bool {
        if let comparison {
            self.comparison = nil
            if comparison.finish() { return false }
            startWriting()  // the file in place is longer: the output is its prefix
        } else if sink == nil, failure == nil {
            startWriting()  // an empty output for a missing file
        }
        if let closing = sink?.close(), failure == nil { failure = closing }
        sink = nil
        return true
    }

    /// Removes the temporary file, if any.
    func discard() {
        sink?.close()
        sink = nil
        unlink(temporary)
    }

    /// Opens the temporary file with the target's permissions and copies the matched prefix.
    private func startWriting() {
        switch FileSink.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC) {
        case .success(let opened): sink = opened
        case .failure(let error):
            failure = error.reason
            return
        }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] as? NSNumber, let sink {
            fchmod(sink.fileDescriptor, mode_t(mode.uint16Value))
        }
        guard matched > 0 else { return }
        let source = open(target, O_RDONLY)
        guard source >= 0 else {
            failure = String(cString: strerror(errno))
            return
        }
        defer { close(source) }
        var buffer = [UInt8](repeating: 0, count: min(matched, TextStream.chunkSize))
        var left = matched
        while left > 0 {
            let got = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, min(left, $0.count)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                failure = got < 0 ? String(cString: strerror(errno)) : "`\(target)` changed while it was compared"
                return
            }
            buffer.withUnsafeBytes { sink?.write(UnsafeRawBufferPointer(rebasing: $0[..<got])) }
            left -= got
        }
    }
}
