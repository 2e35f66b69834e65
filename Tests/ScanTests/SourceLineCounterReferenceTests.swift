import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Scan

/// `SourceLineCounter` counts on the text's bytes by line bounds; whatever the text, it counts what
/// the earlier algorithm, which split the text into a byte array a line, counted. That algorithm
/// is kept here as the reference.
struct SourceLineCounterReferenceTests {
    /// Pieces that open and close comments and strings in the known languages, and line ends of
    /// every kind.
    static let pieces = [
        "//", "/*", "*/", "#", "--", "{-", "-}", "<!--", "-->", "\"", "'", "`", "\\", "\"\"\"", "'''", "\n", "\r", "\r\n",
        " ", "\t", "\u{0B}", "\u{0C}", "x", "let a = 1", "й", "",
    ]

    static let paths = [
        "a.swift", "a.py", "a.yaml", "a.css", "a.php", "a.tf", "a.sql", "a.lua", "a.hs", "a.html", "Dockerfile", "a.txt",
    ]

    @Test func countsWhatTheLineArrayAlgorithmCounted() async {
        // The first pick chooses the file's language, the others its text.
        let input = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 1...41)
        await propertyCheck(count: 2_000, input: input) { picks in
            let path = Self.paths[picks[0] % Self.paths.count]
            let text = picks.dropFirst().map { Self.pieces[$0] }.joined()
            let (lines, nonBlank) = LineCounter.count(Array(text.utf8))
            let counted = SourceLineCounter.counts(text: text, path: path, physical: lines, nonBlank: nonBlank)
            #expect(counted == Self.reference(text: text, path: path, physical: lines, nonBlank: nonBlank), "\(path): \(text.debugDescription)")
        }
    }

    @Test func aLastLineWithoutAnEndIsCounted() {
        let text = "let a = 1\n// note\nlet b = 2"
        let counted = SourceLineCounter.counts(text: text, path: "a.swift", physical: 3, nonBlank: 3)
        #expect(counted.code == 2)
        #expect(counted.withoutLineComments == 2)
    }

    /// The algorithm `SourceLineCounter.counts` had until it counted by line bounds.
    private static func reference(text: String, path: String, physical: Int, nonBlank: Int) -> LineCounts {
        var result = LineCounts(physical: physical, nonBlank: nonBlank)
        guard let syntax = SourceLineCounter.syntax(of: path) else { return result }
        var withoutLineComments = 0
        var code = 0
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
