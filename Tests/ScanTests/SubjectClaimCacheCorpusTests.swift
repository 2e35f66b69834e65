import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// The development corpus (`../shared/corpus/`, beside the project) as proof that subjects kept
/// by commit give what reading every subject gives on real histories: each bundle is cloned, its
/// subjects kept as of a few commits back, and the whole history's subjects then read through
/// the cache. Skipped where the corpus is not there.
struct SubjectClaimCacheCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var bundles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".bundle") }.sorted()
    }

    @Test(.enabled(if: !bundles.isEmpty, "no corpus beside the project"))
    func keptSubjectsGiveWhatReadingEverySubjectGives() throws {
        let extractor = try ClaimExtractor(ids: TaskIDPattern(), tasks: [], phases: [])
        var reused = 0
        for bundle in Self.bundles {
            let clone = try TemporaryFolder()
            let path = clone.path + "/repo"
            _ = try GitFixture.git(["clone", "-q", Self.corpus.appendingPathComponent(bundle).path, path], in: clone.path)
            let whole = try #require(try HistoryScanner(repositoryPath: path, cachePath: clone.path + "/history").scan())
            let expected = extractor.extract(subjectsOf: whole.commits)
            for back in [1, 5, 20] {
                let cache = SubjectClaimCache(
                    beside: DocumentClaimCache(
                        directory: clone.path + "/cache-\(back)", boundary: WriteBoundary(root: clone.path, name: "folder"),
                        salt: "corpus"))
                // A first-parent line shorter than `back` has no such commit.
                guard let earlier = try? HistoryScanner(
                    repositoryPath: path, cachePath: clone.path + "/history", startRevision: "HEAD~\(back)"
                ).scan() else { continue }
                _ = cache.claims(of: earlier, extractor: extractor)
                let kept = try #require(
                    FileManager.default.contents(atPath: cache.file).flatMap {
                        SubjectClaimCache.entry(in: [UInt8]($0), key: cache.key(fingerprint: extractor.fingerprint))
                    })
                if SubjectClaimCache.commitsHeld(by: kept, in: whole) != nil { reused += 1 }
                let result = cache.claims(of: whole, extractor: extractor)
                #expect(result.claims == expected.claims, "\(bundle), kept as of HEAD~\(back)")
                #expect(result.findings == expected.findings, "\(bundle), kept as of HEAD~\(back)")
            }
        }
        // Real histories fast-forward: the kept subjects were used, not read again, in most cases.
        #expect(reused >= Self.bundles.count)
    }
}
