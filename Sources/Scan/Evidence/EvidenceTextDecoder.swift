import Foundation

/// Turns the bytes of an evidence file into UTF-8 as they stream in, so every reader sees UTF-8.
///
/// The first bytes decide. UTF-16 with a byte-order mark, little- or big-endian (what Windows PowerShell 5's
/// `>` and some Windows test runners write), is transcoded chunk by chunk, so memory stays about one chunk
/// whatever the file's size. A UTF-8 byte-order mark is dropped and the rest passes through untouched. Without
/// a mark the bytes are taken as UTF-8: UTF-16 without one cannot be told from binary data, and its NUL bytes
/// make the readers report it as binary.
struct EvidenceTextDecoder {
    enum Encoding: Equatable {
        case utf8
        case utf16LittleEndian
        case utf16BigEndian
    }

    /// How the file is read; `nil` until its first bytes arrived.
    private(set) var encoding: Encoding?
    /// Bytes held back: the first ones while they may still start a byte-order mark, or the half of a UTF-16
    /// code unit that a chunk boundary split.
    private var pending: [UInt8] = []
    private var highSurrogate: UInt16?
    private var output: [UInt8] = []

    /// Whether the file was UTF-16 and is being transcoded.
    var isTranscoding: Bool { encoding == .utf16LittleEndian || encoding == .utf16BigEndian }

    /// Decodes the next chunk of the file; `body` receives its UTF-8, unless that is empty.
    mutating func decode(_ chunk: Data, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        chunk.withUnsafeBytes { raw in decode(raw.bindMemory(to: UInt8.self), body) }
    }

    mutating func decode(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !chunk.isEmpty else { return }
        if let encoding {
            convert(chunk, encoding, body)
            return
        }
        // The first three bytes decide; a chunk shorter than that (a pipe, a tiny file) is held until they arrive.
        let taken = min(chunk.count, 3 - pending.count)
        let start = pending + chunk.prefix(taken)
        guard let (decided, markLength) = Self.byteOrderMark(start, complete: false) else {
            pending = start
            return
        }
        encoding = decided
        pending.removeAll()
        Array(start.dropFirst(markLength)).withUnsafeBufferPointer { convert($0, decided, body) }
        convert(UnsafeBufferPointer(rebasing: chunk[taken...]), decided, body)
    }

    /// The end of the file: passes on what was held back. A UTF-16 file that ends inside a code unit or
    /// after half a surrogate pair gets an invalid byte there (see `invalid()`).
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if encoding == nil {
            let held = pending
            pending.removeAll()
            let (decided, markLength) = Self.byteOrderMark(held, complete: true) ?? (.utf8, 0)
            encoding = decided
            Array(held.dropFirst(markLength)).withUnsafeBufferPointer { convert($0, decided, body) }
        }
        guard isTranscoding else { return }
        output.removeAll(keepingCapacity: true)
        if !pending.isEmpty || highSurrogate != nil { invalid() }
        pending.removeAll()
        highSurrogate = nil
        if !output.isEmpty { output.withUnsafeBufferPointer(body) }
    }

    /// The encoding a file's first bytes announce and the length of the mark; `nil` while `bytes` is too
    /// short to tell and more may follow.
    private static func byteOrderMark(_ bytes: [UInt8], complete: Bool) -> (Encoding, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        let couldStartMark = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]].contains { $0.starts(with: bytes) }
        return couldStartMark && !complete ? nil : (.utf8, 0)
    }

    private mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: Encoding, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !bytes.isEmpty else { return }
        guard encoding != .utf8 else {
            body(bytes)
            return
        }
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(bytes.count / 2 * 3 + 4)
        let little = encoding == .utf16LittleEndian
        var index = 0
        if let first = pending.first {
            pending.removeAll()
            add(little ? UInt16(first) | UInt16(bytes[0]) << 8 : UInt16(first) << 8 | UInt16(bytes[0]))
            index = 1
        }
        while index + 1 < bytes.count {
            let low = bytes[little ? index : index + 1]
            let high = bytes[little ? index + 1 : index]
            add(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        if index < bytes.count { pending = [bytes[index]] }
        if !output.isEmpty { output.withUnsafeBufferPointer(body) }
    }

    /// Appends one UTF-16 code unit, joining surrogate pairs.
    private mutating func add(_ unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                append(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                return
            }
            invalid()
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: invalid()
        default: append(UInt32(unit))
        }
    }

    private mutating func append(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// An unpaired surrogate or a lone last byte becomes 0xFF, a byte that is never valid UTF-8: every reader
    /// already reports invalid UTF-8 with its line and reads on with a replacement character, so broken UTF-16
    /// is reported the same way instead of vanishing into a silent U+FFFD.
    private mutating func invalid() {
        output.append(0xFF)
    }
}

extension EvidenceTextDecoder {
    /// Whether `bytes` open with a UTF-16 byte-order mark.
    static func startsAsUTF16(_ bytes: Data) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }

    /// All of `bytes` as UTF-8. With `complete` false they are the head of a longer file: a code unit or
    /// surrogate pair cut at their end is dropped instead of reported.
    static func utf8(_ bytes: Data, complete: Bool) -> Data {
        // The common case, UTF-8 without a mark, needs no copy.
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !startsAsUTF16(bytes) { return bytes }
        var decoder = EvidenceTextDecoder()
        var text = Data()
        decoder.decode(bytes) { text.append($0) }
        if complete { decoder.finish { text.append($0) } }
        return text
    }
}
