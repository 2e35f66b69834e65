import Testing
@testable import Scan

struct GlobTests {
    @Test(arguments: [
        ("**/*.xml", "a/b/c.xml", true), ("**/*.xml", "c.xml", true), ("**/*.xml", "c.xmlx", false),
        ("results/*.xml", "results/a.xml", true), ("results/*.xml", "results/x/a.xml", false),
        ("build/**", "build/a/b", true), ("build/**", "builder/a", false),
        ("TEST-*.xml", "deep/down/TEST-cart.xml", true), ("TEST-*.xml", "deep/TEST-cart.json", false),
        ("**/*REPORT*.md", "tasks/TN-1/PHASE-REPORT.md", true), ("a?c", "abc", true), ("a?c", "ac", false),
        ("[ab]*.txt", "b1.txt", true), ("[!ab]*.txt", "b1.txt", false), ("[a-c].txt", "b.txt", true),
        ("./x/*.out", "x/cover.out", true), ("**/reports/**/*.xml", "a/reports/b/c/d.xml", true),
        ("*[.txt", "a[.txt", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test func literalPrefixIsTheFolderBeforeTheFirstWildcard() {
        #expect(Glob(".build/test-results/*.xml").literalPrefix == ".build/test-results")
        #expect(Glob("**/*.xml").literalPrefix == "")
        #expect(Glob("TEST-*.xml").literalPrefix == "")
        #expect(Glob("reports/junit.xml").literalPrefix == "reports")
    }
}
