import Foundation
import PropertyBased
import Testing
@testable import Scan

struct TestInventoryRobustnessTests {
    static let paths: [TestLanguage: String] = [
        .go: "a_test.go", .swift: "Tests/ATests.swift", .python: "test_a.py", .javascript: "a.test.js", .typescript: "a.test.ts",
    ]

    @Test func emptyFilesDefineNoTestsAndRaiseNoProblem() throws {
        for language in TestLanguage.allCases {
            let path = try #require(Self.paths[language])
            let (file, problems) = TestInventory.scan(data: Data(), path: path)
            #expect(file == TestInventoryFile(path: path, language: language, tests: []))
            #expect(problems.isEmpty)
        }
    }

    @Test func binaryContentIsRefusedWithTheLineOfTheNulByte() {
        let data = Data("func TestA(t *testing.T) {}\nx\u{0}y".utf8)
        let (file, problems) = TestInventory.scan(data: data, path: "a_test.go")
        #expect(file == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.file == "a_test.go")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("binary") == true)
    }

    @Test func invalidUTF8IsScannedAndReported() throws {
        var data = Data("def test_a(): pass\n# \u{E9}\n".utf8)
        data.append(contentsOf: [0x23, 0xFF, 0x0A])
        data.append(contentsOf: Array("def test_\u{00E9}".utf8.dropLast()))
        data.append(contentsOf: Array("(): pass\n".utf8))
        let (file, problems) = TestInventory.scan(data: data, path: "test_a.py")
        let names = try #require(file).tests.map(\.name)
        #expect(names.count == 2)
        #expect(names.first == "test_a")
        #expect(names.last?.hasSuffix("\u{FFFD}") == true)
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("UTF-8") == true)
    }

    @Test func aPathThatIsNoTestFileIsNotScanned() {
        let (file, problems) = TestInventory.scan(data: Data("func TestA(t *testing.T) {}".utf8), path: "main.go")
        #expect(file == nil)
        #expect(problems.first?.file == "main.go")
    }

    @Test func byteOrderMarkIsNotContent() throws {
        let data = Data("\u{FEFF}def test_a(): pass\n".utf8)
        let (file, problems) = TestInventory.scan(data: data, path: "test_a.py")
        #expect(try #require(file).tests == [DefinedTest(name: "test_a", line: 1)])
        #expect(problems.isEmpty)
        let text = "\u{FEFF}class TestA:\n  def test_a(self): pass\n"
        #expect(TestInventory.scan(text, path: "test_a.py", language: .python).tests == [DefinedTest(name: "test_a", suite: "TestA", line: 2)])
    }

    @Test(arguments: [
        ("a_test.go", "func TestA(t *testing.T) {}\n/* open\nfunc TestB(t *testing.T) {}\n", "block comment: no closing `*/`"),
        ("a_test.go", "func TestA(t *testing.T) {}\nvar s = `open\nfunc TestB(t *testing.T) {}\n", "raw string: no closing ```"),
        ("Tests/ATests.swift", "@Test func a() {}\n/* open /* nested */\n@Test func b() {}\n", "block comment: no closing `*/`"),
        ("Tests/ATests.swift", "@Test func a() {}\nlet s = #\"\"\"\n@Test func b() {}\n", "string literal: no closing `\"\"\"#`"),
        ("Tests/ATests.swift", "@Test func a() {}\nlet r = #/\n@Test func b() {}\n", "regex literal: no closing `/#`"),
        ("test_a.py", "def test_a(): pass\nx = '''\ndef test_b(): pass\n", "string literal: no closing `'''`"),
        ("a.test.js", "it('a', () => {});\nconst s = `\nit('b', () => {});\n", "template literal: no closing ```"),
    ])
    func unterminatedCommentOrLiteralKeepsTheTestsBeforeItAndSaysWhere(path: String, text: String, what: String) throws {
        let (file, problems) = TestInventory.scan(data: Data(text.utf8), path: path)
        #expect(try #require(file).tests.count == 1)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("unterminated \(what)") == true)
    }

    @Test func unterminatedSingleLineLiteralsCostOnlyTheirLine() {
        #expect(TestInventory.scan("x := \"open\nfunc TestA(t *testing.T) {}\n", path: "a_test.go", language: .go).tests.count == 1)
        #expect(TestInventory.scan("let s = \"open\n@Test func a() {}\n", path: "Tests/A.swift", language: .swift).tests.count == 1)
        #expect(TestInventory.scan("s = 'open\ndef test_a(): pass\n", path: "test_a.py", language: .python).tests.count == 1)
        #expect(TestInventory.scan("const s = 'open\nit('a', () => {});\n", path: "a.test.js", language: .javascript).tests.count == 1)
    }

    @Test func unbalancedBracketsAndTruncatedDeclarationsDoNotCrash() {
        let texts = [
            "func", "func Test", "func TestA(", "func TestA(t *testing.", "@Test", "@Test(", "@Test func", "class A: XCTestCase {",
            "}}}}", ")))", "def", "def test_", "class TestA(", "it(", "it.each(", "test.each`", "describe('a', () => { it('b'",
            "\\", "\"", "'", "`", "#\"", "#/", "/*", "r'", "f'{", "\"\\(", "`${", "`${`",
        ]
        for text in texts {
            for language in TestLanguage.allCases {
                _ = TestInventory.scan(text, path: "x", language: language)
            }
        }
        #expect(TestInventory.scan("describe('a', () => { it('b'", path: "x", language: .javascript).tests.map(\.name) == ["b"])
    }

    @Test func randomBytesNeverCrashAnyLexer() async {
        let alphabet = Array("\"'`#/*\\(){}[]$@.,:; \n\r\tfdefuncTestitclass_=<>rb")
        let characters = Gen<Character?>.element(of: alphabet).map { $0 ?? " " }
        await propertyCheck(input: characters.string(of: 0...200)) { text in
            for language in TestLanguage.allCases {
                let file = TestInventory.scan(text, path: "x", language: language)
                let lines = text.reduce(1) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
                #expect(file.tests.allSatisfy { $0.line >= 1 && $0.line <= lines })
            }
        }
    }

    /// Not a timing assertion: a generated 5 MB file must simply finish, and the rate is printed
    /// so that a regression to quadratic time is visible.
    @Test func largeGeneratedFilesAreScannedInOnePass() {
        let chunks: [TestLanguage: String] = [
            .go: "// func TestComment(t *testing.T) {}\nfunc TestN(t *testing.T) {\n\ts := `raw`\n\tt.Log(\"x\", s)\n}\n",
            .swift: "    /* @Test func c() {} */\n    @Test(\"n\", arguments: [1]) func n(x: Int) {\n        #expect(\"\\(x)\" != \"\")\n    }\n",
            .python: "    # def test_comment(): pass\n    def test_n(self):\n        '''doc'''\n        assert f\"{1}\"\n",
            .javascript: "  // it('comment')\n  it('n', () => {\n    expect(`${a}` / 2).toBe(/re/.test('x'));\n  });\n",
        ]
        for (language, chunk) in chunks.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let repeats = 5_000_000 / chunk.utf8.count
            let prefixes: [TestLanguage: String] = [.swift: "struct S {\n", .python: "class TestS:\n", .javascript: "describe('s', () => {\n"]
            let prefix = prefixes[language] ?? ""
            let text = prefix + String(repeating: chunk, count: repeats)
            let start = Date()
            let file = TestInventory.scan(text, path: "x", language: language)
            let seconds = Date().timeIntervalSince(start)
            #expect(file.tests.count == repeats)
            print("inventory \(language.rawValue): \(text.utf8.count / 1_000_000) MB in \(String(format: "%.2f", seconds)) s")
        }
    }
}
