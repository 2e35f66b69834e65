/// Rewrites the relative links of a Markdown text that point into renamed folders.
///
/// Inline links, images and reference definitions whose destination resolves into a renamed
/// folder through a segment the destination itself writes get that segment replaced by the new
/// folder name; every other byte of the text stays as it was. Links in code spans and code blocks,
/// absolute URLs and links that reach the folder only through the file's own location (`./x.md`
/// inside it, which stays valid when the folder moves as a whole) are left alone.
public struct MarkdownLinkRewriter: Sendable {
    public let renames: [FolderRename]

    public init(renames: [FolderRename]) {
        self.renames = renames
    }

    /// The edits for the text `bytes` of the file at repository path `file` (where it is now).
    public func edits(in bytes: [UInt8], file: String) -> [LinkEdit] {
        guard !renames.isEmpty, mayPointIntoRenamed(bytes) else { return [] }
        var edits: [LinkEdit] = []
        var covered = 0
        for destination in MarkdownLinkScanner.destinations(in: bytes) where destination.range.lowerBound >= covered {
            let raw = String(decoding: bytes[destination.range], as: UTF8.self)
            guard let (rewritten, rename) = LinkDestination(raw: raw).rewritten(inFile: file, renames: renames) else { continue }
            edits.append(LinkEdit(file: file, line: destination.line, range: destination.range, old: raw, new: rewritten, rename: rename))
            covered = destination.range.upperBound
        }
        return edits
    }

    /// Whether a destination in `bytes` could name a renamed folder: its old name appears as
    /// written, or percent or backslash escapes could spell it. Most files are passed over without parsing.
    private func mayPointIntoRenamed(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "%")) || bytes.contains(UInt8(ascii: "\\")) { return true }
        return renames.contains { rename in
            let name = Array((rename.from.split(separator: "/").last ?? "").utf8)
            guard let first = name.first, name.count <= bytes.count else { return false }
            var start = 0
            while let found = bytes[start...].firstIndex(of: first), found + name.count <= bytes.count {
                if bytes[found..<(found + name.count)].elementsEqual(name) { return true }
                start = found + 1
            }
            return false
        }
    }

    /// `bytes` with `edits` (from `edits(in:file:)` on the same bytes) applied.
    public static func applying(_ edits: [LinkEdit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= position {
            result += bytes[position..<edit.range.lowerBound]
            result += Array(edit.new.utf8)
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return result
    }
}

/// One link destination to rewrite.
public struct LinkEdit: Sendable, Equatable {
    /// Repository path of the file, where it is before the renames.
    public var file: String
    /// 1-based line of the destination.
    public var line: Int
    /// Byte range of the destination in the file.
    public var range: Range<Int>
    /// The destination as written, and as it will read.
    public var old: String
    public var new: String
    /// The rename that moves its target.
    public var rename: FolderRename
}
