/// Where one attribute's name and value sit inside a start tag's bytes.
struct XMLAttributeSpan {
    var nameStart: Int
    var nameEnd: Int
    var valueStart: Int
    var valueEnd: Int
}

/// A start tag as the scanner hands it over: views into the scanner's buffer, valid only during the
/// `startElement` call. Names and values are decoded on request, so tags nobody asks about cost nothing.
public struct XMLTag {
    /// The whole tag, from `<` to `>`.
    let bytes: UnsafeBufferPointer<UInt8>
    let nameEnd: Int
    let attributes: [XMLAttributeSpan]
    /// 1-based line of the tag's `<`.
    public let line: Int
    let decoder: XMLTextDecoder

    /// Whether the element is called `name`, compared byte for byte.
    func isNamed(_ name: StaticString) -> Bool {
        Self.equal(bytes, 1, nameEnd, name)
    }

    /// The element's name, decoded (the fuzz harnesses read it; the parsers compare bytes with `isNamed`).
    public var name: String {
        decoder.decode(UnsafeBufferPointer(rebasing: bytes[1..<nameEnd]), attribute: false)
    }

    /// The decoded value of attribute `name` (entities resolved, whitespace normalised as XML says).
    public func attribute(_ name: StaticString) -> String? {
        rawValue(name).map { decoder.decode($0, attribute: true) }
    }

    /// The bytes of attribute `name` as written, before entities are resolved: for readers that parse a
    /// value straight from them. Valid only during `startElement`, like the tag itself.
    func rawValue(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for span in attributes where Self.equal(bytes, span.nameStart, span.nameEnd, name) {
            return UnsafeBufferPointer(rebasing: bytes[span.valueStart..<span.valueEnd])
        }
        return nil
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ name: StaticString) -> Bool {
        guard end - start == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<(end - start) where bytes[start + offset] != expected[offset] { return false }
        return true
    }
}

/// Turns raw text or attribute bytes into a `String`: resolves the five predefined entities and character
/// references, folds `\r\n` to `\n`, and in attribute values turns literal tabs and newlines into spaces
/// (XML attribute-value normalisation; `&#xA;` still gives a newline). Bytes in a single-byte encoding
/// declared by the document are transcoded first. Invalid UTF-8 becomes U+FFFD; the scanner reports it.
struct XMLTextDecoder {
    var encoding: SingleByteEncoding?

    func decode(_ raw: UnsafeBufferPointer<UInt8>, attribute: Bool) -> String {
        if let encoding {
            let utf8 = Array(encoding.decode(raw).utf8)
            return utf8.withUnsafeBufferPointer { Self.decodeUTF8($0, attribute: attribute) }
        }
        return Self.decodeUTF8(raw, attribute: attribute)
    }

    static func decodeUTF8(_ raw: UnsafeBufferPointer<UInt8>, attribute: Bool) -> String {
        var plain = true
        // Every byte that needs work is below 0x27: one comparison rules out nearly all others.
        for byte in raw where byte < 0x27 && (byte == 0x26 || byte == 0x0D || (attribute && (byte == 0x0A || byte == 0x09))) {
            plain = false
            break
        }
        if plain { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            switch byte {
            case 0x26:
                if let (scalarBytes, next) = entity(raw, at: index) {
                    out.append(contentsOf: scalarBytes)
                    index = next
                    continue
                }
                // Not an entity we know: kept as written rather than dropping text.
                out.append(byte)
            case 0x0D:
                if index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
                out.append(attribute ? 0x20 : 0x0A)
            case 0x0A where attribute, 0x09 where attribute:
                out.append(0x20)
            default:
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The UTF-8 bytes of the entity or character reference starting at `start` (an `&`), and the index after its `;`.
    private static func entity(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) -> ([UInt8], Int)? {
        var end = start + 1
        while end < raw.count, end - start <= 12, raw[end] != 0x3B { end += 1 }
        guard end < raw.count, raw[end] == 0x3B, end > start + 1 else { return nil }
        let name = Array(raw[(start + 1)..<end])
        switch name {
        case Array("lt".utf8): return ([0x3C], end + 1)
        case Array("gt".utf8): return ([0x3E], end + 1)
        case Array("amp".utf8): return ([0x26], end + 1)
        case Array("quot".utf8): return ([0x22], end + 1)
        case Array("apos".utf8): return ([0x27], end + 1)
        default: break
        }
        guard name.first == 0x23 else { return nil }
        let digits = name.dropFirst()
        let hex = digits.first == 0x78 || digits.first == 0x58
        guard let text = String(validating: hex ? digits.dropFirst() : digits, as: UTF8.self),
            let value = UInt32(text, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value), value != 0
        else { return nil }
        return (Array(String(Character(scalar)).utf8), end + 1)
    }
}

extension XMLTag {
    /// A numeric attribute read straight from its bytes, without building a string: see `DecimalText`.
    /// `nil` when absent, empty or not a finite number; an entity in the value takes the slow way.
    func number(_ name: StaticString) -> Double? {
        guard let value = rawValue(name) else { return nil }
        if value.contains(0x26) { return attribute(name).flatMap(DecimalText.parse) }
        return DecimalText.parse(value)
    }
}
