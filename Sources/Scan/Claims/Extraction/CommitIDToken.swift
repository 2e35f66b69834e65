/// A commit id (or a prefix of one) as a history table writes it: `2968a5e`, `` `2968a5e` ``,
/// `**2968A5E**`, `[2968a5e](…)`: seven to forty hexadecimal digits.
enum CommitIDToken {
    /// The id a table cell starts with, lower-cased, and the word as written; `nil` when the
    /// cell's first word is not one.
    static func leading(in cell: String) -> (id: String, text: String)? {
        guard let word = cell.split(whereSeparator: \.isWhitespace).first else { return nil }
        let trimmed = word.drop { "([`*_".contains($0) }.prefix { !")]`*_,;:.".contains($0) }
        guard (7...40).contains(trimmed.count), trimmed.allSatisfy(\.isHexDigit) else { return nil }
        return (trimmed.lowercased(), String(trimmed))
    }
}
