import Foundation
import PhaseModel

/// How a plan writes a task id at the start of a list item or table cell.
///
/// `TaskIDPattern` is the prefixed kind (`TN-099`, `T-012`, `F025`); `DottedTaskID` the numbered
/// kind (`0.1`, `3.16`, `Task 3.16`). A master-list parser takes either.
public protocol TaskIDSyntax: Sendable {
    /// The canonical id at the start of `text` (leading white space allowed), with where it ends.
    func leadingTaskID(in text: String) -> (id: String, range: Range<String.Index>)?
}

extension TaskIDPattern: TaskIDSyntax {
    public func leadingTaskID(in text: String) -> (id: String, range: Range<String.Index>)? {
        leadingID(in: text)
    }
}

/// Numbered task ids: `0.1`, `3.16`, `1.` (Kiro's top-level items), optionally after the word
/// `Task`/`Задача`. The canonical form is the number without a trailing dot: `3.16`, `1`.
public struct DottedTaskID: TaskIDSyntax {
    /// Whether a single number (`1.`) counts as an id; a roadmap's `**0.1**` items need two parts.
    public let allowsSingleNumber: Bool

    public init(allowsSingleNumber: Bool) {
        self.allowsSingleNumber = allowsSingleNumber
    }

    private static let leading = try? NSRegularExpression(
        pattern: #"^\s*(?:(?:task|задача)\s+)?(\d{1,4}(?:\.\d{1,4})*)(\.?)(?=\s|$|\*|:)"#, options: [.caseInsensitive])

    public func leadingTaskID(in text: String) -> (id: String, range: Range<String.Index>)? {
        guard let pattern = Self.leading,
            let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let number = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text)
        else { return nil }
        let id = String(text[number])
        // "1." is an id only where single numbers are; "1" without its dot is a count, not an id.
        if !id.contains(".") && (!allowsSingleNumber || match.range(at: 2).length == 0) { return nil }
        return (id, whole)
    }

    private static let named = try? NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])(?:tasks?|задач[аи]?)\s+(\d{1,4}(?:\.\d{1,4})+(?:\s*(?:,|、|/|&|and|и|-|–|—)\s*\d{1,4}(?:\.\d{1,4})+)*)(?![\p{N}]|\.\d)"#,
        options: [.caseInsensitive])
    private static let number = try? NSRegularExpression(pattern: #"\d{1,4}(?:\.\d{1,4})+|[-–—]"#)

    /// Every id named as `Task 3.16` (or `Задача 3.16`) in `text`, in order, without repeats, with
    /// the lists and ranges written after the word (`Tasks 7.2, 7.3`, `tasks 3.27-3.30`): a bare
    /// `3.16` is a version or a figure as often as a task, so the word is required.
    public static func namedIDs(in text: String) -> [String] {
        guard let named, let number else { return [] }
        var seen = Set<String>()
        var result: [String] = []
        func add(_ id: String) {
            if seen.insert(id).inserted { result.append(id) }
        }
        for match in named.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let list = String(text[range])
            let tokens = number.matches(in: list, range: NSRange(list.startIndex..., in: list)).compactMap {
                Range($0.range, in: list).map { String(list[$0]) }
            }
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                defer { index += 1 }
                guard token.first?.isNumber == true else { continue }
                // `3.27-3.30`: the same parent, a range of the last part.
                if index + 2 < tokens.count, tokens[index + 1].first?.isNumber == false,
                    let low = token.split(separator: ".").last.flatMap({ Int($0) }),
                    let high = tokens[index + 2].split(separator: ".").last.flatMap({ Int($0) }),
                    token.split(separator: ".").dropLast() == tokens[index + 2].split(separator: ".").dropLast(),
                    high > low, high - low < 100
                {
                    let parent = token.split(separator: ".").dropLast().joined(separator: ".")
                    for part in low...high { add(parent + "." + String(part)) }
                    index += 2
                    continue
                }
                add(token)
            }
        }
        return result
    }
}
