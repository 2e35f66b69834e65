import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// Test counts judged end to end against the tests a named file defines at the commit that
/// wrote the line, or the tests that commit added, on fixture repositories built here.
struct TestDefinitionVerdictTests {
    private func audit(_ repository: GitRepositoryBuilder) throws -> [Claim] {
        try AuditedClaims.of(repository)
    }

    /// The test count stated on `line` of `document`.
    private func count(in document: String, line: Int, of repository: GitRepositoryBuilder) throws -> Claim {
        try #require(try audit(repository).first {
            $0.kind == .testCount && $0.source.file == document && $0.source.line == line
        })
    }

    private static func goTests(_ names: [String], subtests: Bool = false) -> String {
        let body = subtests ? "\tt.Run(\"case\", func(t *testing.T) {})\n" : ""
        return "package store\n\nimport \"testing\"\n\n" + names.map { "func Test\($0)(t *testing.T) {\n\(body)}\n" }.joined(separator: "\n")
    }

    private static func pythonTests(_ names: [String]) -> String {
        names.map { "def test_\($0)():\n    assert True\n" }.joined(separator: "\n")
    }

    @Test func aCountOfTheNamedFileIsVerifiedByItsDefinitions() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("NOTES.md", "# Notes\n\n- `store/cache_test.go` - 3 tests for the cache\n")
        try repository.commit("test: cache")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 3)
        #expect(claim.verifiedValue == "store/cache_test.go")
        #expect(claim.note?.en.contains("defines 3 tests at commit") == true)
    }

    @Test func aLabelledCountOfAFileIsContradictedWhenTheFileDefinesOther() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("store/queue_test.go", Self.goTests(["Push", "Pop"]))
        try repository.write("NOTES.md", "# Notes\n\n- All unit tests pass (cache: 2 tests, queue: 2 tests)\n")
        try repository.commit("test: store")
        let claims = try audit(repository).filter { $0.kind == .testCount && $0.source.file == "NOTES.md" }
        #expect(claims.map(\.verdict) == [.contradicted, .verified])
        #expect(claims.first?.verified == 3)
    }

    @Test func aRussianCountAboveTheFilesDefinitionsIsContradicted() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tests/test_orders.py", Self.pythonTests(["create", "cancel"]))
        try repository.write("REPORT.md", "# Отчёт\n\n- `tests/test_orders.py` — 5 тестов для заказов\n")
        try repository.commit("test: orders")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 2)
        #expect(claim.note?.ru.contains("определено тестов: 2") == true)
    }

    @Test func aCountBelowTheFileNotWrittenAsItsOwnMayBeOfSomeOfItsTests() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tests/test_orders.py", Self.pythonTests(["create", "cancel", "refund", "list"]))
        try repository.write("QA.md", "# QA\n\nThree tests failed, none caused by this change:\n\n- `tests/test_orders.py` (2 tests) need a server\n")
        try repository.commit("docs: qa")
        let claim = try count(in: "QA.md", line: 5, of: repository)
        #expect(claim.verdict == .unverifiable)
    }

    @Test func newTestsAreThoseTheLinesCommitAdded() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get"]))
        try repository.write("NOTES.md", "# Notes\n\n- cache started\n")
        try repository.commit("test: cache")
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("NOTES.md", "# Notes\n\n- cache started\n- `store/cache_test.go`: 2 new tests\n- `store/cache_test.go`: 3 new tests\n")
        try repository.commit("test: cache writes")
        let claims = try audit(repository).filter { $0.kind == .testCount && $0.source.file == "NOTES.md" }
        #expect(claims.map(\.verdict) == [.verified, .contradicted])
        #expect(claims.map(\.verified) == [2, 2])
        #expect(claims.first?.evidenceBasis?.kind == .testsAdded)
    }

    @Test func russianNewTestsInATableRowAreJudgedAgainstTheCommit() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tests/test_orders.py", Self.pythonTests(["create"]))
        try repository.write("REPORT.md", "# Отчёт\n")
        try repository.commit("test: orders")
        try repository.write("tests/test_orders.py", Self.pythonTests(["create", "cancel", "refund"]))
        try repository.write("REPORT.md", "# Отчёт\n\n| Файл | Изменение |\n|---|---|\n| `tests/test_orders.py` | Добавлено 4 теста |\n")
        try repository.commit("test: orders cancel")
        let claim = try count(in: "REPORT.md", line: 5, of: repository)
        #expect(claim.subject == "new")
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 2)
        #expect(claim.note?.ru.contains("добавил в") == true)
    }

    @Test func aTestMovedFromAnotherFileIsNotNew() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put"]))
        try repository.write("NOTES.md", "# Notes\n")
        try repository.commit("test: cache")
        try repository.write("store/cache_test.go", Self.goTests(["Get"]))
        try repository.write("store/queue_test.go", Self.goTests(["Put", "Push"]))
        try repository.write("NOTES.md", "# Notes\n\n- `store/queue_test.go`: 1 new test\n")
        try repository.commit("test: queue")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 1)
    }

    @Test func newTestsWrittenUpAfterTheWorkCountWhatTheFileGainedSinceTheDocumentLastChanged() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get"]))
        try repository.write("NOTES.md", "# Notes\n")
        try repository.commit("test: cache")
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.commit("test: cache writes")
        try repository.write("NOTES.md", "# Notes\n\n- `store/cache_test.go`: 4 new tests\n")
        try repository.commit("docs: notes")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 2)
        #expect(claim.evidenceBasis?.kind == .testsAddedSince)
    }

    @Test func subtestsLeaveADifferentCountUnverifiable() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put"], subtests: true))
        try repository.write("NOTES.md", "# Notes\n\n- `store/cache_test.go`: 6 tests\n")
        try repository.commit("test: cache")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en.contains("subtests") == true)
        #expect(claim.note?.ru.contains("подтесты") == true)
    }

    @Test func newTestsNamingNoFileProveNothingUnlessTheyMatchTheCommit() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get"]))
        try repository.write("NOTES.md", "# Notes\n")
        try repository.commit("test: cache")
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("store/queue_test.go", Self.goTests(["Push", "Pop", "Peek"]))
        try repository.write("NOTES.md", "# Notes\n\n## Queue\n\n3 new tests.\n\n## Everything\n\n5 new tests.\n")
        try repository.commit("test: store")
        let claims = try audit(repository).filter { $0.kind == .testCount && $0.source.file == "NOTES.md" }
        #expect(claims.map(\.verdict) == [.unverifiable, .verified])
        #expect(claims.map(\.verified) == [5, 5])
    }

    @Test func aFileNamedBeforeItExistedWasAPlan() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("NOTES.md", "# Notes\n\n- `store/cache_test.go` - 3 tests\n")
        try repository.commit("docs: notes")
        try repository.write("store/cache_test.go", Self.goTests(["Get"]))
        try repository.commit("test: cache")
        let claim = try count(in: "NOTES.md", line: 3, of: repository)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en.contains("did not exist at commit") == true)
    }

    @Test func aCountUnderAHeadingNamingOneTestFileIsOfThatFile() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/src/cart.test.ts", "it('adds', () => {})\nit('removes', () => {})\nit('totals', () => {})\n")
        try repository.write("REVIEW.md", "# Review\n\n### cart.test.ts\n\n**Tests:** 2+ tests\n")
        try repository.commit("test: cart")
        let claim = try count(in: "REVIEW.md", line: 5, of: repository)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 3)
    }

    @Test func aCountInATickedChecklistItemWasPlannedWithIt() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("store/cache_test.go", Self.goTests(["Get", "Put", "Evict"]))
        try repository.write("tasks.md", "# Tasks\n\n- [x] Write `store/cache_test.go` (8 tests)\n")
        try repository.commit("test: cache")
        let claim = try count(in: "tasks.md", line: 3, of: repository)
        #expect(claim.evidenceBasis == nil)
        #expect(claim.verdict != .contradicted)
    }
}
