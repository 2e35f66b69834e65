import Foundation
import TextSupport

/// A work-tree document's bytes and where each of its lines starts, for reading one line at a
/// time: the claims of a plan ask for the lines they stand on, and splitting a 3 MB master list
/// into `Character`-checked substrings for that was a twelfth of its claims' facts.
///
/// Lines end at LF; a CR before it is one of the blanks a line is read without, so a CRLF
/// document has the same lines as its LF copy.
struct DocumentLines {
    private let bytes: [UInt8]
    /// The offset each line starts at; line `n` (from 1) ends where line `n + 1` starts, less its LF.
    private let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
        self.starts = starts
    }

    /// Line `number` (from 1), without the blanks around it (`whitespacesAndNewlines`); `nil`
    /// when it is blank, longer than `longest` bytes, or there is no such line.
    func line(_ number: Int, longest: Int = .max) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        var low = starts[number - 1]
        var high = number < starts.count ? starts[number] - 1 : bytes.count
        guard high - low <= longest else { return nil }
        while low < high, bytes[low].isASCIIWhitespace { low += 1 }
        while high > low, bytes[high - 1].isASCIIWhitespace { high -= 1 }
        guard low < high else { return nil }
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[low..<high]), as: UTF8.self) }
        // Blanks past ASCII (NBSP, the line and paragraph separators) are rare: trimmed by Foundation.
        guard bytes[low] >= 0x80 || bytes[high - 1] >= 0x80 else { return text }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
