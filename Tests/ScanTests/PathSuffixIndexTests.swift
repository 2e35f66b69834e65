import PropertyBased
import Testing
@testable import Scan

struct PathSuffixIndexTests {
    /// What the index must answer, found the slow way: every path equal to the suffix or ending
    /// with `/` and the suffix.
    static func linear(_ paths: Set<String>, _ suffix: String) -> PathSuffixIndex.Match? {
        let matches = paths.filter { $0 == suffix || $0.hasSuffix("/" + suffix) }
        if matches.count == 1, let only = matches.first { return .one(only) }
        return matches.isEmpty ? nil : .several
    }

    @Test func aNameOrTrailingFoldersFindTheOnePathOrSeveral() {
        let index = PathSuffixIndex(["tasks/a/design.md", "tasks/b/design.md", "src/x.go", "xa/b.md", "src/x.go"])
        #expect(index.match("x.go") == .one("src/x.go"))
        #expect(index.match("design.md") == .several)
        #expect(index.match("a/design.md") == .one("tasks/a/design.md"))
        #expect(index.match("a/b.md") == nil, "a suffix starts at a folder boundary")
        #expect(index.match("esign.md") == nil)
        #expect(index.contains("src/x.go"))
        #expect(!index.contains("x.go"))
    }

    @Test func answersAsASearchThroughEveryPathWould() async {
        let parts = ["a", "b", "c.md", "d.go", "é", "a.b"]
        let path = Gen.int(in: 0...5).array(of: 1...4).map { $0.map { parts[$0] }.joined(separator: "/") }
        await propertyCheck(input: path.array(of: 0...12), path) { paths, suffix in
            let index = PathSuffixIndex(paths)
            #expect(index.match(suffix) == Self.linear(Set(paths), suffix), "\(paths) \(suffix)")
            #expect(index.contains(suffix) == paths.contains(suffix))
        }
    }
}
