import Foundation
import PhaseModel

/// Where the XML scanner reads its bytes from: a file handle, a stream or a buffer, in chunks, decoded to
/// UTF-8 on the way (`EvidenceTextDecoder`: a UTF-16 document with a byte-order mark is transcoded).
public struct XMLByteSource {
    static let chunkSize = 1 << 20

    private enum Origin {
        case handle(FileHandle)
        case stream(InputStream)
        case data(Data)
    }

    private let origin: Origin
    private var offset = 0
    private var decoder = EvidenceTextDecoder()
    private var exhausted = false
    /// Set when reading failed; the scan ends as if at end of file and reports it.
    private(set) var failure: LocalizedText?

    init(handle: FileHandle) { origin = .handle(handle) }

    init(stream: InputStream) {
        stream.open()
        origin = .stream(stream)
    }

    /// Reads a document held in memory (tests, fuzz harnesses, small files).
    public init(data: Data) { origin = .data(data) }

    /// Whether the document was UTF-16 and reaches the scanner transcoded: its declaration may then say UTF-16.
    var transcodedFromUTF16: Bool { decoder.isTranscoding }

    /// Appends up to about one chunk of UTF-8 to `buffer`; returns the number of bytes added, 0 at the end.
    mutating func read(into buffer: inout [UInt8]) -> Int {
        let before = buffer.count
        // A chunk can decode to nothing (a byte-order mark alone, a byte held back), which is not the end yet.
        while buffer.count == before, !exhausted, failure == nil {
            guard let chunk = nextChunk() else {
                exhausted = true
                decoder.finish { buffer.append(contentsOf: $0) }
                break
            }
            decoder.decode(chunk) { buffer.append(contentsOf: $0) }
        }
        return buffer.count - before
    }

    /// The next raw chunk; `nil` at the end or after a read error (then `failure` says which).
    private mutating func nextChunk() -> Data? {
        switch origin {
        case .handle(let handle):
            do {
                guard let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty else { return nil }
                return chunk
            } catch {
                failure = LocalizedText(message: "problem.read.failed", ["reason": .text(error.localizedDescription)])
                return nil
            }
        case .stream(let stream):
            var chunk = Data(count: Self.chunkSize)
            let count = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return -1 }
                return stream.read(base, maxLength: Self.chunkSize)
            }
            if count < 0 {
                let reason = stream.streamError.map { MessageArgument.text($0.localizedDescription) }
                    ?? .localized(LocalizedText(message: "problem.read.stream-failed"))
                failure = LocalizedText(message: "problem.read.failed", ["reason": reason])
                return nil
            }
            guard count > 0 else { return nil }
            return chunk.prefix(count)
        case .data(let data):
            guard offset < data.count else { return nil }
            let end = min(offset + Self.chunkSize, data.count)
            defer { offset = end }
            return data[(data.startIndex + offset)..<(data.startIndex + end)]
        }
    }
}
