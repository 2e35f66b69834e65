import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// A test file named in a document and renamed since is counted at the document's commit under
/// the name it had then, not taken for a file that did not exist yet.
struct RenamedTestFileVerdictTests {
    private static func goTests(_ names: [String]) -> String {
        "package store\n\nimport \"testing\"\n\n" + names.map { "func Test\($0)(t *testing.T) {\n}\n" }.joined(separator: "\n")
    }

    private func count(in document: String, line: Int, of repository: GitRepositoryBuilder) throws -> Claim {
        try #require(try AuditedClaims.of(repository).first {
            $0.kind == .testCount && $0.source.file == document && $0.source.line == line
        })
    }

    @Test(arguments: [(3, PhaseModel.Verdict.verified), (4, .contradicted)])
    func aFileMovedSinceIsCountedUnderItsNameThen(claimed: Int, verdict: PhaseModel.Verdict) throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("NOTES.md", "# Notes\n\n- `cache_test.go`: \(claimed) tests\n")
        let first = try repository.commit("test: cache")
        try FileManager.default.createDirectory(atPath: repository.path + "/internal", withIntermediateDirectories: true)
        try repository.git(["mv", "store", "internal/store"])
        try repository.commit("refactor: move the store")
        try repository.write("internal/store/cache_test.go", Self.goTests(["Get", "Put", "Evict", "Size", "Clear"]))
        try repository.commit("test: two more")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == verdict)
        #expect(claim.verified == 3)
        #expect(claim.evidenceBasis?.kind == .testFile && claim.evidenceBasis?.commit == first)
        #expect(claim.note?.en.contains("did not exist") != true)
    }

    @Test func aPathWrittenBeforeTheFileHadItIsStillAPlan() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("NOTES.md", "# Notes\n\n- `internal/store/cache_test.go`: 4 tests\n")
        try repository.commit("test: cache")
        try FileManager.default.createDirectory(atPath: repository.path + "/internal", withIntermediateDirectories: true)
        try repository.git(["mv", "store", "internal/store"])
        try repository.commit("refactor: move the store")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en.contains("did not exist at commit") == true)
    }
}
