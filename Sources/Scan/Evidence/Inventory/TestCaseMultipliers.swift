/// Whether a test file may run other cases than the tests it defines: subtests, parametrized
/// tests, tests declared in a loop. A count written of such a file may be of its cases, which the
/// definitions alone do not show, so a count that differs from them proves nothing.
///
/// Read from the masked code (comments and string contents blanked), per language:
/// - Go: a `.Run(` call (`t.Run` subtests, testify's `suite.Run`, whose methods are tests the
///   definitions leave out).
/// - Python: `parametrize`, `subTest`, `subtests`, `pytest_generate_tests`, and a `fixture(`
///   call given `params`.
/// - Swift: an `arguments:` label (Swift Testing's parameterized tests).
/// - JavaScript/TypeScript: `.each` or `.for` (table-driven tests), a test call inside the
///   body of a `for`/`while` loop or a `.forEach(`/`.map(` callback (tests generated at run time),
///   and Playwright tests (`@playwright/test`), which run once per project the configuration lists.
enum TestCaseMultipliers {
    static func present(in source: MaskedSource, language: TestLanguage) -> Bool {
        let code = source.code
        switch language {
        case .go:
            return code.contains(".Run(")
        case .swift:
            return code.hasWord("arguments") { after in after < code.count && code[after] == Byte.colon }
        case .python:
            if ["parametrize", "subTest", "subtests", "pytest_generate_tests"].contains(where: { code.hasWord($0) }) {
                return true
            }
            return code.hasWord("fixture") { after in
                guard after < code.count, code[after] == Byte.openParen else { return false }
                let end = code.matching(from: after) ?? code.count
                return UnsafeBufferPointer(rebasing: code[after..<end]).hasWord("params")
            }
        case .javascript, .typescript:
            return code.contains(".each") || code.contains(".for(") || code.contains(".for`")
                || source.text.contains("@playwright/test") || hasGeneratedTests(code)
        }
    }

    /// A JavaScript test call inside a loop body or a `.forEach(`/`.map(` callback.
    private static func hasGeneratedTests(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < code.count {
            guard Byte.isLetter(code[index]), index == 0 || !Byte.isIdentifier(code[index - 1], dollar: true) else {
                index += 1
                continue
            }
            let end = code.identifierEnd(from: index, dollar: true)
            let word = code.string(index..<end)
            defer { index = max(end, index + 1) }
            let open = code.skippingSpace(from: end)
            guard open < code.count, code[open] == Byte.openParen, let close = code.matching(from: open) else { continue }
            let body: Range<Int>
            switch word {
            case "for", "while":
                // The loop's body: a block, or one statement up to its `;`.
                let start = code.skippingSpace(from: close + 1)
                if start < code.count, code[start] == Byte.openBrace {
                    body = start..<(code.matching(from: start) ?? code.count)
                } else {
                    var stop = start
                    while stop < code.count && code[stop] != Byte.semicolon { stop += 1 }
                    body = start..<stop
                }
            case "forEach", "map", "flatMap":
                guard index > 0, code[code.skippingSpaceBackward(from: index - 1)] == Byte.dot else { continue }
                body = open..<close
            default:
                continue
            }
            if containsTestCall(UnsafeBufferPointer(rebasing: code[body])) { return true }
        }
        return false
    }

    private static let testCallees: [String] = ["it", "test", "xit", "fit", "xtest"]

    /// A call of a test function (`it(`, `test.only(`), not a member call (`t.test(`).
    private static func containsTestCall(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        testCallees.contains { name in
            code.hasWord(name, dollar: true) { after in
                let next = code.skippingSpace(from: after)
                return next < code.count && (code[next] == Byte.openParen || code[next] == Byte.dot)
            } before: { start in
                start == 0 || code[code.skippingSpaceBackward(from: start - 1)] != Byte.dot
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes hold `text` anywhere.
    fileprivate func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, needle.count <= count else { return false }
        var index = 0
        while index + needle.count <= count {
            if self[index] == first, needle.indices.allSatisfy({ self[index + $0] == needle[$0] }) { return true }
            index += 1
        }
        return false
    }

    /// Whether `word` stands as a whole identifier somewhere for which `after` (given the offset
    /// just past it, blanks skipped) and `before` (given its start) hold.
    fileprivate func hasWord(
        _ word: String, dollar: Bool = false, after: (Int) -> Bool = { _ in true }, before: (Int) -> Bool = { _ in true }
    ) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first, needle.count <= count else { return false }
        var index = 0
        while index + needle.count <= count {
            defer { index += 1 }
            guard self[index] == first, needle.indices.allSatisfy({ self[index + $0] == needle[$0] }) else { continue }
            let end = index + needle.count
            if index > 0 && Byte.isIdentifier(self[index - 1], dollar: dollar) { continue }
            if end < count && Byte.isIdentifier(self[end], dollar: dollar) { continue }
            if after(skippingSpace(from: end)), before(index) { return true }
        }
        return false
    }

    /// The offset of the bracket closing the one at `offset` (`(`, `[` or `{`), brackets of every
    /// kind counted together; `nil` when it is never closed.
    fileprivate func matching(from offset: Int) -> Int? {
        var depth = 0
        var index = offset
        while index < count {
            switch self[index] {
            case Byte.openParen, Byte.openBracket, Byte.openBrace: depth += 1
            case Byte.closeParen, Byte.closeBracket, Byte.closeBrace:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The last offset at or before `offset` that is not whitespace (0 when there is none).
    fileprivate func skippingSpaceBackward(from offset: Int) -> Int {
        var index = offset
        while index > 0 && Byte.isWhitespace(self[index]) { index -= 1 }
        return index
    }
}
