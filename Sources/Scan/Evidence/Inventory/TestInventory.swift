import Foundation
import PhaseModel

/// A static inventory of the tests a repository defines, read from test source files
/// without building or running anything, so that "N tests defined, M executed" is known
/// even where no result file exists.
///
/// Each language has a lexer that blanks comments and the insides of string literals in one
/// pass over the bytes (a `func TestX` in a comment, a docstring or a raw string is not a
/// test), then a finder that follows the framework's own discovery rules:
/// - Go: top-level `func TestXxx(t *testing.T)`, `Xxx` not starting with a lowercase letter;
///   not methods, `TestMain(m *testing.M)`, benchmarks, fuzz tests, examples or `t.Run` subtests.
/// - Swift: each `@Test` function (Swift Testing); each parameterless instance method
///   `test…()` of an `XCTestCase` subclass (XCTest).
/// - Python (pytest defaults): `test…` functions at module level, and `test…` methods of
///   `Test…` classes without `__init__` or of `unittest.TestCase` subclasses; nothing nested
///   in a function.
/// - JavaScript/TypeScript: calls of `it`/`test`/`xit`/`xtest`/`fit` and their modifiers
///   (`.only`, `.skip`, `.todo`, `.each(…)(…)`, …), not member calls like `t.test(…)`.
///
/// It counts definitions, not run-time cases: a parametrized test is one, a subtest none.
/// The exact rules are on `GoTestFinder`, `SwiftTestFinder`, `PythonTestFinder` and
/// `JavaScriptTestFinder`; the file patterns on `TestFileNaming`.
public enum TestInventory {
    /// Whether a repository-relative path is a test source file worth reading, from its name alone (cheap: called for every file in the tree).
    ///
    /// Follows each runner's default file patterns: Go `*_test.go`; Swift files under a
    /// `…Tests/` directory or named `*Tests.swift`/`*Test.swift`; pytest's `test_*.py` and
    /// `*_test.py`; Jest/Vitest `*.test.*`, `*.spec.*` and files under `__tests__/`
    /// (`.d.ts` excluded). Nothing under `node_modules/` or a hidden directory.
    public static func language(ofTestFile path: String) -> TestLanguage? {
        TestFileNaming.language(of: path)
    }

    /// Tests defined in one file's text.
    ///
    /// Never fails: malformed source (an unterminated comment or string, unbalanced
    /// brackets) gives the tests that could be read before the damage.
    public static func scan(_ text: String, path: String, language: TestLanguage) -> TestInventoryFile {
        var text = text
        text.makeContiguousUTF8()
        let tests = text.utf8.withContiguousStorageIfAvailable { scan(bytes: $0, language: language).tests }
            ?? Array(text.utf8).withUnsafeBufferPointer { scan(bytes: $0, language: language).tests }
        return TestInventoryFile(path: path, language: language, tests: tests)
    }

    /// Same from bytes, with the language taken from the path (`language(ofTestFile:)`).
    ///
    /// - A path that is not a test file by its name, or binary content (a NUL byte): nil and
    ///   one problem; nothing was read, which is not the same as "no tests".
    /// - Invalid UTF-8: the file is still scanned (the lexers work on bytes, and the bad
    ///   bytes can only be inside names, literals or comments) with a problem naming the
    ///   first bad line; names holding them get U+FFFD.
    /// - A block comment or multi-line literal still open at the end of the file: the
    ///   tests before it, and a problem naming the line where it starts.
    public static func scan(data: Data, path: String) -> (TestInventoryFile?, [EvidenceProblem]) {
        guard let language = language(ofTestFile: path) else {
            return (nil, [EvidenceProblem(file: path, line: nil, message: LocalizedText(message: "problem.inventory.not-a-test-file"))])
        }
        return data.withUnsafeBytes { raw -> (TestInventoryFile?, [EvidenceProblem]) in
            let all = raw.bindMemory(to: UInt8.self)
            if let nul = all.firstIndex(of: 0) {
                var lines = LineTracker(all)
                let message = LocalizedText(message: "problem.inventory.binary", ["language": .text(language.rawValue)])
                return (nil, [EvidenceProblem(file: path, line: lines.line(at: nul), message: message)])
            }
            var problems: [EvidenceProblem] = []
            if let bad = UTF8Validation.firstInvalidOffset(in: all) {
                var lines = LineTracker(all)
                problems.append(
                    EvidenceProblem(
                        file: path, line: lines.line(at: bad),
                        message: LocalizedText(message: "problem.inventory.invalid-utf8")
                    )
                )
            }
            let result = scan(bytes: all, language: language)
            if let open = result.unterminated {
                var lines = LineTracker(all)
                let arguments: [String: MessageArgument] = ["construct": .localized(open.what.name), "closer": .text(open.closer)]
                let message = LocalizedText(message: "problem.inventory.unterminated", arguments)
                problems.append(EvidenceProblem(file: path, line: lines.line(at: open.offset), message: message))
            }
            return (TestInventoryFile(path: path, language: language, tests: result.tests), problems)
        }
    }

    /// The tests a file's bytes define, and whether it may run other cases than those
    /// (`TestCaseMultipliers`); `nil` for a path that is no test file by its name, or binary content.
    static func definitions(data: Data, path: String) -> (tests: [DefinedTest], mayRunOtherCases: Bool)? {
        guard let language = language(ofTestFile: path) else { return nil }
        return data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            guard !all.contains(0) else { return nil }
            let result = scan(bytes: all, language: language, multipliers: true)
            return (result.tests, result.multiplied)
        }
    }

    /// Offsets in the result (`unterminated`) are offsets in `all`.
    static func scan(
        bytes all: UnsafeBufferPointer<UInt8>, language: TestLanguage
    ) -> (tests: [DefinedTest], unterminated: UnterminatedConstruct?) {
        let result = scan(bytes: all, language: language, multipliers: false)
        return (result.tests, result.unterminated)
    }

    /// `multiplied` is looked for only when `multipliers` is set (else false): it costs another
    /// pass over the code that the inventory does not need.
    private static func scan(
        bytes all: UnsafeBufferPointer<UInt8>, language: TestLanguage, multipliers: Bool
    ) -> (tests: [DefinedTest], unterminated: UnterminatedConstruct?, multiplied: Bool) {
        // A byte-order mark is not content (Python would see it as indentation on line 1);
        // it holds no line end, so line numbers are the same without it.
        let markLength = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF ? 3 : 0
        let bytes = UnsafeBufferPointer(rebasing: all[markLength...])
        let masked: MaskResult
        switch language {
        case .go: masked = GoLexer.mask(bytes)
        case .swift: masked = SwiftLexer.mask(bytes)
        case .python: masked = PythonLexer.mask(bytes)
        case .javascript, .typescript: masked = JavaScriptLexer.mask(bytes)
        }
        let (tests, multiplied) = masked.code.withUnsafeBufferPointer { code -> ([DefinedTest], Bool) in
            let source = MaskedSource(text: bytes, code: code)
            let multiplied = multipliers && TestCaseMultipliers.present(in: source, language: language)
            switch language {
            case .go: return (GoTestFinder.tests(in: source), multiplied)
            case .swift: return (SwiftTestFinder.tests(in: source), multiplied)
            case .python: return (PythonTestFinder.tests(in: source), multiplied)
            case .javascript, .typescript: return (JavaScriptTestFinder.tests(in: source), multiplied)
            }
        }
        var unterminated = masked.unterminated
        unterminated?.offset += markLength
        return (tests, unterminated, multiplied)
    }
}
