import TextSupport

/// A section whose heading states how many files it lists and lists exactly that many
/// (`### Documentation (2 new)` over a tree of two files): what a recap of the same kind of files
/// elsewhere in the document (`- 2 documentation files` under `Total New Files`) counts.
///
/// Only a heading whose own figure agrees with its listing is used: the two figures together say
/// the section enumerates what it names. A recap is matched by its words (`documentation`, `test`)
/// and must match one such section alone; it is then completed only when it agrees, since a recap
/// that differs may count a different set (modified files beside new ones) and a wrong
/// "inconsistent" is worse than none.
struct CountedFileSection: Sendable, Equatable {
    /// The heading's words, lower-cased, without its figure.
    var words: [String]
    /// The heading as written, which the verdict's note names.
    var heading: String
    /// How many files it lists, which is also the figure the heading states.
    var count: Int
    /// The heading's line.
    var line: Int

    /// The counted section `heading` opens over `section`, or `nil` when the heading states no
    /// figure in brackets, the section lists no paths, or the two disagree.
    init?(heading: String, line: Int, section: [MarkdownNode]) {
        guard let stated = Self.statedCount(in: heading), let listed = ListedItems(in: section), listed.namePaths,
            listed.count == stated
        else { return nil }
        self.words = ClaimWords.words(heading)
        self.heading = heading.trimmingBlanks()
        self.count = stated
        self.line = line
    }

    /// The one integer a heading states in brackets (`(2 new)`, `(3)`, `(4 files)`), or `nil` when it
    /// states none or several.
    static func statedCount(in heading: String) -> Int? {
        var found: [Int] = []
        var rest = Substring(heading)
        while let open = rest.firstIndex(of: "(") {
            rest = rest[rest.index(after: open)...]
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { continue }
            // What follows the figure must close the bracket within a few words: `(2 new)`, not
            // `(2 of them were reverted last week)`.
            let after = rest.dropFirst(digits.count).prefix { $0 != ")" && $0 != "(" }
            guard after.count <= 16, after.allSatisfy({ $0.isLetter || $0.isWhitespace }),
                rest.dropFirst(digits.count + after.count).first == ")"
            else { continue }
            found.append(value)
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The words of a file count that say which files it counts (`documentation` in
    /// `2 documentation files`), or `nil` when it says none.
    static func qualifiers(of count: String) -> [String]? {
        let words = ClaimWords.words(count).filter { !ClaimWords.isFileWord($0) }
        return words.isEmpty ? nil : words
    }

    /// Whether the heading names every word of `qualifiers`, Russian endings and plurals aside.
    func names(_ qualifiers: [String]) -> Bool {
        qualifiers.allSatisfy { qualifier in
            words.contains { $0 == qualifier || ClaimWords.sameStem($0, qualifier) }
        }
    }

    /// The one section of `sections` that the file count `text` recaps, if exactly one names it.
    static func recapped(by text: String, in sections: [CountedFileSection]) -> CountedFileSection? {
        guard let qualifiers = qualifiers(of: text) else { return nil }
        let named = sections.filter { $0.names(qualifiers) }
        return named.count == 1 ? named[0] : nil
    }
}
