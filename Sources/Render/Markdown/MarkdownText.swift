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
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atStart = true
        var previous: Character?
        for character in text {
            if character.isNewline {
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
            if atStart, ["-", "+", "="].contains(character) {
                result.append("\\")
            } else if special.contains(character) {
                result.append("\\")
            } else if character == ".", let previous, previous.isNumber, leadingNumber(result) {
                result.append("\\")
            }
            result.append(character)
            previous = character
            if !character.isWhitespace { atStart = false }
        }
        return result
    }

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
