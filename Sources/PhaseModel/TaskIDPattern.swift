import Foundation

/// Recognises task ids in any spelling and turns them into the canonical form.
///
/// `TN-99`, `TN-099` and `tn-099` are one id; its canonical form has the prefix in upper case
/// and the number zero-padded to `width` digits (`TN-099`). A number with more digits than the
/// width is kept as written, without leading zeros beyond the width.
public struct TaskIDPattern: Sendable {
    public let prefixPattern: String
    public let width: Int
    /// What stands between prefix and number in the canonical form: `-` (`TN-099`) or nothing
    /// (`F025`, `T001`). Where it is empty, ids are recognised with or without a dash.
    public let separator: String
    private let anywhere: NSRegularExpression
    /// The prefix pattern alone, anchored at both ends.
    private let wholePrefix: NSRegularExpression
    private let leading: NSRegularExpression
    private let leadingAnyCase: NSRegularExpression
    private let folder: NSRegularExpression

    /// A pattern for ids whose prefix matches `prefix` (a regular expression, case-insensitive).
    public init(prefix: String = "[A-Z]{2,6}", width: Int = 3, separator: String = "-") throws {
        self.prefixPattern = prefix
        self.width = width
        self.separator = separator
        let id = "(?<prefix>(?:\(prefix)))\(separator.isEmpty ? "-?" : "-")(?<number>[0-9]+)"
        let options: NSRegularExpression.Options = [.caseInsensitive]
        // An id is a word of its own: not inside `XTN-12` or `TN-12a`, nor `TN-12` in `TN-12.5`.
        anywhere = try NSRegularExpression(pattern: "(?<![A-Za-z0-9_])\(id)(?![A-Za-z0-9_]|\\.[0-9])", options: options)
        wholePrefix = try NSRegularExpression(pattern: "^(?:\(prefix))$", options: options)
        leading = try NSRegularExpression(pattern: "^\\s*\(id)(?![A-Za-z0-9_])")
        leadingAnyCase = try NSRegularExpression(pattern: "^\\s*\(id)(?![A-Za-z0-9_])", options: options)
        folder = try NSRegularExpression(pattern: "^\(id)(?:-(?<slug>.*))?$", options: options)
    }

    /// The canonical form of an id written as `prefix` and `number`.
    public func canonical(prefix: String, number: String) -> String {
        let digits = number.drop { $0 == "0" }
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return "\(prefix.uppercased())\(separator)\(padded)"
    }

    /// The canonical form of `text` if the whole of it is one id, else `nil`.
    public func canonical(_ text: String) -> String? {
        guard let match = leadingID(in: text, anyCase: true), text[match.range.upperBound...].allSatisfy(\.isWhitespace)
        else { return nil }
        return match.id
    }

    /// Whether `prefix` as a whole matches the configured prefix pattern (any case).
    package func isPrefix(_ prefix: String) -> Bool {
        wholePrefix.firstMatch(in: prefix, range: NSRange(prefix.startIndex..., in: prefix)) != nil
    }

    /// Every id named anywhere in `text`, canonical, in order of first appearance, without repeats.
    ///
    /// The same as `TaskIDScanner.ids(in:)`, which is faster over many texts.
    public func ids(in text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        let range = NSRange(text.startIndex..., in: text)
        for match in anywhere.matches(in: text, range: range) {
            guard let id = canonical(match, in: text), seen.insert(id).inserted else { continue }
            result.append(id)
        }
        return result
    }

    /// The id at the start of `text` (leading white space allowed), with where it ends.
    ///
    /// By default the prefix must match the configured pattern as written (upper case), so that a
    /// list item such as `utf-8 support` is not taken for task `UTF-008`.
    public func leadingID(in text: String, anyCase: Bool = false) -> (id: String, range: Range<String.Index>)? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = (anyCase ? leadingAnyCase : leading).firstMatch(in: text, range: range),
            let id = canonical(match, in: text),
            let whole = Range(match.range, in: text)
        else { return nil }
        return (id, whole)
    }

    /// Splits a folder name such as `TN-99-redis-statefulset` into its canonical id and slug.
    public func folderName(_ name: String) -> (id: String, written: String, slug: String?)? {
        let range = NSRange(name.startIndex..., in: name)
        guard let match = folder.firstMatch(in: name, range: range),
            let id = canonical(match, in: name),
            let writtenRange = Range(NSRange(location: match.range.location, length: match.range(withName: "number").upperBound), in: name)
        else { return nil }
        let slug = Range(match.range(withName: "slug"), in: name).map { String(name[$0]) }
        return (id, String(name[writtenRange]), slug)
    }

    private func canonical(_ match: NSTextCheckingResult, in text: String) -> String? {
        guard let prefix = Range(match.range(withName: "prefix"), in: text), let number = Range(match.range(withName: "number"), in: text)
        else { return nil }
        return canonical(prefix: String(text[prefix]), number: String(text[number]))
    }

    /// Every id inside the ranges `text` writes (`T-005–T-010`, `T005-T010`, `TN-1..TN-3`,
    /// `T-066 to T-077`), in order, canonical; ids outside a range are not listed. A range
    /// runs over at most 200 numbers.
    public func rangeIDs(in text: String) -> [String] {
        guard text.contains("-") || text.contains("–") || text.contains("—") || text.contains("..") || text.contains(" to "),
            let pattern = try? NSRegularExpression(
                pattern: "(?<![A-Za-z0-9_])(?<prefix>\(prefixPattern))-?(?<low>[0-9]+)\\s*(?:–|—|\\.\\.|-|to)\\s*(?:\(prefixPattern))-?(?<high>[0-9]+)(?![A-Za-z0-9_])",
                options: [.caseInsensitive])
        else { return [] }
        var result: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let prefix = Range(match.range(withName: "prefix"), in: text),
                let low = Range(match.range(withName: "low"), in: text), let high = Range(match.range(withName: "high"), in: text),
                let first = Int(text[low]), let last = Int(text[high]), last > first, last - first <= 200
            else { continue }
            for number in first...last {
                let id = canonical(prefix: String(text[prefix]), number: String(number))
                if !result.contains(id) { result.append(id) }
            }
        }
        return result
    }
}
