import Testing

@testable import Scan

/// A lookup keeps the path indices of the last few scopes only: what it keeps must be what was
/// used last, and a scope dropped must be built again rather than answered wrongly.
@Suite struct RecentScopeIndicesTests {
    private func scope(_ task: String) -> ClaimScope { ClaimScope(task: task, phase: "1") }
    private func index(_ path: String) -> PathSuffixIndex { PathSuffixIndex([path]) }

    @Test func keepsTheLastUsedUpToItsCapacity() {
        var recent = RecentScopeIndices(capacity: 2)
        recent.keep(index("a/x.md"), for: scope("A"))
        recent.keep(index("b/x.md"), for: scope("B"))
        recent.keep(index("c/x.md"), for: scope("C"))
        #expect(recent.scopes == [scope("B"), scope("C")])
        #expect(recent.index(of: scope("A")) == nil)
        #expect(recent.index(of: scope("C"))?.match("x.md") == .one("c/x.md"))
    }

    @Test func aScopeUsedAgainIsKeptOverOlderOnes() {
        var recent = RecentScopeIndices(capacity: 2)
        recent.keep(index("a/x.md"), for: scope("A"))
        recent.keep(index("b/x.md"), for: scope("B"))
        #expect(recent.index(of: scope("A"))?.match("x.md") == .one("a/x.md"))
        recent.keep(index("c/x.md"), for: scope("C"))
        #expect(recent.scopes == [scope("A"), scope("C")])
        #expect(recent.index(of: scope("B")) == nil)
    }

    @Test func keepingAScopeAgainReplacesItsIndex() {
        var recent = RecentScopeIndices(capacity: 3)
        recent.keep(index("a/x.md"), for: scope("A"))
        recent.keep(index("b/x.md"), for: scope("B"))
        recent.keep(index("a/y/x.md"), for: scope("A"))
        #expect(recent.scopes == [scope("B"), scope("A")])
        #expect(recent.index(of: scope("A"))?.match("x.md") == .one("a/y/x.md"))
    }
}
