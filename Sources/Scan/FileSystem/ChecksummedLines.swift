/// The file shape the claims caches share (`DocumentClaimCache`, `ClaimFactsCache`): a header
/// line, one line per record, and a trailer `end <number of lines> <FNV-1a checksum of everything
/// before it, in hex>`, as the history cache ends too. A file that fails any part of it is not read.
enum ChecksummedLines {
    /// The bytes of a file of `header` (with its line break) and `lines` (each with its own).
    static func file(header: String, lines: [[UInt8]]) -> [UInt8] {
        var bytes = Array(header.utf8)
        // Room for every line and the trailer at once: grown line by line, the file had been
        // copied a dozen times over (11 MB for the subject claims at 100,000 commits).
        bytes.reserveCapacity(lines.reduce(bytes.count + 64) { $0 + $1.count })
        for line in lines { bytes += line }
        bytes += "end \(lines.count) \(String(HistoryCache.checksum(bytes[...]), radix: 16))\n".utf8
        return bytes
    }

    /// The lines of a file of `bytes` after `header`, without their line breaks; `nil` when the
    /// header, the trailer, its count or its checksum does not hold.
    static func lines(in bytes: [UInt8], header: String) -> [ArraySlice<UInt8>]? {
        let header = Array(header.utf8)
        guard bytes.starts(with: header), bytes.last == 0x0A,
            let trailerStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }), trailerStart >= header.count
        else { return nil }
        let trailer = String(decoding: bytes[trailerStart..<(bytes.count - 1)], as: UTF8.self).split(separator: " ")
        guard trailer.count == 3, trailer[0] == "end", let count = Int(trailer[1]),
            UInt64(trailer[2], radix: 16) == HistoryCache.checksum(bytes[..<trailerStart])
        else { return nil }
        let lines = bytes[header.count..<trailerStart].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        return lines.count == count ? Array(lines) : nil
    }
}
