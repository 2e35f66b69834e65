/// Finds Swift tests of both frameworks.
///
/// - Swift Testing: every `func` declaration carrying a `@Test` (or `@Testing.Test`)
///   attribute, whatever its arguments (display name, traits, `arguments:`) and other
///   attributes or modifiers in between: one test per declaration, however many argument
///   cases it runs.
/// - XCTest: an instance method named `test…` taking no parameters, declared directly in a
///   test case class or an extension of one. Without the other files of the module, a test
///   case class is one whose inheritance clause names `XCTestCase`, a type whose name ends
///   in `TestCase` (a project's own base class, by convention), or a class this file
///   already showed to be one; and, in a file that imports XCTest, a subclass of anything
///   named `…Tests`, `…Test` or `…TestCase`, or an extension of a type so named (test classes
///   split over several files).
///
/// The name is the function's base name (`adds`, not `adds()`), the suite the enclosing type
/// path (`Outer.Inner`). Both branches of `#if` are read, so a test declared once per branch
/// counts twice.
enum SwiftTestFinder {
    private struct Scope {
        var typeName: String?
        var runsXCTest: Bool
    }

    private struct PendingType {
        var isClass: Bool
        var isExtension: Bool
        var name: String
        var nameEnd: Int
    }

    /// Where a `@Test` attribute was seen: it belongs to the next `func` at the same depth.
    private struct TestAttribute {
        var scopes: Int
        var parens: Int
    }

    static func tests(in source: MaskedSource) -> [DefinedTest] {
        let code = source.code
        var lines = LineTracker(source.text)
        var tests: [DefinedTest] = []
        var scopes: [Scope] = []
        var pendingType: PendingType?
        var attribute: TestAttribute?
        var parens = 0
        // `static` or `class` seen since the last declaration: such a method is no XCTest test.
        var typeMember = false
        var xcTestClasses: Set<String> = []
        var importsXCTest = false
        var index = 0

        func isWord(_ word: StaticString, _ start: Int, _ end: Int) -> Bool {
            end - start == word.utf8CodeUnitCount && code.has(word, at: start)
        }

        func clearAttributeAtThisLevel() {
            if attribute?.parens == parens { attribute = nil }
        }

        while index < code.count {
            let byte = code[index]
            switch byte {
            case Byte.openBrace:
                if let type = pendingType {
                    let inherited = identifiers(in: code, type.nameEnd..<index)
                    var runsXCTest = false
                    if type.isClass {
                        runsXCTest = inherited.contains { $0.hasSuffix("TestCase") || xcTestClasses.contains($0) }
                            || (importsXCTest && !inherited.isEmpty && isTestCaseName(type.name))
                        if runsXCTest { xcTestClasses.insert(type.name) }
                    } else if type.isExtension {
                        let name = String(type.name.split(separator: ".").last ?? "")
                        runsXCTest = xcTestClasses.contains(name) || (importsXCTest && isTestCaseName(name))
                    }
                    scopes.append(Scope(typeName: type.name, runsXCTest: runsXCTest))
                    pendingType = nil
                } else {
                    scopes.append(Scope(typeName: nil, runsXCTest: false))
                }
                clearAttributeAtThisLevel()
                typeMember = false
                index += 1
            case Byte.closeBrace:
                if !scopes.isEmpty { scopes.removeLast() }
                pendingType = nil
                clearAttributeAtThisLevel()
                typeMember = false
                index += 1
            case Byte.openParen:
                parens += 1
                index += 1
            case Byte.closeParen:
                parens = max(0, parens - 1)
                index += 1
            case Byte.at:
                let nameStart = index + 1
                var nameEnd = code.identifierEnd(from: nameStart, dollar: true)
                if nameEnd < code.count && code[nameEnd] == Byte.dot {
                    let memberEnd = code.identifierEnd(from: nameEnd + 1, dollar: true)
                    if memberEnd > nameEnd + 1 { nameEnd = memberEnd }
                }
                if isWord("Test", nameStart, nameEnd) || isWord("Testing.Test", nameStart, nameEnd) {
                    attribute = TestAttribute(scopes: scopes.count, parens: parens)
                }
                index = max(nameEnd, index + 1)
            case Byte.backtick:
                // A raw identifier (`` `class` ``, `` `adds two numbers` ``) is never a keyword.
                index = backtickedEnd(code, from: index)
            default:
                guard Byte.isIdentifier(byte, dollar: true) else {
                    index += 1
                    continue
                }
                let start = index
                let end = code.identifierEnd(from: start, dollar: true)
                index = end
                if start > 0 && code[start - 1] == Byte.dot { continue }
                if isWord("func", start, end) {
                    let nameStart = code.skippingSpace(from: end)
                    let nameEnd: Int
                    let name: String
                    if nameStart < code.count && code[nameStart] == Byte.backtick {
                        nameEnd = backtickedEnd(code, from: nameStart)
                        name = source.string((nameStart + 1)..<max(nameStart + 1, nameEnd - 1))
                    } else {
                        nameEnd = code.identifierEnd(from: nameStart, dollar: true)
                        name = source.string(nameStart..<nameEnd)
                    }
                    if let found = attribute, found.parens == parens, found.scopes == scopes.count, !name.isEmpty {
                        tests.append(DefinedTest(name: name, suite: suite(scopes), line: lines.line(at: start)))
                    } else if scopes.last?.runsXCTest == true, !typeMember, name.hasPrefix("test"),
                        hasNoParameters(code, from: nameEnd)
                    {
                        tests.append(DefinedTest(name: name, suite: suite(scopes), line: lines.line(at: start)))
                    }
                    clearAttributeAtThisLevel()
                    typeMember = false
                    index = max(nameEnd, end)
                } else if isWord("class", start, end) || isWord("struct", start, end) || isWord("enum", start, end)
                    || isWord("actor", start, end) || isWord("extension", start, end) || isWord("protocol", start, end)
                {
                    let nameStart = code.skippingSpace(from: end)
                    var nameEnd = code.identifierEnd(from: nameStart, dollar: true)
                    while nameEnd + 1 < code.count && code[nameEnd] == Byte.dot && Byte.isIdentifier(code[nameEnd + 1]) {
                        nameEnd = code.identifierEnd(from: nameEnd + 1, dollar: true)
                    }
                    guard nameEnd > nameStart else { continue }
                    let name = source.string(nameStart..<nameEnd)
                    if memberKeywords.contains(name) {
                        // `class func`, `class var`: a modifier, not a declaration.
                        typeMember = true
                    } else {
                        pendingType = PendingType(
                            isClass: isWord("class", start, end), isExtension: isWord("extension", start, end),
                            name: name, nameEnd: nameEnd
                        )
                        clearAttributeAtThisLevel()
                        index = nameEnd
                    }
                } else if isWord("static", start, end) {
                    typeMember = true
                } else if isWord("import", start, end) {
                    let module = code.skippingSpace(from: end)
                    if code.has("XCTest", at: module) && !Byte.isIdentifier(module + 6 < code.count ? code[module + 6] : 0) {
                        importsXCTest = true
                    }
                    clearAttributeAtThisLevel()
                } else if isWord("var", start, end) || isWord("let", start, end) || isWord("init", start, end)
                    || isWord("subscript", start, end) || isWord("typealias", start, end) || isWord("case", start, end)
                {
                    clearAttributeAtThisLevel()
                    typeMember = false
                }
            }
        }
        return tests
    }

