import Foundation

/// The first bytes of a file, as text lines, for the format sniffers.
///
/// The head may be cut anywhere, even inside a UTF-8 sequence, so lines are decoded leniently and the
/// last one may be incomplete.
struct CoverageHead {
    /// Lines without terminators (`\n`, `\r\n`), a leading byte order mark removed.
    let lines: [String]
    /// The head held NUL bytes: binary data, never a coverage file.
    let binary: Bool

    init(_ data: Data) {
        var bytes = [UInt8](data)
        binary = bytes.contains(0)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
    }

    /// Lines with content, surrounding spaces and tabs removed.
    var nonBlankLines: [String] {
        lines.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }
}
