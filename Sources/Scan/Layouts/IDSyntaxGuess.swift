import Foundation
import PhaseModel
import TextSupport

/// Guesses how a plan writes its task ids from the items and table rows that start with one:
/// `TN-099`, `T-012`, `F025`, `T001` (prefixed) or `0.1`, `3.16` (numbered).
enum IDSyntaxGuess {
    /// A prefixed id in upper case at the start of an item: prefix, dash, digits.
    private static let prefixed = try? NSRegularExpression(pattern: #"^([A-Z]{1,6})(-?)(\d{1,5})(?![\p{L}\p{N}_]|\.\d)"#)
    private static let dotted = try? NSRegularExpression(
        pattern: #"^(?:(?:task|задача)\s+)?\d{1,3}\.\d{1,3}(?=\s|$|:|\*)"#, options: [.caseInsensitive])

    /// The syntax most leading texts use, if at least two use one. `configured` wins when the
    /// user set `tasks.idPrefix` and it reads at least as many.
    static func guess(leadingTexts: [String], configured: TaskIDPattern?) -> (any TaskIDSyntax)? {
        var counts: [String: (prefix: String, separator: String, widths: [Int: Int], count: Int)] = [:]
        var dottedCount = 0
        var configuredCount = 0
        for raw in leadingTexts {
            let text = String(StatusText.dropLeadingDecoration(raw))
            let range = NSRange(text.startIndex..., in: text)
            if let configured, configured.leadingID(in: text) != nil { configuredCount += 1 }
            if let match = prefixed?.firstMatch(in: text, range: range),
                let prefix = Range(match.range(at: 1), in: text), let dash = Range(match.range(at: 2), in: text),
                let digits = Range(match.range(at: 3), in: text)
            {
                let key = String(text[prefix]) + String(text[dash])
                var entry = counts[key] ?? (String(text[prefix]), String(text[dash]), [:], 0)
                entry.count += 1
                entry.widths[text[digits].count, default: 0] += 1
                counts[key] = entry
            } else if dotted?.firstMatch(in: text, range: range) != nil {
                dottedCount += 1
            }
        }
        let best = counts.values.max { lhs, rhs in
            lhs.count != rhs.count ? lhs.count < rhs.count : lhs.prefix > rhs.prefix
        }
        if let configured, configuredCount >= 2, configuredCount >= (best?.count ?? 0), configuredCount >= dottedCount {
            return configured
        }
        if let best, best.count >= 2, best.count >= dottedCount {
            let width = best.widths.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 3
            return try? TaskIDPattern(
                prefix: NSRegularExpression.escapedPattern(for: best.prefix), width: width, separator: best.separator)
        }
        if dottedCount >= 2 { return DottedTaskID(allowsSingleNumber: false) }
        return nil
    }

    /// The plain text at the start of every list item and table row of a document.
    static func leadingTexts(of document: MarkdownNode) -> [String] {
        var texts: [String] = []
        document.walk { node in
            switch node.kind {
            case .item:
                if let paragraph = node.leadingParagraph { texts.append(paragraph.plainText) }
            case .tableRow:
                if let first = node.children.first { texts.append(first.plainText) }
            default:
                break
            }
        }
        return texts
    }
}
