extension ClaimPhraseScanner {
    /// Spans longer than this many UTF-8 bytes are scanned a piece at a time. The scanner keeps a
    /// few hundred bytes per byte of text it holds (scalars, their indices, tokens), so a 10 MB
    /// item scanned whole took gigabytes; a piece keeps that to a few tens of megabytes. No
    /// paragraph a person writes comes near it, so their claims are read exactly as before.
    static let pieceLength = 64 * 1024

    /// The first `limit` claims in `text`, in text order, and whether it holds more.
    ///
    /// A span over `pieceLength` bytes is cut after a line break, else after a blank, and the
    /// pieces are scanned in turn until more than `limit` claims are found: the rest of the span
    /// is never looked at. A phrase standing across a cut may be missed; such a span is no
    /// paragraph a person reads. Ranges are in `text`, as `claims(in:)` gives them.
    public static func claims(in text: String, limit: Int) -> (claims: [PhraseClaim], isCapped: Bool) {
        guard text.utf8.count > pieceLength else {
            let found = claims(in: text)
            return found.count > limit ? (Array(found.prefix(limit)), true) : (found, false)
        }
        var result: [PhraseClaim] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = pieceEnd(in: text, from: start)
            let piece = String(text[start..<end])
            for found in claims(in: piece) {
                if result.count == limit { return (result, true) }
                var moved = found
                moved.range = shifted(found.range, in: piece, to: start, of: text)
                result.append(moved)
            }
            start = end
        }
        return (result, false)
    }

    /// Where the piece starting at `start` ends: after the last line break within `pieceLength`
    /// bytes, else after the last blank that starts a character, else `pieceLength` bytes on,
    /// moved back to a character boundary.
    private static func pieceEnd(in text: String, from start: String.Index) -> String.Index {
        let bytes = text.utf8
        guard let limit = bytes.index(start, offsetBy: pieceLength, limitedBy: bytes.endIndex), limit < bytes.endIndex
        else { return text.endIndex }
        var blank: String.Index?
        var index = limit
        while index > start {
            let before = bytes.index(before: index)
            let byte = bytes[before]
            // After a line feed a character always starts (no mark joins a control character).
            if byte == 0x0A { return index }
            if byte == 0x20, blank == nil, String.Index(index, within: text) != nil { blank = index }
            index = before
        }
        if let blank { return blank }
        // One unbroken run of text: cut at the last character that starts within the limit.
        var cut = limit
        while cut > start, String.Index(cut, within: text) == nil { cut = bytes.index(before: cut) }
        return cut > start ? cut : text.index(after: start)
    }

    /// `range`, found in `piece`, as a range of `text`, where `piece` is `text` from `start` on.
    private static func shifted(
        _ range: Range<String.Index>, in piece: String, to start: String.Index, of text: String
    ) -> Range<String.Index> {
        let lower = piece.utf8.distance(from: piece.startIndex, to: range.lowerBound)
        let upper = piece.utf8.distance(from: piece.startIndex, to: range.upperBound)
        return text.utf8.index(start, offsetBy: lower)..<text.utf8.index(start, offsetBy: upper)
    }
}
