import PhaseModel

/// A plain-text table with columns padded to their widest cell, for terminals.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines, the header underlined, trailing spaces trimmed.
    public func render() -> String {
        // Cells hold repository text (titles, names): no control character reaches the terminal.
        let rows = self.rows.map { $0.map { ControlText.neutralized($0) } }
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { column < $0.count ? Self.width($0[column]) : 0 }.max() ?? 0
        }
        var output = ""
        func append(_ cells: [String]) {
            var line = ""
            for column in header.indices {
                let cell = column < cells.count ? cells[column] : ""
                if column > 0 { line += "  " }
                line += cell
                line += String(repeating: " ", count: widths[column] - Self.width(cell))
            }
            // Trailing spaces cut in one step, not one character at a time.
            let kept = line.utf8.reversed().drop { $0 == 0x20 }.count
            output += kept == line.utf8.count ? line : String(line.utf8.prefix(kept))!
            output += "\n"
        }
        append(header)
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        rows.forEach(append)
        return output
    }

    /// Columns a string takes in a terminal: East Asian wide characters and emoji take two.
    static func width(_ text: String) -> Int {
        // Most cells are ASCII, one column a byte: the Unicode properties are asked only of others
        // (asking them of every character of a 50,000-row table took a second). CR LF is one
        // character of two bytes, so a CR leaves the fast path.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    private static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        guard scalar.value >= 0x80 else { return 1 }
        let wide = scalar.properties.isEmojiPresentation
            || (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
            || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
            || (0xFF00...0xFF60).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
        return wide ? 2 : 1
    }

    /// `text` cut to at most `limit` columns, with an ellipsis when cut.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let next = width(of: character)
            if used + next > limit - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }
}
