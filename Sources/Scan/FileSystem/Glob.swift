import PhaseModel

/// A path pattern as used in `phasecert.yml`: `*` and `?` within one path segment, `[abc]` / `[a-z]` /
/// `[!a]` character classes, and `**` for any number of folders (`**/*.xml`, `build/**`). A pattern
/// without `/` matches the file name in any folder (`TEST-*.xml`).
public struct Glob: Sendable, Equatable {
    public let pattern: String
    private let segments: [String]
    private let nameOnly: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        let trimmed = RepositoryPath.trimmingCurrentFolder(pattern)
        nameOnly = !trimmed.contains("/")
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Whether a repository-relative path matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        if nameOnly { return parts.last.map { Self.matchSegment(Array(segments.first ?? ""), Array($0)) } ?? false }
        return Self.match(segments[...], parts[...])
    }

    /// The folder part before the first wildcard (`build/reports` for `build/reports/**/*.xml`).
    public var literalPrefix: String {
        guard !nameOnly else { return "" }
        let literal = segments.prefix { !$0.contains(where: { "*?[".contains($0) }) }
        return literal.count == segments.count ? segments.dropLast().joined(separator: "/") : literal.joined(separator: "/")
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let first = path.first, matchSegment(Array(head), Array(first)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// Matches one segment; `*` backtracks, which is fine for segments of path length.
    static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                p += 1
                resume = t
                continue
            }
            if p < pattern.count, let (matched, next) = matchOne(pattern, p, text[t]), matched {
                p = next
                t += 1
                continue
            }
            guard let starAt = star else { return false }
            p = starAt + 1
            resume += 1
            t = resume
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Whether `character` matches the pattern element at `index`, and the index after that element.
    private static func matchOne(_ pattern: [Character], _ index: Int, _ character: Character) -> (Bool, Int)? {
        switch pattern[index] {
        case "?": return (true, index + 1)
        case "[":
            var cursor = index + 1
            let negated = cursor < pattern.count && (pattern[cursor] == "!" || pattern[cursor] == "^")
            if negated { cursor += 1 }
            var found = false
            var first = true
            while cursor < pattern.count, pattern[cursor] != "]" || first {
                first = false
                if cursor + 2 < pattern.count, pattern[cursor + 1] == "-", pattern[cursor + 2] != "]" {
                    if pattern[cursor] <= character && character <= pattern[cursor + 2] { found = true }
                    cursor += 3
                } else {
                    if pattern[cursor] == character { found = true }
                    cursor += 1
                }
            }
            // An unclosed `[` is an ordinary character.
            guard cursor < pattern.count else { return (character == "[", index + 1) }
            return (found != negated, cursor + 1)
        default:
            return (pattern[index] == character, index + 1)
        }
    }
}
