import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// The evidence stage with its cache (`EvidenceCollector` with an `EvidenceCache`): what it
/// collects is what it collects without one, and files read before are taken from the cache.
struct EvidenceCacheCollectionTests {
    static let junit = """
        <testsuite name="cache" tests="2" failures="1">
          <testcase classname="cache" name="get" file="src/cache_test.go"/>
          <testcase classname="cache" name="evict"><failure message="evicted too early"/></testcase>
        </testsuite>
        """

    func repository() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", "# Tasks\n## Phase 1: Cache\n- [x] **TN-099** LRU cache\n")
        try folder.write("results/junit.xml", Self.junit)
        try folder.write("src/cache.go", "package cache\n\n// TODO(TN-099): evict by size\nfunc Get() {}\n")
        try folder.write("src/cache_test.go", "package cache\nfunc TestGet(t *testing.T) {}\nfunc TestEvict(t *testing.T) {}\n")
        return folder
    }

    func collect(_ folder: TemporaryFolder, cache: EvidenceCache?) -> EvidenceCollection {
        let tree = RepositoryTree(root: folder.path)
        return EvidenceCollector(tree: tree, configuration: Configuration(), helm: nil, cache: cache)
            .collect(WorkTreeFiles(tree: tree, reportsFolder: "reports"))
    }

    /// What a collection holds, each part comparable.
    func parts(_ collection: EvidenceCollection) -> [String] {
        collection.results.flatMap(EvidenceCacheTests.parts) + [
            "\(collection.inventory)", "\(collection.inventoryProblems)", "\(collection.stubMarkers)", "\(collection.examined)",
        ]
    }

    @Test func aCollectionWithTheCacheIsTheOneWithoutAndUsesWhatWasKept() throws {
        let folder = try repository()
        // Past the racy window, so that what is read now may be kept.
        Thread.sleep(forTimeInterval: FileSignature.racyWindow + 0.2)
        // Outside the work tree, as `.git/phasecert` is to discovery.
        let elsewhere = try TemporaryFolder()
        defer { withExtendedLifetime(elsewhere) {} }
        let cache = EvidenceCache(directory: elsewhere.path + "/cache", boundary: WriteBoundary(root: elsewhere.path, name: "folder"), salt: "b")
        let plain = parts(collect(folder, cache: nil))
        #expect(plain.contains { $0.contains("evicted too early") })
        #expect(parts(collect(folder, cache: cache)) == plain)
        let kept = cache.load()
        #expect(Set(kept.results.keys) == ["results/junit.xml"])
        #expect(Set(kept.sources.keys) == ["src/cache.go", "src/cache_test.go"])
        #expect(parts(collect(folder, cache: cache)) == plain)

        // Proof that the kept values are used: one changed in the cache comes back as it is.
        var tampered = kept
        let entry = try #require(kept.sources["src/cache_test.go"])
        tampered.sources["src/cache_test.go"]?.json = Array(String(decoding: entry.json, as: UTF8.self)
            .replacingOccurrences(of: "TestEvict", with: "TestKept").utf8)
        try cache.save(tampered)
        #expect(collect(folder, cache: cache).inventory.flatMap(\.tests).map(\.name).contains("TestKept"))

        // A file written again is read again.
        try folder.write("src/cache_test.go", "package cache\nfunc TestGet(t *testing.T) {}\nfunc TestEvict(t *testing.T) {}\n")
        #expect(parts(collect(folder, cache: cache)) == plain)
    }
}