    /// Words that may follow `class` when it is a modifier.
    private static let memberKeywords: Set<String> = [
        "func", "var", "let", "subscript", "init", "deinit", "override", "final", "static", "private", "fileprivate",
        "internal", "public", "open", "required", "convenience", "dynamic", "nonisolated", "lazy", "weak", "unowned",
    ]

    private static func isTestCaseName(_ name: String) -> Bool {
        name.hasSuffix("Tests") || name.hasSuffix("Test") || name.hasSuffix("TestCase")
    }

    private static func suite(_ scopes: [Scope]) -> String? {
        let names = scopes.compactMap(\.typeName)
        return names.isEmpty ? nil : names.joined(separator: ".")
    }

    /// Offset after the backtick closing the raw identifier opened at `offset` (or its line end).
    private static func backtickedEnd(_ code: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var end = offset + 1
        while end < code.count && code[end] != Byte.backtick && !Byte.isLineEnd(code[end]) { end += 1 }
        return end < code.count && code[end] == Byte.backtick ? end + 1 : end
    }

    /// `()` after a method name, with optional spaces.
    private static func hasNoParameters(_ code: UnsafeBufferPointer<UInt8>, from offset: Int) -> Bool {
        let open = code.skippingSpace(from: offset)
        guard open < code.count, code[open] == Byte.openParen else { return false }
        let close = code.skippingSpace(from: open + 1)
        return close < code.count && code[close] == Byte.closeParen
    }

    private static func identifiers(in code: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
        var words: [String] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if Byte.isIdentifier(code[index], dollar: true) {
                let end = min(code.identifierEnd(from: index, dollar: true), range.upperBound)
                words.append(code.string(index..<end))
                index = end
            } else {
                index += 1
            }
        }
        return words
    }
}
