import Foundation
import TextSupport

/// Decides whether a word written in a report names a file or folder, and finds the one a list
/// item or table cell starts with.
///
/// A path-like token has no blanks, wildcards, URL scheme or e-mail `@`, and either a file
/// extension that starts with a letter (`design.md`, `values.yaml`, `.gitignore`) or a `/` between
/// segments one of which is a word of three or more characters (`deploy/k8s`). So `1.5x`, `v2.0`,
/// `95.5%`, `N/A`, `CI/CD` and `10/11` are not paths.
enum PathToken {
    /// Whether `token` reads as a path.
    static func isPathLike(_ token: String) -> Bool {
        if let refused = refusesASCII(token) {
            guard !refused else { return false }
        } else {
            guard !token.isEmpty, token.count <= 400, !token.contains("://"), !token.hasPrefix("-") else { return false }
            if token.contains(where: { $0.isWhitespace || refusedCharacters.contains($0) }) { return false }
        }
        let segments = token.split(separator: "/", omittingEmptySubsequences: true)
        guard let last = segments.last else { return false }
        if hasExtension(last) { return true }
        guard segments.count > 1 else { return false }
        return segments.contains { segment in segment.count >= 3 && segment.contains(where: \.isLetter) }
    }

    /// Characters no path phasecert looks up is written with.
    private static let refusedCharacters: Set<Character> = ["*", "?", "[", "]", "{", "}", "<", ">", "|", "@", "\"", "'", "`"]
    private static let refusedBytes: Set<UInt8> = Set(refusedCharacters.compactMap(\.asciiValue))

    /// For a token all in ASCII, whether the checks before its segments refuse it (empty, over 400
    /// characters, a URL, an option, a blank or a character of `refusedCharacters`); `nil` for any
    /// other token. Why: asking each character's properties was a fiftieth of the main process of
    /// a cold scan of 50,000 commits. In ASCII a character is a byte, but for `\r\n`, which
    /// is blank either way; the blanks are tab, line feed, vertical tab, form feed, carriage
    /// return and space.
    static func refusesASCII(_ token: String) -> Bool? {
        let bytes = token.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard let first = bytes.first, first != 0x2D, bytes.count <= 400 else { return true }
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if byte.isASCIIWhitespace || refusedBytes.contains(byte) { return true }
            if previous == (0x3A, 0x2F), byte == 0x2F { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Whether a word written without code marks or a link is a path beyond doubt: it has a file
    /// extension, ends with `/`, or has three segments. `Before/after` and `read/write` are words.
    static func isPlainlyPath(_ token: String) -> Bool {
        let segments = token.split(separator: "/", omittingEmptySubsequences: true)
        guard let last = segments.last else { return false }
        return hasExtension(last) || token.hasSuffix("/") || segments.count >= 3
    }

    /// `name.ext` with an extension of one to ten letters or digits starting with a letter, and a
    /// name that has a letter or digit in it (or a dot file such as `.gitignore`).
    private static func hasExtension(_ name: Substring) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        let ext = name[name.index(after: dot)...]
        guard let first = ext.first, first.isASCII, first.isLetter, ext.count <= 10,
            ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        let stem = name[..<dot]
        if stem.isEmpty { return ext.count >= 2 }
        return stem.contains { $0.isLetter || $0.isNumber } && !stem.hasSuffix(".")
    }

    /// A path token as written, with the punctuation, backticks and bold markers around it that
    /// are not part of it removed: `(design.md),` gives `design.md`, `tasks.md:` gives `tasks.md`.
    /// A path without the line reference written after it: `app/filter.py:19-21` → `app/filter.py`,
    /// `main.go:42` → `main.go`.
    static func withoutLineReference(_ path: String) -> String {
        guard let colon = path.lastIndex(of: ":"), colon != path.startIndex else { return path }
        let reference = path[path.index(after: colon)...]
        guard !reference.isEmpty, reference.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
            reference.first?.isNumber == true
        else { return path }
        return String(path[..<colon])
    }

    static func trimmed(_ word: Substring) -> String {
        var word = word
        while let first = word.first, "(\"'«“`*".contains(first) { word.removeFirst() }
        while let last = word.last, ":,;.!?»”\"'`*".contains(last) || (last == ")" && !word.contains("(")) {
            word.removeLast()
        }
        return String(word)
    }

    /// The path a list item or table cell starts with: its first code span, link destination or
    /// word, after leading emoji, check marks, bullets and blanks. `nil` when the first thing it
    /// holds is not path-like.
    static func leading(in inlines: [MarkdownNode]) -> (path: String, text: String)? {
        var result: (String, String)?
        var decided = false
        for node in inlines where !decided { visit(node) }
        return result

        func visit(_ node: MarkdownNode) {
            guard !decided else { return }
            switch node.kind {
            case .code:
                decided = true
                let literal = (node.literal ?? "").trimmingBlanks()
                let path = trimmed(Substring(literal))
                if isPathLike(path) { result = (path, literal) }
            case .link:
                let text = node.plainText
                if let destination = node.literal.flatMap(localPath), isPathLike(destination) {
                    decided = true
                    result = (destination, text)
                    return
                }
                for child in node.children { visit(child) }
            case .text:
                let literal = node.literal ?? ""
                let rest = StatusText.dropLeadingDecoration(literal).drop { $0 == "•" || $0 == "·" }
                guard let word = rest.split(whereSeparator: \.isWhitespace).first else { return }
                decided = true
                let path = trimmed(word)
                if isPathLike(path), isPlainlyPath(path) { result = (path, String(word)) }
            case .image, .htmlInline, .softBreak, .lineBreak:
                return
            default:
                for child in node.children { visit(child) }
            }
        }
    }

    /// The repository path a link points at: a relative destination without its `#fragment` or
    /// `?query`; `nil` for URLs, `mailto:` and in-page anchors.
    static func localPath(_ destination: String) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("#") else { return nil }
        if let colon = destination.firstIndex(of: ":"), !destination[..<colon].contains("/") { return nil }
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { $0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? $0 } ?? ""
        let decoded = String(path).removingPercentEncoding ?? String(path)
        return decoded.isEmpty ? nil : decoded
    }
}
