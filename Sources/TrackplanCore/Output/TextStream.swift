/// Generated text on its way out: appends collect in a byte buffer which, when the stream has a
/// consumer, is handed over each time it passes ``chunkSize`` bytes, so that a large output
/// (a 400 MB container) never has to be held whole.
///
/// Without a consumer the stream keeps everything; ``text`` is then the whole output.
public struct TextStream {
    /// The bytes appended since the last hand-over.
    public var buffer: [UInt8] = []
    /// How many bytes were handed over before ``buffer``.
    public private(set) var handedOver = 0
    private let consumer: ((UnsafeRawBufferPointer) -> Void)?
    private let chunkSize: Int

    /// The buffer is handed to the consumer once it holds this many bytes.
    public static let chunkSize = 1 << 20

    /// A stream that keeps everything written to it.
    public init() {
        consumer = nil
        chunkSize = .max
    }

    /// A stream that hands its bytes to `consumer` in chunks of about `chunkSize` bytes (by
    /// default ``chunkSize``), and the rest on ``flush()``.
    public init(chunkSize: Int = TextStream.chunkSize, consumer: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.consumer = consumer
        self.chunkSize = max(1, chunkSize)
        buffer.reserveCapacity(min(self.chunkSize, Self.chunkSize) + 4096)
    }

    /// Appends `text` as UTF-8.
    public static func += (stream: inout TextStream, text: String) {
        stream.buffer.append(contentsOf: text.utf8)
        stream.handOverIfFull()
    }

    /// Appends raw bytes.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        handOverIfFull()
    }

    /// Hands the buffer over when it passed ``chunkSize`` (call after writing into ``buffer``).
    public mutating func handOverIfFull() {
        if buffer.count >= chunkSize { flush() }
    }

    /// Hands everything buffered to the consumer (nothing happens without one).
    public mutating func flush() {
        guard let consumer, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes(consumer)
        handedOver += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Everything written, as text (for a stream without a consumer).
    public var text: String {
        String(decoding: buffer, as: UTF8.self)
    }
}
