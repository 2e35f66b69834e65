import Foundation
import PhaseModel

/// Receives what `XMLScanner` reads, in document order.
public protocol XMLScanHandler {
    /// Whether text inside the current element is wanted; unwanted text is skipped without decoding.
    var wantsText: Bool { get }
    /// A start tag. Returning `false` stops the scan (a root element that is not the expected one).
    mutating func startElement(_ tag: XMLTag) -> Bool
    /// The end of the element opened last (also sent for `<empty/>` tags).
    mutating func endElement(line: Int)
    /// Decoded character data or CDATA inside an element, possibly in several pieces.
    mutating func text(_ text: String)
    /// Malformed XML at `line`. After a fatal one, nothing else arrives.
    mutating func malformed(line: Int, _ reason: String)
}

/// How a scan ended.
public enum XMLScanEnd: Equatable {
    /// The root element closed (or the input ended), and everything read was well-formed.
    case finished
    /// The handler asked to stop.
    case stopped
    /// A fatal error was reported through `malformed`.
    case failed
}

/// A small non-validating, streaming XML reader written for evidence files.
///
/// Foundation's `XMLParser` on Linux reads at about 60 MB/s here and builds an attribute dictionary for
/// every element; this reader works on byte buffers, decodes only the attributes and text the handler asks
/// for, and reads one chunk at a time, so memory does not grow with the document. It checks what matters
/// for trusting counts: a single root, balanced and matching tags, terminated comments, CDATA, tags and
/// attribute values, and valid UTF-8 where text is used. DOCTYPE declarations are skipped and never
/// expanded, so entity bombs cannot blow up. Unknown entities are kept as written.
public struct XMLScanner<Handler: XMLScanHandler> {
    /// Longest start tag kept in memory. Reporters put whole stack traces and diffs into a `message`
    /// attribute, and a tag cut short loses its failing test case, so this is far above any such value
    /// while still bounding memory whatever the file's size.
    static var maxTagBytes: Int { 32 << 20 }
    static var textPiece: Int { 1 << 16 }

    var handler: Handler
    private var source: XMLByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private(set) var line = 1
    private var totalBytes = 0
    private var depth = 0
    private var openNames: [UInt8] = []
    private var openNameEnds: [Int] = []
    private var rootSeen = false
    private var rootClosed = false
    private var decoder = XMLTextDecoder()
    private var reportedInvalidUTF8 = false
    private var spans: [XMLAttributeSpan] = []

    /// A scanner that reads `source` and reports to `handler`; nothing is read before `scan()`.
    public init(source: XMLByteSource, handler: Handler) {
        self.source = source
        self.handler = handler
        buffer.reserveCapacity(XMLByteSource.chunkSize * 2)
    }

    /// Reads the whole input; the handler has seen everything when this returns.
    public mutating func scan() -> XMLScanEnd {
        _ = more()
        // Byte-order marks never get here: the source drops them and transcodes UTF-16.
        if totalBytes == 0 { return fail(source.failure ?? LocalizedText(message: "problem.xml.empty")) }
        while true {
            if let end = scanText() { return end }
            if let end = scanMarkup() { return end }
        }
    }

    // MARK: Buffer

    private var available: Int { buffer.count - position }

