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
        var withoutLineComments = 0
        var code = 0
        /// The close token of the comment open at this point.
        var inBlock: [UInt8]?
        var openQuote: UInt8?
        for line in lines(of: text) {
            let first = line.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C && $0 != 0x0B }
            if let first, !syntax.line.contains(where: { starts(line, at: first, with: $0) }) { withoutLineComments += 1 }
            if openQuote != UInt8(ascii: "`") { openQuote = nil }
            var hasCode = false
            var index = 0
            while index < line.count {
                let byte = line[index]
                if let close = inBlock {
                    if starts(line, at: index, with: close) {
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
                if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B { index += 1; continue }
                if syntax.line.contains(where: { starts(line, at: index, with: $0) }) { break }
                if let block = syntax.blocks.first(where: { starts(line, at: index, with: $0.open) }) {
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
        if !syntax.line.isEmpty { result.withoutLineComments = withoutLineComments }
        result.code = code
        return result
    }

    /// The lines of `text` as bytes, split at `\n`, `\r\n` or a lone `\r` like `LineCounter`.
    private static func lines(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0A:
                if !previousWasCR { result.append(current); current = [] }
                previousWasCR = false
            case 0x0D:
                result.append(current)
                current = []
                previousWasCR = true
            default:
                previousWasCR = false
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func starts(_ line: [UInt8], at index: Int, with token: [UInt8]) -> Bool {
        !token.isEmpty && index + token.count <= line.count && line[index..<(index + token.count)].elementsEqual(token)
    }
}
