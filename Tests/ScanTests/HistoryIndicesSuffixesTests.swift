import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// The index of every path the history had by its trailing components is built once with the
/// history's indices, and the facts' lookups start with it instead of building their own.
struct HistoryIndicesSuffixesTests {
    @Test func theIndicesHoldTheHistorysPathsByTheirEnds() throws {
        let (repository, _, facts) = try ClaimFactsBlobKeyTests().fixture()
        defer { withExtendedLifetime(repository) {} }
        let history = try #require(facts.history)
        let indices = HistoryIndices(of: history)
        #expect(indices.historySuffixes.match("TN-099-redis/lexer.py") == .one("tasks/TN-099-redis/lexer.py"))
        #expect(indices.historySuffixes.match("lexer.py") == PathSuffixIndex(indices.paths.paths).match("lexer.py"))
        #expect(indices.historySuffixes.match("gone/lexer.py") == nil)

        let lookup = ClaimFacts.Lookup(facts: facts, indices: indices)
        #expect(lookup.historySuffixes?.match("TN-099-redis/lexer.py") == .one("tasks/TN-099-redis/lexer.py"))
        // Without the indices the lookup builds it on first need, as before.
        #expect(ClaimFacts.Lookup(facts: facts).historySuffixes == nil)
    }
}
