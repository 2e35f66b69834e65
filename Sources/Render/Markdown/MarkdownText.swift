import PhaseModel
import TextSupport

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
        return byteInline(text) ?? characterInline(text)
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
            if !(ascii?.isASCIIWhitespace ?? character.isWhitespace) { atStart = false }
        }
        return result
    }

    /// `inline(_:)` by bytes, for text of ASCII and `isPlain` scalars only: reports hold hundreds
    /// of thousands of such cells, in English and Russian, and reading them as `Character`s
    /// (grapheme breaking, normalised hashing for the set look-up) was most of the time. `nil`
    /// for any other text. Each rule is the one above: a plain scalar is a character of its own
    /// (it joins no neighbour into one grapheme), no markup, digit, space or line break, so it
    /// is copied as it is and ends the start of the text. `\r\n` is one line break there and two
    /// here, and a run of line breaks gives one space either way.
    static func byteInline(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII || isPlain($0) }) else { return nil }
        var text = text
        return text.withUTF8 { source -> String in
            var result: [UInt8] = []
            result.reserveCapacity(source.count + source.count / 8)
            var atStart = true
            var previous: UInt8?
            // Whether `result` is only digits so far (and not empty): `12.` would start a list.
            var digitsOnly = false
            for byte in source {
                if byte >= 0x80 {
                    // A byte of a plain scalar.
                    result.append(byte)
                    digitsOnly = false
                    previous = byte
                    atStart = false
                    continue
                }
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

    /// Non-ASCII scalars that are always a character of their own and nothing `characterInline`
    /// treats apart: the Cyrillic letters (not the combining marks U+0483–U+0489) and the
    /// punctuation and signs Russian and English reports are written with.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0400...0x0482, 0x048A...0x052F: true
        case 0x00AB, 0x00BB, 0x00B0, 0x00B1, 0x00B7, 0x00D7, 0x00A7, 0x00A9, 0x00AE: true
        case 0x2010...0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x2030, 0x2116, 0x2122: true
        case 0x2190...0x2193, 0x2212, 0x2248, 0x2260, 0x2264, 0x2265: true
        default: false
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
