import Testing
@testable import Scan

struct TestInventoryFileNamingTests {
    @Test(arguments: [
        ("pkg/math_test.go", TestLanguage.go),
        ("math_test.go", .go),
        ("Tests/ScanTests/Helpers.swift", .swift),
        ("App/AppTests/Helpers.swift", .swift),
        ("Sources/App/ParserTests.swift", .swift),
        ("Sources/App/ParserTest.swift", .swift),
        ("test_math.py", .python),
        ("pkg/math_test.py", .python),
        ("src/math.test.js", .javascript),
        ("src/math.spec.jsx", .javascript),
        ("src/math.test.mjs", .javascript),
        ("src/math.test.cjs", .javascript),
        ("src/__tests__/math.js", .javascript),
        ("src/math.test.ts", .typescript),
        ("src/math.spec.tsx", .typescript),
        ("src/math.test.mts", .typescript),
        ("src/__tests__/deep/math.ts", .typescript),
    ])
    func testFilesAreRecognizedByName(path: String, language: TestLanguage) {
        #expect(TestInventory.language(ofTestFile: path) == language)
    }

    @Test(arguments: [
        "pkg/math.go", "pkg/_math_test.go", "pkg/.math_test.go", "pkg/testdata/math_test.go",
        "Sources/App/Parser.swift", "Tests/README.md",
        "tests/helpers.py", "tests/conftest.py", "math_tests.py", "testing.py",
        "src/math.js", "src/test.js", "src/.test.js", "src/math.test.d.ts", "src/__tests__/types.d.ts", "src/math.test.json",
        "node_modules/lib/math.test.js", ".build/checkouts/dep/Tests/DepTests/ATests.swift", "venv/.hidden/test_a.py", "",
    ])
    func otherFilesAreNot(path: String) {
        #expect(TestInventory.language(ofTestFile: path) == nil)
    }
}
