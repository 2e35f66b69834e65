import Foundation

/// Where the XML scanner reads its bytes from: a file handle, a stream or a buffer, in chunks.
struct XMLByteSource {
    static let chunkSize = 1 << 20

    private enum Origin {
        case handle(FileHandle)
        case stream(InputStream)
        case data(Data)
    }

    private let origin: Origin
    private var offset = 0
    /// Set when reading failed; the scan ends as if at end of file and reports it.
    private(set) var failure: String?

    init(handle: FileHandle) { origin = .handle(handle) }

    init(stream: InputStream) {
        stream.open()
        origin = .stream(stream)
    }

    init(data: Data) { origin = .data(data) }

    /// Appends up to one chunk to `buffer`; returns the number of bytes added, 0 at the end.
    mutating func read(into buffer: inout [UInt8]) -> Int {
        guard failure == nil else { return 0 }
        switch origin {
        case .handle(let handle):
            do {
                guard let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty else { return 0 }
                buffer.append(contentsOf: chunk)
                return chunk.count
            } catch {
                failure = "read error: \(error.localizedDescription)"
                return 0
            }
        case .stream(let stream):
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                stream.read(pointer.baseAddress! + start, maxLength: Self.chunkSize)
            }
            buffer.removeLast(Self.chunkSize - max(count, 0))
            if count < 0 {
                failure = "read error: \(stream.streamError?.localizedDescription ?? "the stream failed")"
                return 0
            }
            return count
        case .data(let data):
            guard offset < data.count else { return 0 }
            let end = min(offset + Self.chunkSize, data.count)
            let lower = data.startIndex + offset
            buffer.append(contentsOf: data[lower..<(data.startIndex + end)])
            defer { offset = end }
            return end - offset
        }
    }
}
