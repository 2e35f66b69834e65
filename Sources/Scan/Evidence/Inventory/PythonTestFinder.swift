/// Finds Python tests the way pytest collects them with its defaults
/// (`python_functions = test`, `python_classes = Test`):
///
/// - a function (`def` or `async def`) whose name starts with `test`, at module level (also
///   inside module-level `if`/`try` blocks, which still define module attributes);
/// - a method whose name starts with `test` in a class whose name starts with `Test`, unless
///   that class defines `__init__` or `__new__` (pytest then warns and collects nothing from
///   it), or in a subclass of `unittest.TestCase` (any base whose last dotted component ends
///   in `TestCase`: `TestCase`, `unittest.IsolatedAsyncioTestCase`, Django's `TestCase`), whatever
///   its name; test classes nested in test classes count too;
/// - nothing nested in a function: inner functions are not collected.
///
/// Counts definitions: a `parametrize`d test is one, though pytest collects one item per case.
/// A name defined twice in a module counts twice, though only the second survives in Python.
/// Nesting is read from indentation (tabs to multiples of 8, as Python does), on logical lines:
/// brackets and backslashes continue a line. Suite: the class path, `TestOuter.TestInner`.
enum PythonTestFinder {
    private struct Scope {
        var indent: Int
        var isClass: Bool
        var name: String
        /// A class pytest would collect methods from.
        var collects: Bool
        /// A `Test…` class (not unittest): disqualified by its own `__init__`/`__new__`.
        var pytestStyle: Bool
        var hasConstructor: Bool
        /// `tests.count` when the class opened: its tests are the ones after.
        var firstTest: Int
    }

    static func tests(in source: MaskedSource) -> [DefinedTest] {
        let code = source.code
        var lines = LineTracker(source.text)
        var tests: [DefinedTest] = []
        var scopes: [Scope] = []
        var index = 0

        func closeScope() {
            let scope = scopes.removeLast()
            if scope.isClass && scope.pytestStyle && scope.hasConstructor && scope.firstTest < tests.count {
                tests.removeSubrange(scope.firstTest...)
            }
        }

        while index < code.count {
            var column = 0
            var start = index
            while start < code.count {
                switch code[start] {
                case Byte.space: column += 1
                case Byte.tab: column = (column / 8 + 1) * 8
                case Byte.formFeed: column = 0
                default: break
                }
                guard code[start] == Byte.space || code[start] == Byte.tab || code[start] == Byte.formFeed else { break }
                start += 1
            }
            guard start < code.count else { break }
            if Byte.isLineEnd(code[start]) {
                index = afterLineEnd(code, start)
                continue
            }
            while let last = scopes.last, last.indent >= column { closeScope() }

            var keyword = start
            if code.has("async", at: keyword) && isWordEnd(code, keyword + 5) {
                keyword = code.skippingSpace(from: keyword + 5, lineEnds: false)
            }
            if code.has("def", at: keyword) && isWordEnd(code, keyword + 3) && code.count > keyword + 3
                && Byte.isHorizontalSpace(code[keyword + 3])
            {
                let nameStart = code.skippingSpace(from: keyword + 3, lineEnds: false)
                let name = source.string(nameStart..<code.identifierEnd(from: nameStart))
                if let owner = scopes.last, owner.isClass {
                    if name == "__init__" || name == "__new__" { scopes[scopes.count - 1].hasConstructor = true }
                    if owner.collects && name.hasPrefix("test") {
                        tests.append(DefinedTest(name: name, suite: suite(scopes), line: lines.line(at: keyword)))
                    }
                } else if scopes.isEmpty && name.hasPrefix("test") {
                    tests.append(DefinedTest(name: name, line: lines.line(at: keyword)))
                }
                scopes.append(
                    Scope(
                        indent: column, isClass: false, name: name, collects: false, pytestStyle: false,
                        hasConstructor: false, firstTest: tests.count
                    )
                )
            } else if start == keyword && code.has("class", at: start) && isWordEnd(code, start + 5) && code.count > start + 5
                && Byte.isHorizontalSpace(code[start + 5])
            {
                let nameStart = code.skippingSpace(from: start + 5, lineEnds: false)
                let nameEnd = code.identifierEnd(from: nameStart)
                let name = source.string(nameStart..<nameEnd)
                let unittest = bases(code, from: nameEnd).contains { $0.hasSuffix("TestCase") }
                let inCollectedContext = scopes.allSatisfy { $0.isClass && $0.collects }
                scopes.append(
                    Scope(
                        indent: column, isClass: true, name: name,
                        collects: inCollectedContext && (unittest || name.hasPrefix("Test")),
                        pytestStyle: !unittest, hasConstructor: false, firstTest: tests.count
                    )
                )
            }
            index = logicalLineEnd(code, from: start)
        }
        while !scopes.isEmpty { closeScope() }
        return tests
    }

    private static func suite(_ scopes: [Scope]) -> String? {
        let names = scopes.filter(\.isClass).map(\.name)
        return names.isEmpty ? nil : names.joined(separator: ".")
    }

    private static func isWordEnd(_ code: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        offset >= code.count || !Byte.isIdentifier(code[offset])
    }

    private static func afterLineEnd(_ code: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        if code[offset] == Byte.carriageReturn && offset + 1 < code.count && code[offset + 1] == Byte.newline {
            return offset + 2
        }
        return offset + 1
    }

    /// Dotted names in the parenthesized base list after a class name, if any.
    private static func bases(_ code: UnsafeBufferPointer<UInt8>, from offset: Int) -> [String] {
        var index = code.skippingSpace(from: offset, lineEnds: false)
        guard index < code.count, code[index] == Byte.openParen else { return [] }
        var names: [String] = []
        var depth = 0
        while index < code.count {
            let byte = code[index]
            if byte == Byte.openParen || byte == Byte.openBracket {
                depth += 1
            } else if byte == Byte.closeParen || byte == Byte.closeBracket {
                depth -= 1
                if depth == 0 { break }
            } else if depth == 1 && Byte.isIdentifier(byte) {
                var end = code.identifierEnd(from: index)
                while end + 1 < code.count && code[end] == Byte.dot && Byte.isIdentifier(code[end + 1]) {
                    end = code.identifierEnd(from: end + 1)
                }
                names.append(code.string(index..<end))
                index = end
                continue
            }
            index += 1
        }
        return names
    }

    /// Offset after the line end that ends the logical line starting at `offset`. A line
    /// end inside brackets or after a backslash continues it; but when brackets are left open
    /// by a mistake, a `def`, `async def` or `class` at the start of a line ends it anyway,
    /// so one unbalanced bracket does not hide the rest of the file.
    private static func logicalLineEnd(_ code: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var depth = 0
        var index = offset
        while index < code.count {
            switch code[index] {
            case Byte.openParen, Byte.openBracket, Byte.openBrace:
                depth += 1
            case Byte.closeParen, Byte.closeBracket, Byte.closeBrace:
                depth = max(0, depth - 1)
            case Byte.backslash where index + 1 < code.count && Byte.isLineEnd(code[index + 1]):
                index = afterLineEnd(code, index + 1)
                continue
            case Byte.newline, Byte.carriageReturn:
                let next = afterLineEnd(code, index)
                if depth == 0 || startsDeclaration(code, next) { return next }
            default:
                break
            }
            index += 1
        }
        return code.count
    }

    private static func startsDeclaration(_ code: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        (code.has("def ", at: offset) || code.has("class ", at: offset) || code.has("async def ", at: offset))
    }
}