    /// Reads another chunk, first dropping what has been consumed. Offsets relative to `position` stay valid.
    private mutating func more() -> Bool {
        if atEnd { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let count = source.read(into: &buffer)
        if count == 0 {
            atEnd = true
            return false
        }
        totalBytes += count
        return true
    }

    /// Makes at least `count` bytes available from `position`, if the input has them.
    private mutating func ensure(_ count: Int) -> Bool {
        while available < count { if !more() { return false } }
        return true
    }

    /// Moves `position` forward by `count`, counting the newlines passed.
    private mutating func advance(_ count: Int) {
        let end = position + count
        line += buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var newlines = 0
            var cursor = base + position
            let stop = base + end
            while cursor < stop, let hit = memchr(cursor, 0x0A, stop - cursor) {
                newlines += 1
                cursor = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return newlines
        }
        position = end
    }

    /// Offset from `position` of the first occurrence of `pattern` at or after `from`, reading more as needed.
    private mutating func find(_ pattern: [UInt8], from: Int) -> Int? {
        var start = from
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                let first = pattern[0]
                var index = position + start
                let last = bytes.count - pattern.count
                while index <= last {
                    if bytes[index] == first {
                        var match = true
                        for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                            match = false
                            break
                        }
                        if match { return index - position }
                    }
                    index += 1
                }
                return nil
            }
            if let found { return found }
            start = max(start, available - pattern.count + 1)
            if !more() { return nil }
        }
    }

    /// Reports `reason` in English: handlers put it into problem details that findings quote in
    /// both languages (a Russian finding keeps the English detail, as `phase.json` has always held).
    private mutating func fail(_ reason: LocalizedText) -> XMLScanEnd {
        handler.malformed(line: line, reason.en)
        return .failed
    }


    // MARK: Text

    /// Reads character data up to the next `<`. Returns how the scan ended when the input ran out.
    private mutating func scanText() -> XMLScanEnd? {
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes -> Int? in
                guard position < bytes.count, let base = bytes.baseAddress else { return nil }
                guard let hit = memchr(base + position, 0x3C, bytes.count - position) else { return nil }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(base + position)
            }
            if let found {
                if found > 0, let end = consumeText(found) { return end }
                return nil
            }
            if handler.wantsText, depth > 0 {
                // Hand over long text in pieces that do not split an entity or a UTF-8 sequence.
                let piece = safeTextPrefix()
                if piece >= Self.textPiece, let end = consumeText(piece) { return end }
            } else if available > 0, let end = consumeText(available) {
                return end
            }
            if !more() {
                if available > 0, let end = consumeText(available) { return end }
                return finishAtEnd()
            }
        }
    }

    /// How many of the available bytes can be decoded now without cutting an entity or a character.
    private func safeTextPrefix() -> Int {
        var end = buffer.count
        let floor = max(position, end - 12)
        if let amp = buffer[floor..<end].lastIndex(of: 0x26) { end = amp }
        var back = 0
        while end > position, back < 4, buffer[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        if end > position, buffer[end - 1] >= 0xC0 { end -= 1 }
        return end - position
    }

    private mutating func consumeText(_ count: Int) -> XMLScanEnd? {
        if depth == 0 {
            let blank = buffer[position..<(position + count)].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            if !blank {
                advanceToFirstNonBlank(count)
                return fail(rootClosed ? LocalizedText(message: "problem.xml.text-after-root") : LocalizedText(message: "problem.xml.no-root-tag"))
            }
        } else if handler.wantsText {
            let text = decodeChecked(position, position + count, attribute: false)
            handler.text(text)
        }
        advance(count)
        return nil
    }

    private mutating func advanceToFirstNonBlank(_ count: Int) {
        var skip = 0
        while skip < count, [0x20, 0x0A, 0x0D, 0x09].contains(buffer[position + skip]) { skip += 1 }
        advance(skip)
    }

    private mutating func decodeChecked(_ start: Int, _ end: Int, attribute: Bool) -> String {
        checkUTF8(start, end)
        return buffer.withUnsafeBufferPointer { bytes in
            decoder.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]), attribute: attribute)
        }
    }

    /// Reports the first invalid UTF-8 sequence once; decoding goes on with replacement characters.
    private mutating func checkUTF8(_ start: Int, _ end: Int) {
        guard !reportedInvalidUTF8, decoder.encoding == nil else { return }
        let valid: Bool = buffer.withUnsafeBufferPointer { bytes in
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !slice.contains(where: { $0 >= 0x80 }) { return true }
            return String(validating: slice, as: UTF8.self) != nil
        }
        if !valid {
            reportedInvalidUTF8 = true
            var at = line
            for index in position..<start where buffer[index] == 0x0A { at += 1 }
            handler.malformed(line: at, LocalizedText(message: "problem.xml.invalid-utf8").en)
        }
    }

    private mutating func finishAtEnd() -> XMLScanEnd {
        if let failure = source.failure { return fail(failure) }
        if !rootSeen { return fail(LocalizedText(message: "problem.xml.no-root")) }
        if depth > 0 { return fail(LocalizedText(message: "problem.xml.ends-in-element")) }
        return .finished
    }

    // MARK: Markup

    private static var commentOpen: [UInt8] { Array("<!--".utf8) }
    private static var cdataOpen: [UInt8] { Array("<![CDATA[".utf8) }

    /// Reads one construct starting at `<`.
    private mutating func scanMarkup() -> XMLScanEnd? {
        guard ensure(2) else { return fail(LocalizedText(message: "problem.xml.ends-in-tag")) }
        switch buffer[position + 1] {
        case 0x3F: return skipProcessingInstruction()
        case 0x21:
            _ = ensure(9)
            if hasPrefix(Self.commentOpen) {
                return skipPast(Array("-->".utf8), from: 4, unfinished: LocalizedText(message: "problem.xml.ends-in-comment"))
            }
            if hasPrefix(Self.cdataOpen) { return scanCDATA() }
            if hasPrefix(Array("<!DOCTYPE".utf8)), !rootSeen { return skipDoctype() }
            return fail(LocalizedText(message: "problem.xml.unexpected-markup"))
        case 0x2F: return scanEndTag()
        default: return scanStartTag()
        }
    }

    private func hasPrefix(_ pattern: [UInt8]) -> Bool {
        guard available >= pattern.count else { return false }
        for (offset, byte) in pattern.enumerated() where buffer[position + offset] != byte { return false }
        return true
    }

    private mutating func skipPast(_ terminator: [UInt8], from: Int, unfinished: LocalizedText) -> XMLScanEnd? {
        // Long comments are skipped without growing the buffer: consume what cannot hold the terminator.
        var from = from
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                var index = position + from
                while index + terminator.count <= bytes.count {
                    if bytes[index] == terminator[0], Array(bytes[index..<(index + terminator.count)]) == terminator {
                        return index - position
                    }
                    index += 1
                }
                return nil
            }
            if let found {
                advance(found + terminator.count)
                return nil
            }
            let keep = terminator.count - 1
            if available > from + keep {
                advance(available - keep)
                from = 0
            }
            if !more() { return fail(unfinished) }
        }
    }

    private mutating func skipProcessingInstruction() -> XMLScanEnd? {
        guard let end = find(Array("?>".utf8), from: 2) else { return fail(LocalizedText(message: "problem.xml.ends-in-instruction")) }
        if totalBytes > 0, !rootSeen, hasPrefix(Array("<?xml".utf8)) {
            let declaration = String(decoding: buffer[position..<(position + end)], as: UTF8.self)
            if let failure = applyEncoding(from: declaration) { return fail(failure) }
        }
        advance(end + 2)
        return nil
    }

    /// Honours `encoding="…"` in the XML declaration: UTF-8 and the single-byte encodings we can decode.
    private mutating func applyEncoding(from declaration: String) -> LocalizedText? {
        // A UTF-16 byte-order mark outranks the declaration (XML 1.0 appendix F), and the text is UTF-8 by now.
        if source.transcodedFromUTF16 { return nil }
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }.lowercased()
        if ["utf-8", "utf8", "us-ascii", "ascii"].contains(name) { return nil }
        if let encoding = SingleByteEncoding(name: name) {
            decoder.encoding = encoding
            return nil
        }
        return LocalizedText(message: "problem.xml.unsupported-encoding", ["encoding": .text(name)])
    }

    private mutating func skipDoctype() -> XMLScanEnd? {
        // `<!DOCTYPE root [ <!ENTITY …> ]>`: skipped, quotes and the internal subset respected, never expanded.
        var offset = 9
        var quote: UInt8?
        var bracket = 0
        while true {
            if offset >= available {
                if offset > Self.maxTagBytes * 4 { return fail(LocalizedText(message: "problem.xml.doctype-too-long")) }
                if !more() { return fail(LocalizedText(message: "problem.xml.ends-in-doctype")) }
                continue
            }
            let byte = buffer[position + offset]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x3C, bracket > 0, startsComment(at: offset) {
                // A comment in the internal subset may hold quotes and brackets of its own.
                guard let end = find(Array("-->".utf8), from: offset + 4) else {
                    return fail(LocalizedText(message: "problem.xml.ends-in-doctype"))
                }
                offset = end + 3
                continue
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x5B {
                bracket += 1
            } else if byte == 0x5D {
                bracket -= 1
            } else if byte == 0x3E, bracket <= 0 {
                advance(offset + 1)
                return nil
            }
            offset += 1
        }
    }

    private mutating func startsComment(at offset: Int) -> Bool {
        _ = ensure(offset + 4)
        guard available >= offset + 4 else { return false }
        return buffer[position + offset + 1] == 0x21 && buffer[position + offset + 2] == 0x2D && buffer[position + offset + 3] == 0x2D
    }

    private mutating func scanCDATA() -> XMLScanEnd? {
        guard depth > 0 else { return fail(LocalizedText(message: "problem.xml.cdata-outside-root")) }
        advance(Self.cdataOpen.count)
        let terminator = Array("]]>".utf8)
        while true {
            if let found = findInBuffer(terminator) {
                if handler.wantsText, found > 0 { deliverRaw(found) } else { advance(found) }
                advance(terminator.count)
                return nil
            }
            let keep = terminator.count - 1
            if available > keep {
                var count = available - keep
                while count > 0, buffer[position + count] & 0xC0 == 0x80 { count -= 1 }
                if handler.wantsText, count > 0 { deliverRaw(count) } else { advance(count) }
            }
            if !more() { return fail(LocalizedText(message: "problem.xml.ends-in-cdata")) }
        }
    }

    private func findInBuffer(_ pattern: [UInt8]) -> Int? {
        var index = position
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0], buffer[index + 1] == pattern[1], buffer[index + 2] == pattern[2] {
                return index - position
            }
            index += 1
        }
        return nil
    }

    /// CDATA text: no entities, but line endings and UTF-8 still checked.
    private mutating func deliverRaw(_ count: Int) {
        checkUTF8(position, position + count)
        let text = buffer.withUnsafeBufferPointer { bytes in
            let slice = UnsafeBufferPointer(rebasing: bytes[position..<(position + count)])
            let text = decoder.encoding.map { $0.decode(slice) } ?? String(decoding: slice, as: UTF8.self)
            return text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        }
        handler.text(text)
        advance(count)
    }

    private mutating func scanEndTag() -> XMLScanEnd? {
        guard let close = find([0x3E], from: 2) else { return fail(LocalizedText(message: "problem.xml.ends-in-end-tag")) }
        var nameEnd = 2
        while nameEnd < close, !Self.isSpace(buffer[position + nameEnd]) { nameEnd += 1 }
        let name = buffer[(position + 2)..<(position + nameEnd)]
        guard let top = openNameEnds.last else {
            return fail(LocalizedText(message: "problem.xml.end-tag-unopened", ["tag": .text(String(decoding: name, as: UTF8.self))]))
        }
        let topStart = openNameEnds.count > 1 ? openNameEnds[openNameEnds.count - 2] : 0
        guard openNames[topStart..<top].elementsEqual(name) else {
            let expected = String(decoding: openNames[topStart..<top], as: UTF8.self)
            let arguments: [String: MessageArgument] = ["open": .text(expected), "close": .text(String(decoding: name, as: UTF8.self))]
            return fail(LocalizedText(message: "problem.xml.tag-mismatch", arguments))
        }
        let endLine = line
        advance(close + 1)
        closeElement(line: endLine)
        return nil
    }

    private mutating func closeElement(line endLine: Int) {
        let top = openNameEnds.removeLast()
        openNames.removeLast(top - (openNameEnds.last ?? 0))
        depth -= 1
        handler.endElement(line: endLine)
        if depth == 0 { rootClosed = true }
    }

    private mutating func scanStartTag() -> XMLScanEnd? {
        if rootClosed { return fail(LocalizedText(message: "problem.xml.second-root")) }
        let first = buffer[position + 1]
        guard Self.isNameStart(first) else { return fail(LocalizedText(message: "problem.xml.no-tag-name")) }
        // Find the closing `>` outside quoted attribute values.
        var offset = 1
        var highBytes = false
        while true {
            if offset >= available {
                if offset > Self.maxTagBytes { return fail(LocalizedText(message: "problem.xml.tag-too-long", ["limit": .text(String(Self.maxTagBytes))])) }
                if !more() { return fail(LocalizedText(message: "problem.xml.ends-in-tag")) }
                continue
            }
            let scan: (offset: Int, found: Bool, error: LocalizedText?, openQuote: Bool) = buffer.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return (offset, false, nil, false) }
                var index = position + offset
                let end = bytes.count
                while index < end {
                    let byte = bytes[index]
                    // Letters and most name characters sit above '>' and below 0x80: nothing to decide.
                    if byte > 0x3E && byte < 0x80 {
                        index += 1
                        continue
                    }
                    if byte == 0x22 || byte == 0x27 {
                        // Jump to the closing quote; without it in the buffer, read more and look again from here.
                        guard let hit = memchr(base + index + 1, Int32(byte), end - index - 1) else {
                            return (index - position, false, nil, true)
                        }
                        let close = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                        if memchr(base + index + 1, 0x3C, close - index - 1) != nil {
                            return (index - position, false, LocalizedText(message: "problem.xml.lt-in-attribute"), false)
                        }
                        if !highBytes, Self.hasHighByte(base + index + 1, close - index - 1) { highBytes = true }
                        index = close + 1
                        continue
                    }
                    if byte >= 0x80 {
                        highBytes = true
                    } else if byte == 0x3E {
                        return (index - position, true, nil, false)
                    } else if byte == 0x3C {
                        return (index - position, false, LocalizedText(message: "problem.xml.gt-expected"), false)
                    }
                    index += 1
                }
                return (index - position, false, nil, false)
            }
            if let error = scan.error { return fail(error) }
            offset = scan.offset
            if scan.found { break }
            if scan.openQuote {
                // The value's closing quote is not in the buffer yet: read more, then look again from its opening quote.
                if available > Self.maxTagBytes { return fail(LocalizedText(message: "problem.xml.tag-too-long", ["limit": .text(String(Self.maxTagBytes))])) }
                if !more() { return fail(LocalizedText(message: "problem.xml.ends-in-tag")) }
            }
        }
        let close = offset
        let selfClosing = buffer[position + close - 1] == 0x2F
        let tagEnd = selfClosing ? close - 1 : close
        var nameEnd = 1
        while nameEnd < tagEnd, !Self.isSpace(buffer[position + nameEnd]) { nameEnd += 1 }
        if let failure = parseAttributes(from: nameEnd, to: tagEnd) { return fail(failure) }
        if highBytes { checkUTF8(position, position + close + 1) }
        let tagLine = line
        let keepGoing = buffer.withUnsafeBufferPointer { bytes in
            let tag = XMLTag(
                bytes: UnsafeBufferPointer(rebasing: bytes[position...(position + close)]), nameEnd: nameEnd,
                attributes: spans, line: tagLine, decoder: decoder)
            return handler.startElement(tag)
        }
        if !keepGoing { return .stopped }
        rootSeen = true
        openNames.append(contentsOf: buffer[(position + 1)..<(position + nameEnd)])
        openNameEnds.append(openNames.count)
        depth += 1
        advance(close + 1)
        if selfClosing { closeElement(line: line) }
        return nil
    }

    /// Fills `spans` with the attributes between the name and the end of the tag; returns an error, if any.
    private mutating func parseAttributes(from start: Int, to end: Int) -> LocalizedText? {
        // Taken out and put back so the array is never shared while it is emptied and refilled
        // (a shared buffer would be copied on every tag).
        var spans: [XMLAttributeSpan] = []
        swap(&spans, &self.spans)
        spans.removeAll(keepingCapacity: true)
        defer { swap(&spans, &self.spans) }
        return buffer.withUnsafeBufferPointer { whole -> LocalizedText? in
            let bytes = UnsafeBufferPointer(rebasing: whole[position...])
            var index = start
            let limit = end
            while true {
                while index < limit, Self.isSpace(bytes[index]) { index += 1 }
                if index >= limit { return nil }
                let nameStart = index
                while index < limit, !Self.isSpace(bytes[index]), bytes[index] != 0x3D { index += 1 }
                let nameEnd = index
                while index < limit, Self.isSpace(bytes[index]) { index += 1 }
                guard index < limit, bytes[index] == 0x3D else { return LocalizedText(message: "problem.xml.attribute-no-value") }
                index += 1
                while index < limit, Self.isSpace(bytes[index]) { index += 1 }
                guard index < limit, bytes[index] == 0x22 || bytes[index] == 0x27 else { return LocalizedText(message: "problem.xml.attribute-not-quoted") }
                let quote = bytes[index]
                let valueStart = index + 1
                guard let base = bytes.baseAddress, valueStart < limit,
                    let hit = memchr(base + valueStart, Int32(quote), limit - valueStart)
                else { return LocalizedText(message: "problem.xml.attribute-unfinished") }
                index = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
                for other in spans where UnsafeBufferPointer(rebasing: bytes[other.nameStart..<other.nameEnd]).elementsEqual(name) {
                    return LocalizedText(message: "problem.xml.attribute-twice", ["name": .text(String(decoding: name, as: UTF8.self))])
                }
                spans.append(XMLAttributeSpan(nameStart: nameStart, nameEnd: nameEnd, valueStart: valueStart, valueEnd: index))
                index += 1
            }
        }
    }

    /// Whether any of `count` bytes is outside ASCII, eight at a time.
    private static func hasHighByte(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        let raw = UnsafeRawPointer(start)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
            index += 8
        }
        while index < count {
            if start[index] >= 0x80 { return true }
            index += 1
        }
        return false
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }
}
