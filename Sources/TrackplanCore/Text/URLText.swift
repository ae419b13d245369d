/// Percent-decoding of URL and form text.
public enum URLText {
    /// `text` with `%XX` escapes decoded and `+` read as a space (form encoding); bytes that are
    /// not UTF-8 become U+FFFD.
    public static func decode<S: StringProtocol>(_ text: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                pending = [byte]
                guard let h = iterator.next() else { bytes += pending; break }
                pending.append(h)
                guard let l = iterator.next() else { bytes += pending; break }
                pending.append(l)
                if let hv = hex(h), let lv = hex(l) { bytes.append(hv << 4 | lv) } else { bytes += pending }
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The path of a URL (`/shop/item?x` → `/shop/item`); a URL without a scheme
    /// (`shop.example/cart`) is read as host and path, and a bare path as itself.
    public static func path(of url: String) -> String {
        let bytes = Array(url.utf8)
        var start = 0
        if let scheme = firstIndex(of: Array("://".utf8), in: bytes) {
            start = bytes[(scheme + 3)...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        } else if bytes.first != UInt8(ascii: "/") {
            start = bytes.firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
        return end > start ? String(decoding: bytes[start..<end], as: UTF8.self) : "/"
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for k in 0...(bytes.count - needle.count) where bytes[k] == needle[0] && Array(bytes[k..<(k + needle.count)]) == needle {
            return k
        }
        return nil
    }
}
