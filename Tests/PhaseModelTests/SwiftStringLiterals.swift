import Foundation

/// The string literals of a Swift source file, found by a small lexer that knows comments, string
/// delimiters (`"`, `"""`, `#"…"#`) and interpolations: enough to tell a sentence in a literal from
/// one in a comment, which a text search cannot.
struct SwiftStringLiteral: Sendable, Equatable {
    /// The 1-based line the literal opens on.
    var line: Int
    /// The literal's text as written (escapes not decoded), each interpolation replaced by a space.
    var text: String
    /// The code just before the opening delimiter, on the same line, without trailing white space.
    var codeBefore: String
}

enum SwiftStringLiterals {
    static func literals(in source: String) -> [SwiftStringLiteral] {
        var scanner = Scanner(Array(source.unicodeScalars))
        return scanner.code(until: nil)
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        /// The code read since the last newline, for `codeBefore`.
        var lineSoFar = ""

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func starts(with text: String) -> Bool {
            for (offset, scalar) in text.unicodeScalars.enumerated() where peek(offset) != scalar { return false }
            return true
        }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                lineSoFar = ""
            } else {
                lineSoFar.unicodeScalars.append(scalars[index])
            }
            index += 1
        }

        /// Code up to the `)` that closes an interpolation (`closing` is `)`), or to the end.
        mutating func code(until closing: Unicode.Scalar?) -> [SwiftStringLiteral] {
            var found: [SwiftStringLiteral] = []
            var depth = 0
            while let scalar = peek() {
                if starts(with: "//") {
                    while let next = peek(), next != "\n" { advance() }
                } else if starts(with: "/*") {
                    skipBlockComment()
                } else if scalar == "#" || scalar == "\"" {
                    var hashes = 0
                    while peek(hashes) == "#" { hashes += 1 }
                    guard peek(hashes) == "\"" else {
                        advance()
                        continue
                    }
                    found += literal(hashes: hashes)
                } else if scalar == "(" {
                    depth += 1
                    advance()
                } else if scalar == ")" {
                    if depth == 0, closing != nil {
                        advance()
                        return found
                    }
                    depth -= 1
                    advance()
                } else {
                    advance()
                }
            }
            return found
        }

        mutating func skipBlockComment() {
            var depth = 0
            while peek() != nil {
                if starts(with: "/*") {
                    depth += 1
                    advance()
                    advance()
                } else if starts(with: "*/") {
                    depth -= 1
                    advance()
                    advance()
                    if depth == 0 { return }
                } else {
                    advance()
                }
            }
        }

        /// A literal opening at `index` with `hashes` `#` before its quote; the literals of its
        /// interpolations follow it.
        mutating func literal(hashes: Int) -> [SwiftStringLiteral] {
            let before = lineSoFar.trimmingCharacters(in: .whitespaces)
            let opening = line
            let pounds = String(repeating: "#", count: hashes)
            for _ in 0..<hashes { advance() }
            let quotes = starts(with: "\"\"\"") ? "\"\"\"" : "\""
            for _ in quotes.unicodeScalars { advance() }
            let close = quotes + pounds
            let interpolation = "\\" + pounds + "("
            var text = ""
            var nested: [SwiftStringLiteral] = []
            while peek() != nil {
                if starts(with: close) {
                    for _ in close.unicodeScalars { advance() }
                    break
                }
                if starts(with: interpolation) {
                    for _ in interpolation.unicodeScalars { advance() }
                    nested += code(until: ")")
                    text += " "
                    continue
                }
                if starts(with: "\\" + pounds) && peek(1 + hashes) != nil {
                    // An escape: keep it as written, and never let `\"` end the literal.
                    for _ in 0..<(2 + hashes) {
                        text.unicodeScalars.append(scalars[index])
                        advance()
                    }
                    continue
                }
                text.unicodeScalars.append(scalars[index])
                advance()
            }
            return [SwiftStringLiteral(line: opening, text: text, codeBefore: before)] + nested
        }
    }
}
