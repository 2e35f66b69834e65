import PropertyBased
import Testing
@testable import Scan

/// ASCII runs of paths are kept by the hash of their bytes, the others as texts: a path written
/// in another Unicode spelling (a decomposed `é`) is still the same path, an ASCII run of a path
/// that is not ASCII is still found, and a run no path ends with is not found by its hash.
struct PathSuffixIndexSpellingTests {
    @Test func spellingsAndMixedPathsAnswerAsASearchWould() async {
        let parts = ["a", "b.md", "\u{E9}", "e\u{301}", "\u{E9}.md", "e\u{301}.md", "docs", "файл.md"]
        let path = Gen.int(in: 0...7).array(of: 1...4).map { $0.map { parts[$0] }.joined(separator: "/") }
        await propertyCheck(count: 500, input: path.array(of: 0...10), path) { paths, suffix in
            let index = PathSuffixIndex(paths)
            #expect(index.match(suffix) == PathSuffixIndexTests.linear(Set(paths), suffix), "\(paths) \(suffix)")
        }
    }

    @Test func anASCIIRunOfAPathThatIsNotIsFound() {
        let index = PathSuffixIndex(["доки/design.md", "src/main.go"])
        #expect(index.match("design.md") == .one("доки/design.md"))
        #expect(index.match("доки/design.md") == .one("доки/design.md"))
        #expect(index.match("main.go") == .one("src/main.go"))
        #expect(index.match("ain.go") == nil)
        #expect(index.match("rc/main.go") == nil)
        #expect(index.match("") == nil)
    }
}
