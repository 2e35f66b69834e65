/// Names and messages for generated documents: mostly plain words, with the characters each
/// format has to escape and scalars from every UTF-8 length mixed in, so the parser's decoding is
/// checked along with its counting.
public enum FuzzText {
    /// Plain characters that need no escaping in any of the formats.
    static let plain: [Unicode.Scalar] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:()".unicodeScalars)

    /// Characters that mean something in XML, JSON, TAP or Go test names, and non-ASCII scalars of
    /// two, three and four UTF-8 bytes (accented letter, CJK, emoji, a non-breaking space, U+FEFF,
    /// U+FFFD, U+0085 and U+2028 which some readers take for line breaks).
    static let special: [Unicode.Scalar] = [
        " ", "<", ">", "&", "\"", "'", "\\", "#", "/", "{", "}", "[", "]", ";", "=", "%", "*", "?", "!", ",",
        "é", "ß", "Ж", "世", "界", "😀", "𝄞", "\u{A0}", "\u{FEFF}", "\u{FFFD}", "\u{85}", "\u{2028}", "\u{301}",
    ]

    /// A word of 1…`maxLength` scalars that starts and ends with a plain character, so a reader that
    /// trims blanks gives it back unchanged. `extra` widens the middle (control characters a format
    /// can escape, say).
    public static func word(_ input: inout FuzzInput, maxLength: Int = 12, extra: [Unicode.Scalar] = []) -> String {
        let length = 1 + input.number(below: maxLength)
        let middle = special + extra
        var scalars = String.UnicodeScalarView()
        for position in 0..<length {
            let edge = position == 0 || position == length - 1
            let choice = input.byte()
            if !edge && choice >= 200 {
                scalars.append(middle[Int(choice) % middle.count])
            } else {
                scalars.append(plain[Int(choice) % plain.count])
            }
        }
        return String(scalars)
    }
}
