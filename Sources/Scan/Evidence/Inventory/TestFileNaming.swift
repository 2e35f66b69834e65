/// Which files each test runner reads, by default, from their repository-relative path.
///
/// - Go: `*_test.go`, except names starting with `_` or `.` and anything under `testdata/`
///   (the go tool ignores both).
/// - Swift: `.swift` files under a directory named `Tests` or ending in `Tests` (SwiftPM's
///   `Tests/`, Xcode's `AppTests/`), or named `*Tests.swift` / `*Test.swift`.
/// - Python: pytest's default `python_files`, `test_*.py` and `*_test.py`; not every `.py`
///   under `tests/` (helpers and `conftest.py` define no tests).
/// - JavaScript/TypeScript: Jest's and Vitest's defaults: `*.test.*` and `*.spec.*` with
///   extension `js`, `jsx`, `mjs`, `cjs` (JavaScript) or `ts`, `tsx`, `mts`, `cts`
///   (TypeScript), and any file with those extensions under `__tests__/`; never a
///   declaration file (`.d.ts`).
/// - For every language: nothing under `node_modules/` or a hidden directory (`.build/`,
///   `.venv/`): dependencies' tests are not the repository's.
enum TestFileNaming {
    static func language(of path: String) -> TestLanguage? {
        hasTestExtension(path) ? languageByComponents(of: path) : nil
    }

    /// `language(of:)` worked out from the path's components alone.
    static func languageByComponents(of path: String) -> TestLanguage? {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = components.last else { return nil }
        let directories = components.dropLast()
        if directories.contains(where: { $0.hasPrefix(".") || $0 == "node_modules" }) { return nil }

        if name.hasSuffix("_test.go") {
            if name.hasPrefix("_") || name.hasPrefix(".") || directories.contains("testdata") { return nil }
            return .go
        }
        if name.hasSuffix(".swift") {
            let isTestName = name.hasSuffix("Tests.swift") || name.hasSuffix("Test.swift")
            return isTestName || directories.contains(where: { $0.hasSuffix("Tests") }) ? .swift : nil
        }
        if name.hasSuffix(".py") {
            return name.hasPrefix("test_") || name.hasSuffix("_test.py") ? .python : nil
        }
        return scriptLanguage(name: name, underTestsFolder: directories.contains("__tests__"))
    }

    /// The extensions of every kind of file above: one of them ends the name of any file `language(of:)` gives a language.
    private static let testExtensions: Set<Substring> = ["go", "swift", "py", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"]

    /// Whether the file name ends with one of `testExtensions`, told from its bytes. Why: most
    /// files of a work tree are not tests, and splitting each path into components by character
    /// was most of finding the test files of a repository's 8,500 files after every new commit
    /// (Benchmarks/RESULTS-scale.md, twentieth round).
    static func hasTestExtension(_ path: String) -> Bool {
        let bytes = path.utf8
        var end = bytes.endIndex
        // `language(of:)` reads the last component a trailing slash leaves.
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") { end = bytes.index(before: end) }
        guard let dot = bytes[..<end].lastIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }),
            bytes[dot] == UInt8(ascii: ".")
        else { return false }
        return testExtensions.contains(path[bytes.index(after: dot)..<end])
    }

    private static let scriptExtensions: [Substring: TestLanguage] = [
        "js": .javascript, "jsx": .javascript, "mjs": .javascript, "cjs": .javascript,
        "ts": .typescript, "tsx": .typescript, "mts": .typescript, "cts": .typescript,
    ]

    private static func scriptLanguage(name: Substring, underTestsFolder: Bool) -> TestLanguage? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let fileExtension = parts.last, let language = scriptExtensions[fileExtension] else {
            return nil
        }
        if parts[parts.count - 2] == "d" { return nil }
        if underTestsFolder { return language }
        guard parts.count >= 3, !parts[0].isEmpty else { return nil }
        let marker = parts[parts.count - 2]
        return marker == "test" || marker == "spec" ? language : nil
    }
}
