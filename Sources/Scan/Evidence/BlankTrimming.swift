/// Trimming for per-line parsing. Foundation's `trimmingCharacters(in:)` goes through `NSString` on
/// Linux and dominated the profile of reading large result files; these work on Unicode scalars and
/// return early when neither end needs trimming. The sets match Foundation's `.whitespaces`,
/// `.whitespacesAndNewlines` and `.newlines`.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Unicode space separators included).
    func trimmingBlanks() -> String {
        trimming { $0 == " " || $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Without leading and trailing white space of any kind, newlines included.
    func trimmingBlanksAndNewlines() -> String {
        trimming { $0.properties.isWhitespace }
    }

    /// Without leading and trailing line breaks.
    func trimmingNewlines() -> String {
        trimming { (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
    }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let head = scalars.first, let tail = scalars.last else { return "" }
        if !drop(head) && !drop(tail) { return String(self) }
        guard let first = scalars.firstIndex(where: { !drop($0) }), let last = scalars.lastIndex(where: { !drop($0) }) else {
            return ""
        }
        return String(self[first..<scalars.index(after: last)])
    }
}
