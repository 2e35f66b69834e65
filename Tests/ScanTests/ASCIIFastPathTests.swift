import PropertyBased
import Testing
@testable import Scan

/// The byte-wise readings of ASCII text give what the character-wise ones give, on text mixing
/// ASCII with Cyrillic, combining marks, non-breaking and other blanks, and CR LF pairs.
struct ASCIIFastPathTests {
    static let pieces = [
        "a", "Z", "q", "Total", "итого", "Ё", "e\u{301}", "1", "0", ".", "/", ":", "://", "-", " ", "\t", "\r\n", "\n",
        "\u{A0}", "\u{2003}", "*", "`", "@", "\"", "'", "|", "md", "src", "é", "_", "x.go", "ß", "Ǆ",
    ]

    static let texts = Gen<Int>.int(in: 0...(pieces.count - 1)).array(of: 0...12).map { picks in
        picks.map { Self.pieces[$0] }.joined()
    }

    /// What `ClaimWords.words` gave before its ASCII reading.
    static func characterWords(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// What `PathToken.isPathLike` refused before its segments were looked at, before its ASCII reading.
    static func characterRefuses(_ token: String) -> Bool {
        guard !token.isEmpty, token.count <= 400, !token.contains("://"), !token.hasPrefix("-") else { return true }
        return token.contains(where: { $0.isWhitespace || "*?[]{}<>|@\"'`".contains($0) })
    }

    @Test func asciiWordsAreTheWordsOfTheCharacters() async {
        await propertyCheck(count: 2_000, input: Self.texts) { text in
            #expect(ClaimWords.words(text) == Self.characterWords(text), "\(text.debugDescription)")
            if let ascii = ClaimWords.asciiWords(text) {
                #expect(text.utf8.allSatisfy { $0 < 0x80 })
                #expect(ascii == Self.characterWords(text))
            } else {
                #expect(text.utf8.contains { $0 >= 0x80 })
            }
        }
    }

    @Test func asciiRefusalIsTheRefusalOfTheCharacters() async {
        await propertyCheck(count: 2_000, input: Self.texts) { token in
            guard let refused = PathToken.refusesASCII(token) else {
                #expect(token.utf8.contains { $0 >= 0x80 })
                return
            }
            #expect(refused == Self.characterRefuses(token), "\(token.debugDescription)")
        }
    }

    @Test func longTokensAndTheirEdges() {
        #expect(PathToken.refusesASCII(String(repeating: "a", count: 400)) == false)
        #expect(PathToken.refusesASCII(String(repeating: "a", count: 401)) == true)
        #expect(PathToken.refusesASCII("") == true)
        #expect(PathToken.refusesASCII("https://x/y.md") == true)
        #expect(PathToken.refusesASCII("a:/b") == false)
        #expect(PathToken.refusesASCII("-rf") == true)
        #expect(PathToken.isPathLike("src/main.swift"))
        #expect(!PathToken.isPathLike("src/*.swift"))
        #expect(PathToken.refusesASCII("документ.md") == nil)
        #expect(ClaimWords.words("Grand TOTAL: 12") == ["grand", "total"])
    }
}
