import Foundation
import PhaseModel

/// A file read as text, with the facts a scanner needs to trust its numbers.
public struct TextFile: Sendable, Equatable {
    /// Repository-relative path.
    public var path: String
    public var text: String
    public var bytes: Int
    /// True when some bytes were not valid UTF-8 and were replaced by U+FFFD.
    public var hadInvalidUTF8: Bool
    public var lines: Int
    public var nonBlankLines: Int
}

/// Why a file could not be read as text.
public enum TextFileProblem: Error, Sendable, Equatable {
    case unreadable(String)
    /// It holds a NUL byte: binary content, whatever its name says.
    case binary
    case tooLarge(bytes: Int, limit: Int)
}

/// Reads text files for scanning: refuses binary and oversized files instead of guessing.
public enum TextFileReader {
    /// Largest file read as text (16 MiB); Markdown beyond that is not a hand-written document.
    public static let defaultLimit = 16 * 1024 * 1024

    public static func read(absolutePath: String, path: String, limit: Int = defaultLimit) -> Result<TextFile, TextFileProblem> {
        bytes(absolutePath: absolutePath, limit: limit).flatMap { decode($0, path: path) }
    }

    /// The bytes of a file, as they are: refused when larger than `limit` (checked before reading,
    /// and again on what was read, since a file can grow meanwhile). Binary content is the
    /// caller's to judge (`decode` refuses it).
    public static func bytes(absolutePath: String, limit: Int = defaultLimit) -> Result<Data, TextFileProblem> {
        var info = stat()
        guard stat(absolutePath, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(bytes: Int(info.st_size), limit: limit)) }
        // A FIFO or pipe is opened without waiting for a writer, so a FIFO nobody writes to reads as empty.
        let isStream = info.st_mode & S_IFMT != S_IFREG
        guard let handle = isStream ? StreamInput.open(absolutePath) : FileHandle(forReadingAtPath: absolutePath) else {
            return .failure(.unreadable(LocalizedText(message: "problem.file.cannot-open").en))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(.unreadable(describe(error)))
        }
        if data.count > limit { return .failure(.tooLarge(bytes: data.count, limit: limit)) }
        return .success(data)
    }

    /// Decodes bytes already in memory, with the same rules as `read`.
    public static func decode(_ data: Data, path: String) -> Result<TextFile, TextFileProblem> {
        // Read through one buffer: Data's own iterator costs a call a byte, which was a sixth of
        // a scan that counts many committed files.
        data.withUnsafeBytes { raw in decode(raw.bindMemory(to: UInt8.self), path: path) }
    }

    /// The rules of `decode(_:path:)`, on bytes in a buffer.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<TextFile, TextFileProblem> {
        if holdsNUL(bytes) { return .failure(.binary) }
        // Strict decoding drops one leading byte-order mark, as Foundation's `String(data:encoding:)` does.
        let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let strict = String(validating: hasMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes, as: UTF8.self)
        let text = strict ?? String(decoding: bytes, as: UTF8.self)
        let counts = LineCounter.count(bytes)
        var result = TextFile(
            path: path, text: text, bytes: bytes.count, hadInvalidUTF8: strict == nil,
            lines: counts.lines, nonBlankLines: counts.nonBlank
        )
        // A byte-order mark is not content.
        if result.text.hasPrefix("\u{FEFF}") { result.text.removeFirst() }
        return .success(result)
    }

    /// The line counts `decode` would give, without decoding the text; `nil` for binary content.
    public static func lineCounts(of data: Data) -> (lines: Int, nonBlank: Int)? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return holdsNUL(bytes) ? nil : LineCounter.count(bytes)
        }
    }

    /// The 1-based line of the first byte that is not valid UTF-8, or `nil` when every byte is: for readers that
    /// refuse such a file (the configuration, a Markdown file about to be rewritten) and say where it breaks.
    public static func firstInvalidUTF8Line(in bytes: [UInt8]) -> Int? {
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        var parser = Unicode.UTF8.ForwardParser(), iterator = bytes.makeIterator(), valid = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { valid += scalar.count }
        return line(ofByte: valid, in: bytes)
    }

    /// The 1-based line that the byte at `offset` is on.
    public static func line(ofByte offset: Int, in bytes: [UInt8]) -> Int { 1 + bytes.prefix(offset).count { $0 == 0x0A } }

    /// Whether `bytes` hold a NUL byte: binary content, whatever the file's name says.
    private static func holdsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

/// Counts lines the way an editor shows them.
public enum LineCounter {
    /// `lines` counts line terminators (`\n`, `\r\n`, or a lone `\r`) plus one for a last line
    /// without a terminator; `nonBlank` counts lines holding anything but spaces and tabs.
    public static func count<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (lines: Int, nonBlank: Int) {
        var lines = 0
        var nonBlank = 0
        var lineHasContent = false
        var lineHasBytes = false
        var previousWasCR = false
        for byte in bytes {
            switch byte {
            case 0x0A:
                if !previousWasCR { endLine() }
                previousWasCR = false
            case 0x0D:
                endLine()
                previousWasCR = true
            default:
                previousWasCR = false
                lineHasBytes = true
                if byte != 0x20 && byte != 0x09 && byte != 0x0C && byte != 0x0B { lineHasContent = true }
            }
        }
        if lineHasBytes { endLine() }
        return (lines, nonBlank)

        func endLine() {
            lines += 1
            if lineHasContent { nonBlank += 1 }
            lineHasContent = false
            lineHasBytes = false
        }
    }
}
