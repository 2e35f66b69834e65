import PhaseModel

/// A source file's bytes beside the same bytes with every comment and the inside of every
/// string literal replaced by spaces, so that a finder can look for declarations with plain
/// byte comparisons and never be fooled by `func TestX` inside a comment or a string.
///
/// `code` has the same length as `text`: an offset means the same place in both, so a finder
/// reads a test's title or name from `text` where it found the call in `code`. Literal
/// delimiters (quotes, backticks, regex slashes) stay in `code`; comments vanish entirely;
/// newlines inside comments and literals become spaces too, which is why lines are counted
/// on `text` (`LineTracker`).
///
/// Only valid inside the closure that produced the buffers.
struct MaskedSource {
    let text: UnsafeBufferPointer<UInt8>
    let code: UnsafeBufferPointer<UInt8>

    var count: Int { text.count }

    /// Original text in `range`, with invalid UTF-8 replaced by U+FFFD.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }
}

/// A comment or literal still open at the end of the file: the lexer blanked everything
/// after its start, so tests written there are not counted and the user should know.
struct UnterminatedConstruct: Equatable {
    enum Kind: Equatable {
        case blockComment, rawString, stringLiteral, templateLiteral, regexLiteral
    }

    var what: Kind
    /// The delimiter that would have closed it.
    var closer: String
    var offset: Int
}

/// What a lexer produced: the masked bytes, and the first construct left open at the end.
struct MaskResult {
    var code: [UInt8]
    var unterminated: UnterminatedConstruct?
}

extension UnterminatedConstruct.Kind {
    /// What was left open, to name in a problem.
    var name: LocalizedText {
        switch self {
        case .blockComment: LocalizedText(message: "problem.inventory.construct.block-comment")
        case .rawString: LocalizedText(message: "problem.inventory.construct.raw-string")
        case .stringLiteral: LocalizedText(message: "problem.inventory.construct.string-literal")
        case .templateLiteral: LocalizedText(message: "problem.inventory.construct.template-literal")
        case .regexLiteral: LocalizedText(message: "problem.inventory.construct.regex-literal")
        }
    }
}
