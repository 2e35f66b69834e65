import Foundation

/// What a file count written in a report's line counts, read from the words of its claim and
/// the line around it: every file a commit changed, a kind of them (`4 test files`, `2 new
/// files`), the files of one name (`4 logger.py`); and whether it is a part of a larger count
/// on the line.
struct FileCountReference: Equatable {
    /// The files a count is of.
    enum Scope: String, Equatable {
        /// Every file changed, with or without documentation and tool files: which is not said.
        case changed
        /// Test files only.
        case tests
        /// Documentation only.
        case docs
        /// Source code (with its tests, or without: which is not said).
        case code
        /// The files of one name (`FileCountReference.name`).
        case named
    }

    var scope: Scope
    /// Only the files the commit created count (`2 new test files`).
    var createdOnly: Bool
    /// For `named`: the file name the count is of, as written.
    var name: String?
    /// Another file count on the line is larger: this one counts a part of those files, which
    /// part the text says and phasecert cannot tell, unless it names the kind.
    var isPart: Bool
    /// Written as the count of files modified (`Files modified: 1`): it may leave out those created.
    var saysModified: Bool
    /// Written as the count of changed files (`Files Changed: 20`, `17 files changed`): a figure
    /// that differs from every file of its commit is wrong, not of another scope.
    var saysChanged: Bool

    /// What `text`, a file-count claim, counts on `line`; `nil` for a count that is not of
    /// files a commit changed (deliverables, a count that is a lower bound).
    static func of(_ text: String, line: String) -> FileCountReference? {
        let words = Self.words(text)
        guard !words.contains(where: { $0.hasPrefix("deliverable") }) else { return nil }
        let count = Self.counts(in: text).first
        // `Types: 4 files` under a list of new files: a count of the files of a label's kind.
        let isPart = count.map { count in Self.counts(in: line).contains { $0 > count } } ?? false
            || Self.labelled(text, in: line)
        let saysModified = words.contains { modifiedWords.contains($0) }
            || Self.followingWord(of: text, in: line).map { modifiedWords.contains($0) } == true
        let saysChanged = words.contains { changedWords.contains($0) }
            || Self.followingWord(of: text, in: line).map { changedWords.contains($0) } == true
        if let name = Self.followingName(of: text, in: line) {
            return FileCountReference(
                scope: .named, createdOnly: false, name: name, isPart: isPart, saysModified: false, saysChanged: false)
        }
        let scope: Scope =
            if words.contains(where: testWords.contains) { .tests }
            else if words.contains(where: docWords.contains) { .docs }
            else if words.contains(where: codeWords.contains) { .code }
            else { .changed }
        let createdOnly = words.contains(where: newWords.contains)
        return FileCountReference(
            scope: scope, createdOnly: createdOnly, name: nil, isPart: isPart, saysModified: saysModified,
            saysChanged: saysChanged && scope == .changed && !createdOnly)
    }

    /// Words that call a count every file changed; `modified` may leave out the files created.
    private static let changedWords: Set<String> = ["changed", "touched", "изменено", "изменены", "изменённых"]
    private static let modifiedWords: Set<String> = ["modified", "модифицирован", "модифицировано", "модифицированы"]
    private static let testWords: Set<String> = ["test", "tests", "тестовых", "тестовый", "тестов"]
    private static let docWords: Set<String> = ["documentation", "doc", "docs", "markdown", "документации"]
    private static let codeWords: Set<String> = ["code", "source", "python", "go", "swift", "исходных", "кода"]
    private static let newWords: Set<String> = ["new", "created", "added", "новых", "новый", "новые", "создано", "добавлено"]

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// The file counts of `text`: an integer before a file word (`17 files`, `4 new test files`)
    /// or after a file label (`Files Changed: 20`, `файлов: 4`).
    static func counts(in text: String) -> [Int] {
        let lower = text.lowercased()
        var result: [Int] = []
        let range = NSRange(lower.startIndex..., in: lower)
        for regex in countPatterns {
            for match in regex.matches(in: lower, range: range) {
                guard let found = Range(match.range(at: 1), in: lower), let value = Int(lower[found]) else { continue }
                result.append(value)
            }
        }
        return result
    }

    /// Compiled once: compiling them for each claim was a tenth of a 50,000-task scan.
    private static let countPatterns: [NSRegularExpression] = {
        let fileWord = "(?:files?|файл(?:а|ов|ы)?)"
        return [
            "(\\d+)\\s+(?:[\\p{L}-]+\\s+){0,2}?" + fileWord + "(?![\\p{L}])",
            "(?<![\\p{L}])" + fileWord + "(?:\\s+[\\p{L}]+){0,2}\\s*\\**\\s*:\\s*\\**\\s*(\\d+)",
        ].compactMap { try? NSRegularExpression(pattern: $0) }
    }()

    /// The file name right after `text` on `line` (`файлов: 4 logger.py`): a word with an
    /// extension, in back-quotes or not, that starts with a letter.
    private static func followingName(of text: String, in line: String) -> String? {
        guard let end = line.range(of: text)?.upperBound else { return nil }
        let rest = line[end...].drop { $0 == " " || $0 == "`" }
        let word = rest.prefix { !$0.isWhitespace && !",;:)`".contains($0) }
        let name = word.hasSuffix(".") ? word.dropLast() : word
        guard let first = name.first, first.isLetter || first == "_",
            let dot = name.lastIndex(of: "."), dot > name.startIndex, name.index(after: dot) < name.endIndex,
            name[name.index(after: dot)...].allSatisfy({ $0.isLetter || $0.isNumber }),
            !name.contains("/")
        else { return nil }
        return String(name)
    }

    /// Whether `text` follows a label of its own on `line` (`- Types: 4 files`, `| Docs | 3 files |`
    /// is no label) that names no file and no change: a count of the files of that label.
    private static func labelled(_ text: String, in line: String) -> Bool {
        guard let start = line.range(of: text)?.lowerBound else { return false }
        let before = line[..<start].split(separator: "|", omittingEmptySubsequences: false).last ?? ""
        let label = before.trimmingCharacters(in: CharacterSet(charactersIn: " *_`"))
        guard label.hasSuffix(":") else { return false }
        let lower = label.lowercased()
        return !["file", "файл", "change", "измен", "modif", "модиф"].contains { lower.contains($0) }
    }

    /// The word right after `text` on `line`, lower-cased (`changed` in `17 files changed`).
    private static func followingWord(of text: String, in line: String) -> String? {
        guard let end = line.range(of: text)?.upperBound else { return nil }
        let word = line[end...].drop { $0 == " " }.prefix { $0.isLetter }
        return word.isEmpty ? nil : word.lowercased()
    }
}
