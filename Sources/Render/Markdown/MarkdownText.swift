import PhaseModel

/// Untrusted text (titles, commit subjects, test names, file names) made inert for
/// GitHub-flavoured Markdown: it reads as the same characters, never as markup.
///
/// Every character CommonMark or GFM could read as markup is backslash-escaped (any ASCII
/// punctuation may be, per CommonMark §2.4); line breaks become spaces, because a report puts
/// such text on one line or in one table cell.
public enum MarkdownText {
    /// ASCII punctuation that can start or end markup: emphasis, code, links, images, raw HTML,
    /// entities, tables, strikethrough, headings, autolinks and hard breaks.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "#", "(", ")", ":"]

    /// Text for a paragraph, list item or heading.
    public static func inline(_ text: String) -> String {
        // Line breaks become spaces below; every other control character becomes its picture.
        let text = ControlText.neutralized(text, keepingLineBreaks: true)
        return asciiInline(text) ?? characterInline(text)
    }

    /// `inline(_:)` of neutralised text, read as `Character`s.
    static func characterInline(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atStart = true
        var previous: Character?
        for character in text {
            // ASCII characters by table; only the others need `Character`'s Unicode rules (and
            // the set, where U+1FEF is canonically the backtick).
            let ascii = character.asciiValue
            if ascii.map({ (0x0A...0x0D).contains($0) }) ?? character.isNewline {
                // A run of line breaks becomes one space.
                if previous != " " && !atStart { result.append(" ") }
                previous = " "
                continue
            }
            if result.isEmpty, character == " " || character == "\t" {
                // Leading white space could indent the text into a code block: the first one is
                // written as a character reference, which cmark does not count as indentation.
                result.append(character == " " ? "&#32;" : "&#9;")
                previous = character
                continue
            }
            // At the start, `-`, `+`, `=` and `1.` could open a list, a heading or a rule.
            if atStart, ascii == 0x2D || ascii == 0x2B || ascii == 0x3D {
                result.append("\\")
            } else if ascii.map({ specialBytes[Int($0)] }) ?? special.contains(character) {
                result.append("\\")
            } else if character == ".", let previous, previous.isNumber, leadingNumber(result) {
                result.append("\\")
            }
            result.append(character)
            previous = character
            if !(ascii.map { $0 == 0x20 || (0x09...0x0D).contains($0) } ?? character.isWhitespace) { atStart = false }
        }
        return result
    }

    /// `inline(_:)` of ASCII text, by bytes: reports hold hundreds of thousands of such cells,
    /// and reading them as `Character`s (grapheme breaking, normalised hashing for the set
    /// look-up) was most of the time. `nil` when `text` is not ASCII. Each rule is the one above
    /// on the ASCII characters: `\r\n` is one line break there and two here, and a run of line
    /// breaks gives one space either way.
    static func asciiInline(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(source.count + source.count / 8)
            var atStart = true
            var previous: UInt8?
            // Whether `result` is only digits so far (and not empty): `12.` would start a list.
            var digitsOnly = false
            for byte in source {
                if (0x0A...0x0D).contains(byte) {
                    if previous != 0x20 && !atStart {
                        result.append(0x20)
                        digitsOnly = false
                    }
                    previous = 0x20
                    continue
                }
                if result.isEmpty, byte == 0x20 || byte == 0x09 {
                    result.append(contentsOf: byte == 0x20 ? Array("&#32;".utf8) : Array("&#9;".utf8))
                    previous = byte
                    continue
                }
                if atStart, byte == 0x2D || byte == 0x2B || byte == 0x3D {
                    result.append(0x5C)
                } else if specialBytes[Int(byte)] {
                    result.append(0x5C)
                } else if byte == 0x2E, let previous, isDigit(previous), digitsOnly {
                    result.append(0x5C)
                }
                result.append(byte)
                digitsOnly = (result.count == 1 || digitsOnly) && isDigit(byte)
                previous = byte
                if byte != 0x20 && byte != 0x09 { atStart = false }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `special` as a table indexed by byte.
    private static let specialBytes: [Bool] = (0..<128).map { byte in
        special.contains(Character(Unicode.Scalar(UInt8(byte))))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Text for a GFM table cell: inline text whose `|` cannot end the cell.
    public static func cell(_ text: String) -> String {
        let escaped = inline(text)
        return escaped.isEmpty ? " " : escaped
    }

    /// Whether `text` so far is only digits: `12.` would start an ordered list.
    private static func leadingNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isNumber)
    }
}
