import TextSupport

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
        bytes += trailer(count: lines.count, checksum: HistoryCache.checksum(bytes[...]))
        return bytes
    }

    /// Writes a file of `header`, the lines `fill` appends and the trailer to `path`, a piece at
    /// a time as the lines come: the file is never held whole.
    ///
    /// Why: a file made whole, from an array of lines, and copied into `Data` to be written had
    /// been held three times over while it was written. The claims' facts of 100,000 commits are
    /// 26 MB, written at the cold scan's peak (Benchmarks/RESULTS-scale.md, twenty-sixth round).
    static func write(header: String, to path: String, within boundary: WriteBoundary, fill: (inout Output) -> Void) throws {
        try ContainedFile.write(to: path, within: boundary) { descriptor in
            var output = Output(header: header, descriptor: descriptor)
            fill(&output)
            _ = try output.finish()
        }
    }

    /// The bytes of a file of `header` and the lines `fill` appends, whole: what `write` writes.
    static func file(header: String, fill: (inout Output) -> Void) -> [UInt8] {
        var output = Output(header: header, descriptor: nil)
        fill(&output)
        // Without a file nothing is written, so nothing can fail.
        return (try? output.finish()) ?? []
    }

    /// The trailer of a file of `count` lines whose bytes before it have the checksum `checksum`.
    private static func trailer(count: Int, checksum: UInt64) -> [UInt8] {
        Array("end \(count) \(String(checksum, radix: 16))\n".utf8)
    }

    /// Lines on their way into a file: written to it in pieces of about a mebibyte (or, with no
    /// file, kept), each piece added to the checksum as it goes.
    struct Output {
        private var bytes: [UInt8]
        private var checksum = HistoryCache.checksumSeed
        private var count = 0
        private let descriptor: Int32?
        /// The first write that failed; the lines after it are dropped and `finish` throws it.
        private var failure: (any Error)?

        init(header: String, descriptor: Int32?) {
            bytes = Array(header.utf8)
            self.descriptor = descriptor
            if descriptor != nil { bytes.reserveCapacity(Self.pieceBytes + 64 * 1024) }
        }

        static let pieceBytes = 1 << 20

        /// Appends `lines`, `count` lines each ending with its line break.
        mutating func append(_ lines: [UInt8], count: Int = 1) {
            bytes += lines
            self.count += count
            if descriptor != nil, bytes.count >= Self.pieceBytes { flush() }
        }

        /// Appends each of `lines`, one line each.
        mutating func append(contentsOf lines: [[UInt8]]) {
            for line in lines { append(line) }
        }

        private mutating func flush() {
            checksum = HistoryCache.checksum(bytes[...], continuing: checksum)
            if let descriptor, failure == nil {
                do {
                    try bytes.withUnsafeBytes { buffer in try ContainedFile.write(buffer, to: descriptor) }
                } catch {
                    failure = error
                }
            }
            bytes.removeAll(keepingCapacity: true)
        }

        /// Ends the file with its trailer; the whole file when there is no file to write it to.
        mutating func finish() throws -> [UInt8] {
            guard descriptor != nil else {
                bytes += ChecksummedLines.trailer(count: count, checksum: HistoryCache.checksum(bytes[...]))
                return bytes
            }
            flush()
            bytes = ChecksummedLines.trailer(count: count, checksum: checksum)
            flush()
            if let failure { throw failure }
            return []
        }
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
