/// Reads one test2json event line: a flat JSON object of strings and numbers.
///
/// Foundation's `JSONDecoder` held `go test -json` reading to about 19 MB/s here; this reader takes the
/// seven keys phasecert uses straight from the bytes and skips any others (nested values included). It
/// accepts exactly what a JSON parser accepts for such an object and answers `nil` where `JSONDecoder`
/// would throw: malformed JSON, or a known key holding the wrong type.
extension GoTestParser.Event {
    init?(json text: String) {
        var text = text
        guard let event = text.withUTF8({ bytes -> Self? in
            var reader = FlatJSONReader(bytes: bytes)
            return reader.event()
        }) else { return nil }
        self = event
    }
}

private struct FlatJSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func event() -> GoTestParser.Event? {
        var event = GoTestParser.Event()
        skipBlanks()
        guard take(0x7B) else { return nil }
        skipBlanks()
        if take(0x7D) { return finished() ? event : nil }
        while true {
            skipBlanks()
            guard let key = string() else { return nil }
            skipBlanks()
            guard take(0x3A) else { return nil }
            skipBlanks()
            switch key {
            case "Action", "Package", "Test", "Output", "ImportPath", "FailedBuild":
                // null is what JSONDecoder accepts for an optional; any other non-string is a type error.
                if takeLiteral("null") { break }
                guard let value = string() else { return nil }
                switch key {
                case "Action": event.Action = value
                case "Package": event.Package = value
                case "Test": event.Test = value
                case "Output": event.Output = value
                case "ImportPath": event.ImportPath = value
                case "FailedBuild": event.FailedBuild = value
                default: break
                }
            case "Elapsed":
                if takeLiteral("null") { break }
                // A well-formed number beyond a double or ten years keeps the event (its result counts)
                // without a duration; the parser reports it.
                guard let lexeme = numberLexeme() else { return nil }
                event.Elapsed = DecimalText.parse(UnsafeBufferPointer(rebasing: bytes[lexeme])).flatMap(DecimalText.seconds)
                if event.Elapsed == nil { event.elapsedUnreadable = String(decoding: bytes[lexeme].prefix(40), as: UTF8.self) }
            default:
                guard skipValue(depth: 0) else { return nil }
            }
            skipBlanks()
            // Foundation's decoder accepts a trailing comma, so this reader does too.
            if take(0x2C) {
                skipBlanks()
                if !take(0x7D) { continue }
            } else {
                guard take(0x7D) else { return nil }
            }
            return finished() ? event : nil
        }
    }

    private mutating func finished() -> Bool {
        skipBlanks()
        return index == bytes.count
    }

    private mutating func skipBlanks() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func takeLiteral(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A JSON string with its escapes decoded; `nil` when malformed.
    private mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = index
        // Fast path: no escape before the closing quote.
        while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
        if index < bytes.count, bytes[index] == 0x22 {
            defer { index += 1 }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22:
                return String(validating: out, as: UTF8.self)
            case 0x5C:
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: out.append(escape)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard let scalar = unicodeEscape() else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair; a lone surrogate is an error,
    /// as it is for Foundation's decoder.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800...0xDBFF).contains(high) {
            guard takeLiteral("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// The bytes of a JSON number (`-?int(.frac)?(e[+-]?exp)?`); `nil` when malformed.
    private mutating func numberLexeme() -> Range<Int>? {
        let start = index
        _ = take(0x2D)
        guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
        if bytes[index] == 0x30 { index += 1 } else { while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 } }
        if take(0x2E) {
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if !take(0x2B) { _ = take(0x2D) }
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        return start..<index
    }

    /// Skips any JSON value; objects and arrays nest at most 64 deep.
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < 64, index < bytes.count else { return false }
        switch bytes[index] {
        case 0x22: return string() != nil
        case 0x7B, 0x5B:
            let close: UInt8 = bytes[index] == 0x7B ? 0x7D : 0x5D
            let isObject = close == 0x7D
            index += 1
            skipBlanks()
            if take(close) { return true }
            while true {
                skipBlanks()
                if isObject {
                    guard string() != nil else { return false }
                    skipBlanks()
                    guard take(0x3A) else { return false }
                    skipBlanks()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipBlanks()
                if take(0x2C) {
                    skipBlanks()
                    if take(close) { return true }
                    continue
                }
                return take(close)
            }
        case 0x74: return takeLiteral("true")
        case 0x66: return takeLiteral("false")
        case 0x6E: return takeLiteral("null")
        default: return numberLexeme() != nil
        }
    }
}
