import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

struct StubMarkerCollectionTests {
    func repository() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", """
            # Tasks
            ## Phase 1: Cache
            - [x] **TN-099** LRU cache
            - [ ] **TN-100** Metrics
            """)
        try folder.write("src/cache.go", """
            package cache

            // TODO(TN-099): evict by size
            func Get() {}
            // FIXME TN-555 a task nobody has
            // todo: handle utf-8 names
            """)
        try folder.write("src/cache_test.go", """
            package cache
            // HACK: TN-100 flaky on CI
            func TestGet(t *testing.T) {}
            """)
        try folder.write("a/b.py", "# TODO tn-99 spelled loosely\n")
        try folder.write("vendor/lib.go", "// TODO TN-099 vendored code\n")
        try folder.write("README.md", "TODO TN-099 in prose is not a comment in source\n")
        return folder
    }

    func scan(_ folder: TemporaryFolder, exclude: [String] = []) throws -> Workspace {
        var configuration = Configuration()
        configuration.evidence.exclude = exclude
        return try WorkspaceScanner(repository: folder.path, configuration: configuration).scan()
    }

    @Test func markersOfKnownTasksLandSortedByFileThenLine() throws {
        let workspace = try scan(try repository(), exclude: ["vendor/**"])
        #expect(workspace.stubMarkers.map { "\($0.file):\($0.line) \($0.marker) \($0.task)" } == [
            "a/b.py:1 TODO TN-099",
            "src/cache.go:3 TODO TN-099",
            "src/cache_test.go:2 HACK TN-100",
        ])
        #expect(workspace.stubMarkers.first?.text == "TODO tn-99 spelled loosely")
    }

    @Test func unknownIdsAreDropped() throws {
        let workspace = try scan(try repository())
        let tasks = Set(workspace.stubMarkers.map(\.task))
        #expect(tasks == ["TN-099", "TN-100"])
        #expect(!workspace.stubMarkers.contains { $0.line == 5 || $0.line == 6 })
    }

    @Test func excludedFilesAreNotSearchedButOthersAre() throws {
        let folder = try repository()
        #expect(try scan(folder).stubMarkers.contains { $0.file == "vendor/lib.go" })
        #expect(try !scan(folder, exclude: ["vendor/**"]).stubMarkers.contains { $0.file == "vendor/lib.go" })
    }

    @Test func aTestFileGivesBothItsTestsAndItsMarkers() throws {
        let workspace = try scan(try repository())
        #expect(workspace.tests?.defined == 1)
        #expect(workspace.stubMarkers.contains { $0.file == "src/cache_test.go" })
    }

    @Test func aSourceFileOverTheSizeLimitIsSkipped() throws {
        let folder = try repository()
        var big = Data("// TODO TN-099 at the top of a generated file\n".utf8)
        big.append(Data(repeating: UInt8(ascii: "x"), count: EvidenceCollector.stubMarkerSizeLimit))
        try folder.write("gen/bundle.js", data: big)
        try folder.write("gen/small.js", "// TODO TN-099 small\n")
        let files = try scan(folder).stubMarkers.map(\.file)
        #expect(!files.contains("gen/bundle.js"))
        #expect(files.contains("gen/small.js"))
    }

    @Test func aWorkspaceWithoutSourceHasNoMarkers() throws {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", "## Phase 1: X\n- [ ] **TN-001** Y\n")
        #expect(try scan(folder).stubMarkers.isEmpty)
    }
}
