import Foundation
import FuzzSupport
import Scan

/// Test files of each language the inventory reads; the input's length picks one.
let testFilePaths = [
    "pkg/calc/calc_test.go", "Tests/CalcTests/CalcTests.swift", "tests/test_calc.py", "src/calc.test.js",
    "src/calc.spec.ts", "src/__tests__/calc.jsx",
]

/// The test-inventory lexers (Go, Swift, Python, JavaScript/TypeScript) on any bytes: every test
/// found must sit on a line the file has, and reading valid UTF-8 as bytes or as a string must
/// find the same tests.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestInventory(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let path = testFilePaths[count % testFilePaths.count]
    let (file, _) = TestInventory.scan(data: data, path: path)
    guard let file else { return 0 }
    let lines = 1 + data.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    for test in file.tests {
        fuzzCheck(test.line >= 1 && test.line <= lines, "test '\(test.name)' at line \(test.line) of \(lines)")
    }
    if let text = String(data: data, encoding: .utf8), let language = TestInventory.language(ofTestFile: path) {
        let fromText = TestInventory.scan(text, path: path, language: language)
        fuzzCheck(fromText.tests == file.tests, "bytes found \(file.tests.count) tests, text \(fromText.tests.count)")
    }
    return 0
}
