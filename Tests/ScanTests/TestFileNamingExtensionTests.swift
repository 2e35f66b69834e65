import PropertyBased
import Testing
@testable import Scan

/// `TestFileNaming.language(of:)` tells most files apart by their extension's bytes before
/// splitting the path: it must answer as the components alone do, whatever the path.
struct TestFileNamingExtensionTests {
    /// Parts that make test names, near misses, hidden and dependency folders, trailing slashes
    /// and characters that combine with the dot before them.
    static let parts = [
        "a", "tests", "Tests", "__tests__", ".build", "node_modules", "testdata", "x_test.go", "_x_test.go", "AppTests.swift",
        "x.swift", "test_x.py", "x_test.py", "x.py", "x.test.ts", "x.spec.js", "x.d.ts", "x.ts", "x.mjs", "x.tsx.md", "x.go",
        "x.\u{301}ts", "x.py\u{301}", "é.test.js", "", "x.", ".", "go", "x.test.cts",
    ]
    static let path = Gen.int(in: 0...(parts.count - 1)).array(of: 1...4).map { $0.map { parts[$0] }.joined(separator: "/") }

    @Test func answersAsTheComponentsDo() async {
        await propertyCheck(count: 3_000, input: Self.path, Gen.int(in: 0...2)) { path, slashes in
            let written = path + String(repeating: "/", count: slashes)
            #expect(TestFileNaming.language(of: written) == TestFileNaming.languageByComponents(of: written), "\(written)")
        }
    }

    @Test func everyTestNameHasATestExtension() {
        for path in ["pkg/x_test.go", "Tests/AppTests/AppTests.swift", "tests/test_a.py", "src/__tests__/a.tsx", "a.spec.mts", "a/x_test.py/"] {
            #expect(TestFileNaming.hasTestExtension(path), "\(path)")
            #expect(TestFileNaming.language(of: path) != nil, "\(path)")
        }
        for path in ["README.md", "src/x.go.txt", "x", "a.b/c", "tests/", "x.ts/readme"] {
            #expect(!TestFileNaming.hasTestExtension(path), "\(path)")
        }
    }
}
