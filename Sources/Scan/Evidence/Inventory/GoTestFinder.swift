/// Finds Go tests the way `go test` does (cmd/go/internal/load): a top-level function, not a
/// method, named `Test` or `Test` followed by anything but a lowercase letter
/// (`TestFoo`, `Test_foo`, `Test1`, `TestÉcole`; not `Testfoo`, `Testé`), with no type
/// parameters and no results, taking exactly one parameter of type `*T` or `*pkg.T`.
///
/// That last rule is why `TestMain(m *testing.M)` is not a test while `TestMain(t *testing.T)`
/// is. A `Test…` function with any other signature does not count: `go test` refuses to
/// build it. Benchmarks, fuzz tests and examples are not tests; subtests (`t.Run`) are
/// run-time calls, not definitions, and are not counted. Go tests have no suite here.
enum GoTestFinder {
    static func tests(in source: MaskedSource) -> [DefinedTest] {
        let code = source.code
        var lines = LineTracker(source.text)
        var tests: [DefinedTest] = []
        var index = 0
        while index + 4 < code.count {
            guard code[index] == UInt8(ascii: "f"), code.has("func", at: index),
                index == 0 || !Byte.isIdentifier(code[index - 1]),
                Byte.isWhitespace(code[index + 4])
            else {
                index += 1
                continue
            }
            let keyword = index
            index += 4
            let nameStart = code.skippingSpace(from: index)
            let nameEnd = code.identifierEnd(from: nameStart)
            guard nameEnd > nameStart else { continue }
            index = nameEnd
            let name = source.string(nameStart..<nameEnd)
            guard isTestName(name), hasTestSignature(code, from: nameEnd) else { continue }
            tests.append(DefinedTest(name: name, line: lines.line(at: keyword)))
        }
        return tests
    }

    /// Go's `isTest(name, "Test")`: the rune after the prefix must not be lowercase
    /// (`unicode.IsLower`, general category Ll).
    static func isTestName(_ name: String) -> Bool {
        guard name.hasPrefix("Test") else { return false }
        let rest = name.unicodeScalars.dropFirst(4)
        guard let first = rest.first else { return true }
        return first.properties.generalCategory != .lowercaseLetter
    }

    /// `(name *pkg.T)` or `(*T)` and so on, then no results: `{`, the line end, `;` or the end.
    private static func hasTestSignature(_ code: UnsafeBufferPointer<UInt8>, from offset: Int) -> Bool {
        var index = code.skippingSpace(from: offset, lineEnds: false)
        guard index < code.count, code[index] == Byte.openParen else { return false }
        index += 1
        // The parameter list as tokens: identifiers become "i", punctuation stays itself.
        var shape: [UInt8] = []
        var lastIdentifier = ""
        while true {
            index = code.skippingSpace(from: index)
            guard index < code.count, shape.count < 8 else { return false }
            let byte = code[index]
            if byte == Byte.closeParen {
                index += 1
                break
            }
            if Byte.isIdentifier(byte) {
                let end = code.identifierEnd(from: index)
                lastIdentifier = code.string(index..<end)
                shape.append(UInt8(ascii: "i"))
                index = end
            } else if byte == Byte.star || byte == Byte.dot || byte == Byte.comma {
                shape.append(byte)
                index += 1
            } else {
                return false
            }
        }
        if shape.last == Byte.comma { shape.removeLast() }
        guard lastIdentifier == "T", validShapes.contains(shape) else { return false }
        let after = code.skippingSpace(from: index, lineEnds: false)
        return after == code.count || code[after] == Byte.openBrace || code[after] == Byte.semicolon
            || Byte.isLineEnd(code[after])
    }

    private static let validShapes = Set(["i*i.i", "*i.i", "i*i", "*i"].map { Array($0.utf8) })
}
