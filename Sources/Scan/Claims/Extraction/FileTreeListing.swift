/// The files a code block draws as a tree (`├── name.ts`, `└── dir/`, folders as `src/lib/`):
/// reports list the files a heading counts (`### Hooks & Utilities (4 files)`) this way as often
/// as in a bullet list.
///
/// Only a block that is wholly such a tree is read, and only when every entry is plainly a file
/// (a name with an extension) or plainly a folder (ending with `/`): `Makefile`, `…`, a line of
/// prose or a command leaves the count unknown, since a wrong count would make a wrong verdict.
enum FileTreeListing {
    /// How many files the tree in `code` names; `nil` when `code` is not a tree of plain entries.
    static func fileCount(in code: String) -> Int? {
        var files = 0
        var drawn = false
        for rawLine in code.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine)
            let hadGlyph = line.contains { glyphs.contains($0) }
            line = line.drop { glyphs.contains($0) || $0.isWhitespace || $0 == "-" || $0 == "`" }
            guard !line.isEmpty else { continue }
            drawn = drawn || hadGlyph
            guard let name = line.split(whereSeparator: \.isWhitespace).first.map(String.init) else { continue }
            // What follows the name must be a note: `(✅ T004)`, `# comment`, `← new`, `✅ (26 tests)`.
            let rest = line.dropFirst(name.count).drop(while: \.isWhitespace)
            guard rest.isEmpty || rest.first.map(opensNote) == true else { return nil }
            if name.hasSuffix("/") {
                guard PathToken.isPathLike(String(name.dropLast())) || name.dropLast().allSatisfy(isNameCharacter) else { return nil }
                continue
            }
            guard PathToken.isPlainlyPath(name), PathToken.isPathLike(name), !name.hasSuffix("/") else { return nil }
            files += 1
        }
        return drawn && files > 0 ? files : nil
    }

    /// Box-drawing characters of `tree` output and their ASCII stand-ins.
    private static let glyphs: Set<Character> = ["├", "└", "│", "─", "|", "+", "\\"]

    /// Whether a character after a name opens a note on it: a bracket, a comment sign, an arrow,
    /// or a status mark such as `✅` or `🆕` (a symbol, not a letter, digit or punctuation).
    private static func opensNote(_ character: Character) -> Bool {
        if "(#←<-–—/".contains(character) { return true }
        guard let scalar = character.unicodeScalars.first, !scalar.isASCII else { return false }
        return scalar.properties.generalCategory == .otherSymbol
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "._-@".contains(character)
    }
}
