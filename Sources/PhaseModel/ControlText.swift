/// Control characters in text that came from a repository (a test name, a title, a commit
/// subject), made harmless before any writer shows it.
///
/// ESC would let a name recolour or rewrite a terminal; CR, LF and NUL would let it start a line
/// of its own, such as `::error::…`, which GitHub Actions executes as a workflow command. Each
/// is written as its Unicode control picture (`␛`, `␍`, `␊`, `␀`), so what was there stays visible.
public enum ControlText {
    /// `text` with every C0 control character but the tab, DEL and every C1 control character
    /// replaced by a visible picture. Line breaks are replaced too unless `keepingLineBreaks`.
    public static func neutralized(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Text without a byte below space, DEL or the lead byte of U+0080–U+00BF (where the C1
        // controls are) has no control character: most text is checked by bytes alone.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0xC2 }) { return text }
        guard text.unicodeScalars.contains(where: { isControl($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar, keepingLineBreaks: keepingLineBreaks) else {
                result.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F: result.append("\u{2421}")
            default: result.append("\u{FFFD}")
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
