#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextSupport

/// A document's bytes, searched for plain substrings.
///
/// Foundation's `String.contains(_:)` bridges both strings to UTF-16 on Linux for each call;
/// a progress log is searched for each figure at each of its versions, which made that bridge a
/// seventh of a scan of a large plan. A byte search over UTF-8 (`ByteSearch`) answers the same
/// question (UTF-8 is self-synchronising: a valid needle found in valid text starts on a character).
struct ByteText: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A text's lines by hash: finding the commit of a line asks each version of a document
    /// whether it holds the line, and a search through a 3 MB plan for each of its lines was a
    /// twelfth of a 50,000-task scan. Built only for the versions asked that (`containsLine`).
    struct LineIndex: Sendable {
        /// Each line's hash, start and length, without the ASCII blanks around it, sorted by hash.
        fileprivate let lines: [Line]

        fileprivate struct Line: Sendable {
            var hash: UInt64
            var start: Int32
            var count: Int32
        }

        init(_ text: ByteText) {
            var lines: [Line] = []
            text.bytes.withUnsafeBufferPointer { text in
                var start = 0
                while start <= text.count {
                    var end = start
                    while end < text.count, text[end] != 0x0A { end += 1 }
                    var low = start
                    var high = end
                    while low < high, text[low].isASCIIWhitespace { low += 1 }
                    while high > low, text[high - 1].isASCIIWhitespace { high -= 1 }
                    if high > low, high - low < Int(Int32.max) {
                        lines.append(
                            Line(
                                hash: ByteText.hash(UnsafeBufferPointer(rebasing: text[low..<high])),
                                start: Int32(truncatingIfNeeded: low), count: Int32(high - low)))
                    }
                    start = end + 1
                }
            }
            self.lines = text.bytes.count < Int(Int32.max) ? lines.sorted { $0.hash < $1.hash } : []
        }
    }

    /// FNV-1a: fixed across runs, so that the answer never depends on a process's hash seed.
    fileprivate static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(bytes) }

    /// Whether `line`'s UTF-8 bytes occur in the text, as `contains(_:)` answers: first looked up
    /// among the text's lines (`index`, built from this text), then searched for.
    func containsLine(_ line: String, index: LineIndex) -> Bool {
        var line = line
        let lines = index.lines
        let found = line.withUTF8 { wanted -> Bool in
            guard wanted.count > 0 else { return true }
            let hash = Self.hash(wanted)
            var low = 0
            var high = lines.count
            while low < high {
                let middle = (low + high) / 2
                if lines[middle].hash < hash { low = middle + 1 } else { high = middle }
            }
            return bytes.withUnsafeBytes { text in
                while low < lines.count, lines[low].hash == hash {
                    let candidate = lines[low]
                    if Int(candidate.count) == wanted.count, Int(candidate.start) + wanted.count <= text.count,
                        memcmp(text.baseAddress! + Int(candidate.start), wanted.baseAddress!, wanted.count) == 0
                    {
                        return true
                    }
                    low += 1
                }
                return false
            }
        }
        return found || contains(line)
    }

    /// Whether `needle`'s UTF-8 bytes occur in the text; an empty needle always does.
    func contains(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            bytes.withUnsafeBytes { text in ByteSearch.contains(UnsafeRawBufferPointer(wanted), in: text) }
        }
    }
}
