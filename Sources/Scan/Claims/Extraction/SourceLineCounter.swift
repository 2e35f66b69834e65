import Foundation
import PhaseModel

/// Counts a source file's lines by the rules of `LineCounts`, with the comment syntax its
/// extension says (or its name, for `Dockerfile` and `Makefile`). A file of a language not known
/// here is counted only as physical and non-blank lines: its comments cannot be told from code.
///
/// Strings are followed so that `"src/**/*.ts"` opens no comment; a string ends at the end of its
/// line, except a backquoted one (a JavaScript template, a Go raw string). A Python
/// triple-quoted string (a docstring) is a comment for the `code` rule, as cloc counts it, and a
/// line for the `withoutLineComments` rule, as a `#`-only count has it.
enum SourceLineCounter {
    /// How a language writes comments.
    struct CommentSyntax: Sendable {
        /// Tokens that make the rest of the line a comment.
        var line: [[UInt8]]
        /// Tokens that open and close a comment that may span lines, tried in order.
        var blocks: [(open: [UInt8], close: [UInt8])]
        /// Characters that open a string.
        var quotes: [UInt8]

        init(line: [String], blocks: [(String, String)] = [], quotes: String = "\"'`") {
            self.line = line.map { Array($0.utf8) }
            self.blocks = blocks.map { (Array($0.0.utf8), Array($0.1.utf8)) }
            self.quotes = Array(quotes.utf8)
        }
    }

    private static let cFamily = CommentSyntax(line: ["//"], blocks: [("/*", "*/")])
    private static let hash = CommentSyntax(line: ["#"], quotes: "\"'")

    /// Comment syntax by lowercased extension.
    private static let byExtension: [String: CommentSyntax] = {
        var table: [String: CommentSyntax] = [:]
        for name in ["c", "h", "cc", "cpp", "cxx", "hpp", "hh", "hxx", "cs", "java", "kt", "kts", "scala",
                     "groovy", "gradle", "go", "rs", "swift", "dart", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts",
                     "scss", "less", "proto"]
        {
            table[name] = cFamily
        }
        for name in ["py", "pyi"] {
            table[name] = CommentSyntax(line: ["#"], blocks: [("\"\"\"", "\"\"\""), ("'''", "'''")], quotes: "\"'")
        }
        for name in ["sh", "bash", "zsh", "yaml", "yml", "rb", "toml", "r", "pl", "pm", "ps1", "cmake", "mk"] {
            table[name] = hash
        }
        table["css"] = CommentSyntax(line: [], blocks: [("/*", "*/")], quotes: "\"'")
        table["php"] = CommentSyntax(line: ["//", "#"], blocks: [("/*", "*/")], quotes: "\"'")
        table["tf"] = CommentSyntax(line: ["#", "//"], blocks: [("/*", "*/")], quotes: "\"")
        table["sql"] = CommentSyntax(line: ["--"], blocks: [("/*", "*/")], quotes: "\"'")
        table["lua"] = CommentSyntax(line: ["--"], quotes: "\"'")
        table["hs"] = CommentSyntax(line: ["--"], blocks: [("{-", "-}")], quotes: "\"")
        for name in ["html", "htm", "xml", "svg", "vue", "svelte"] {
            table[name] = CommentSyntax(line: [], blocks: [("<!--", "-->")], quotes: "")
        }
        return table
    }()

    /// The comment syntax of the file at `path`, when phasecert knows it.
    static func syntax(of path: String) -> CommentSyntax? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "Dockerfile" || name == "Makefile" { return hash }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }

    /// `file`'s lines by every rule that applies to it.
    static func counts(of file: TextFile) -> LineCounts {
        counts(text: file.text, path: file.path, physical: file.lines, nonBlank: file.nonBlankLines)
    }

    /// The lines of `text` (the file at `path`, of `physical` lines, `nonBlank` of them not blank)
    /// by every rule that applies to it.
    static func counts(text: String, path: String, physical: Int, nonBlank: Int) -> LineCounts {
        var result = LineCounts(physical: physical, nonBlank: nonBlank)
        guard let syntax = syntax(of: path) else { return result }
        var text = text
        // On the text's own bytes, a line at a time by its bounds: splitting it into a byte array
        // a line was most of the time a warm `phase-close` spent counting committed files.
        let (withoutLineComments, code) = text.withUTF8 { tally($0, syntax) }
        if !syntax.line.isEmpty { result.withoutLineComments = withoutLineComments }
        result.code = code
        return result
    }

    /// How many lines of `bytes` are not only a line comment, and how many hold code.
    private static func tally(_ bytes: UnsafeBufferPointer<UInt8>, _ syntax: CommentSyntax) -> (Int, Int) {
        var withoutLineComments = 0
        var code = 0
        /// The close token of the comment open at this point.
        var inBlock: [UInt8]?
        var openQuote: UInt8?
        func count(_ start: Int, _ end: Int) {
            var first = start
            while first < end, isBlank(bytes[first]) { first += 1 }
            if first < end, !syntax.line.contains(where: { starts(bytes, at: first, end: end, with: $0) }) {
                withoutLineComments += 1
            }
            if openQuote != UInt8(ascii: "`") { openQuote = nil }
            var hasCode = false
            var index = start
            while index < end {
                let byte = bytes[index]
                if let close = inBlock {
                    if starts(bytes, at: index, end: end, with: close) {
                        inBlock = nil
                        index += close.count
                    } else {
                        index += 1
                    }
                    continue
                }
                if let quote = openQuote {
                    hasCode = true
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == quote { openQuote = nil }
                    index += 1
                    continue
                }
                if isBlank(byte) { index += 1; continue }
                if syntax.line.contains(where: { starts(bytes, at: index, end: end, with: $0) }) { break }
                if let block = syntax.blocks.first(where: { starts(bytes, at: index, end: end, with: $0.open) }) {
                    inBlock = block.close
                    index += block.open.count
                    continue
                }
                if syntax.quotes.contains(byte) { openQuote = byte }
                hasCode = true
                index += 1
            }
            if hasCode { code += 1 }
        }
        // Lines end at `\n`, `\r\n` or a lone `\r`, as `LineCounter` has them; a last line without
        // an end counts when it holds anything.
        var lineStart = 0
        var previousWasCR = false
        for index in 0..<bytes.count {
            switch bytes[index] {
            case 0x0A:
                if !previousWasCR { count(lineStart, index) }
                previousWasCR = false
                lineStart = index + 1
            case 0x0D:
                count(lineStart, index)
                previousWasCR = true
                lineStart = index + 1
            default:
                previousWasCR = false
            }
        }
        if lineStart < bytes.count { count(lineStart, bytes.count) }
        return (withoutLineComments, code)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }

    /// Whether `token` starts at `index` and ends by `end`.
    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, with token: [UInt8]) -> Bool {
        guard !token.isEmpty, index + token.count <= end else { return false }
        for offset in token.indices where bytes[index + offset] != token[offset] { return false }
        return true
    }
}
