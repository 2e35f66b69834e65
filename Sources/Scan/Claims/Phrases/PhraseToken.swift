import PhaseModel

/// One meaningful piece of a span: a number, a word, a punctuation mark or emoji, or a run of
/// digits that belongs to something else (`4h`, `TN-099`'s `099`, `2025-11-30`, `x86_64`).
///
/// Blanks and Markdown emphasis (`*`, `_`, `~`, backticks) make no token: `**39/39** tests` reads
/// like `39/39 tests`.
struct PhraseToken: Sendable {
    enum Kind: Sendable, Equatable {
        case number, word, symbol, code
    }

    var kind: Kind
    /// Scalar positions in the span.
    var start: Int
    var end: Int
    /// The token as written.
    var text: String
    /// Words in lower case with `ё` read as `е`, so lexicon look-ups need one spelling.
    var key: String
    /// Set for `.number` tokens.
    var number: ClaimNumber?
    /// No blank between this token and the one before it.
    var isGlued: Bool
    /// Inside a backtick code span: quoted code, not prose.
    var isCode: Bool
    /// Part of a path or identifier (`tasks` in `tasks.md`, `COMPLETE` in `COMPLETE_REPORT`).
    var isPathPart: Bool

    /// A usable word: not code and not part of a file name.
    var word: String? { kind == .word && !isCode && !isPathPart ? key : nil }

    /// A usable number: not quoted as code.
    var figure: ClaimNumber? { isCode ? nil : number }

    /// The punctuation or emoji scalar of a `.symbol` token.
    var symbol: Unicode.Scalar? { kind == .symbol ? text.unicodeScalars.first : nil }

    /// Written in capitals only (at least two letters), as status words stand out in reports.
    var isUpperCase: Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if !scalar.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
