import Foundation

/// Separates a name or title from the status decorations written after it.
///
/// In `Deployment Profiles ✅ **COMPLETE** (162% quality, Grade A+)` the title is
/// `Deployment Profiles`; the rest is claim text. A title ends at the first emoji or symbol,
/// spaced dash, upper-case status word, percentage, `n/m` ratio, the word "Grade"/"Оценка", or
/// ISO date — or at the opening parenthesis or bracket such a marker stands in, so
/// `Redis (HA) (162% quality)` keeps `Redis (HA)` and `alert(1)` stays whole.
enum StatusText {
    static let boundary: NSRegularExpression? = try? NSRegularExpression(pattern: #"""
        \s[-–—|]\s|\s[-–—]$|\b(?:COMPLETE[D]?|DONE|IN[ _]PROGRESS|BLOCKED|DEFERRED|PENDING|TODO|WIP|PARTIAL|FAILED|READY|ЗАВЕРШЕН[ОА]?|ГОТОВО|В РАБОТЕ)\b|\d+(?:[.,]\d+)?\s?%|\b\d+\s?/\s?\d+\b|\b(?:Grade|Оценка)\b|\b\d{4}-\d{2}-\d{2}\b
        """#)

    /// `(name, rest)`: the text before the first status marker, and the marker onwards.
    static func split(_ text: String) -> (name: String, rest: String) {
        var cut = text.endIndex
        if let scalarIndex = text.firstIndex(where: isDecoration) { cut = scalarIndex }
        if let boundary, mayHaveBoundary(text),
            let match = boundary.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text), range.lowerBound < cut
        {
            cut = range.lowerBound
        }
        // A marker inside brackets cuts at the bracket that is still open where it stands.
        var open: [String.Index] = []
        for index in text.indices where index < cut {
            switch text[index] {
            case "(", "[": open.append(index)
            case ")", "]": _ = open.popLast()
            default: break
            }
        }
        if let bracket = open.first { cut = bracket }
        return (trimmed(text[..<cut]), trimmed(text[cut...]))
    }

    /// Whether `boundary` can match in `text`: each of its alternatives needs a dash or bar, a
    /// decimal digit, or one of `boundaryWords`. Most titles have none, and a regular expression
    /// run on every title of a 50,000-task list cost a third of reading it.
    static func mayHaveBoundary(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x2D, 0x7C, 0x2013, 0x2014: return true
            case 0x80...: if scalar.properties.numericType == .decimal { return true }
            default: break
            }
        }
        // By bytes: `String.contains` compares by canonical equivalence, sixteen times per title,
        // while the expression matches code units, so a byte search can miss nothing it finds.
        let bytes = ByteText(Array(text.utf8))
        return boundaryWords.contains { bytes.contains($0) }
    }

    /// A word each keyword alternative of `boundary` holds.
    static let boundaryWords = [
        "COMPLETE", "DONE", "PROGRESS", "BLOCKED", "DEFERRED", "PENDING", "TODO", "WIP", "PARTIAL", "FAILED", "READY",
        "ЗАВЕРШЕН", "ГОТОВО", "РАБОТЕ", "Grade", "Оценка",
    ]

    /// `text` without leading emoji, symbols and separators.
    static func dropLeadingDecoration(_ text: String) -> Substring {
        text.drop { isDecoration($0) || $0.isWhitespace || separators.contains($0.unicodeScalars.first ?? " ") }
    }

    /// Emoji and pictographic symbols: `✅`, `🏆`, `⚠️`, `⭐`. Digits, `#` and `*` are emoji
    /// by Unicode's reckoning but are text here.
    static func isDecoration(_ character: Character) -> Bool {
        // Every scalar tested below is past ASCII; a title is mostly ASCII.
        if character.isASCII { return false }
        return character.unicodeScalars.contains { scalar in
            let properties = scalar.properties
            // Arrows are text in a title (`v1 → v2`, `↔`), not a status mark.
            if Self.isArrow(scalar.value) { return false }
            return (properties.isEmoji && scalar.value >= 0x2100) || (0x2190...0x2BFF).contains(scalar.value)
                || scalar.value == 0xFE0F
        }
    }

    private static func isArrow(_ value: UInt32) -> Bool {
        (0x2190...0x21FF).contains(value) || (0x27F0...0x27FF).contains(value) || (0x2900...0x297F).contains(value)
            || (0x2B00...0x2B0D).contains(value)
    }

    static let separators = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":-–—|,;*_"))

    /// `text` without `separators` at either end, as `trimmingCharacters(in: separators)` gives
    /// it: Foundation's trimming, run twice on each of 50,000 titles, was a third of splitting them.
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSeparator($0) }),
            let last = scalars.lastIndex(where: { !isSeparator($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Whether `scalar` is one of `separators`: tab, a space separator (Unicode category Zs, as
    /// `CharacterSet.whitespaces` has them, with the zero-width space it adds), or one of the
    /// punctuation marks.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0x3A, 0x2D, 0x7C, 0x2C, 0x3B, 0x2A, 0x5F, 0x2013, 0x2014: return true
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
