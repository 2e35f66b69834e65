import PhaseModel

/// The file shape of the report caches (`ReportSetCache`, `RenderedReportCache`): a header line,
/// a line a record, and a trailer `end <SHA-256 of everything before it, in hex>`. A file that
/// fails any part of it is not read.
enum SealedLines {
    /// The bytes of a file of `header` (with its line break) and `lines` (each given without one).
    static func file(header: String, lines: [String]) -> [UInt8] {
        var bytes = Array(header.utf8)
        for line in lines { bytes += line.utf8 + [0x0A] }
        bytes += "end \(ContentDigest.sha256Hex(of: bytes))\n".utf8
        return bytes
    }

    /// The lines of a file of `bytes` after `header`, without their line breaks and empty ones;
    /// `nil` when the header or the trailer does not hold.
    static func lines(in bytes: [UInt8], header: String) -> [ArraySlice<UInt8>]? {
        let header = Array(header.utf8)
        guard bytes.starts(with: header), bytes.last == 0x0A,
            let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }), trailerStart >= header.count,
            bytes[trailerStart..<(bytes.count - 1)].elementsEqual("end \(ContentDigest.sha256Hex(of: bytes[..<trailerStart]))".utf8)
        else { return nil }
        return bytes[header.count..<trailerStart].split(separator: 0x0A)
    }
}
