import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Line counts read from tables and bounded figures (`750+`, `~200`, `38K`), and the evidence
/// each is given: the file as the document's commit had it, or the lines a commit added.
struct LineTableClaimTests {
    static let task = TaskRecord(id: "TN-099", phase: "13", directories: ["tasks/TN-099-redis"])
    static let phase = Phase(id: "13", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-099"])

    func extract(_ markdown: String, file: String = "tasks/TN-099-redis/REPORT.md") throws -> [Claim] {
        try ClaimExtractor(ids: try TaskIDPattern(), tasks: [Self.task], phases: [Self.phase])
            .claims(inMarkdown: markdown, file: file)
    }

    func loc(_ markdown: String, file: String = "tasks/TN-099-redis/REPORT.md") throws -> [Claim] {
        try extract(markdown, file: file).filter { $0.kind == .loc }
    }

    // MARK: Bounds and units

    @Test func boundsAreCarriedIntoTheClaim() throws {
        let claims = try loc("""
            - `Analyzer.ts` (750+ lines)
            - `job.go` (~200 LOC)
            - `types.ts` (255 lines)
            - `big.ts`: more than 1,000 lines
            - `small.ts`: около 40 строк
            """)
        #expect(claims.map(\.claimed) == [750, 200, 255, 1_000, 40])
        #expect(claims.map(\.bound) == [.atLeast, .about, nil, .atLeast, .about])
    }

    @Test func thousandsAreReadAndKilobytesAreNoLines() throws {
        let claims = try loc("The whole codebase has 38K LOC, in 38 K lines; the bundle is 77 KB and the log 12KB.")
        #expect(claims.map(\.claimed) == [38_000, 38_000])
        #expect(try loc("Bundle size: 77 KB (gzip 20 KB).").isEmpty)
    }

    // MARK: Tables

    @Test func aFileTableUnderALinesHeaderGivesOneClaimPerRow() throws {
        let claims = try loc("""
            | File | Lines | Purpose |
            |------|-------|---------|
            | `helm/chart/values.yaml` | 40 | defaults |
            | [values.schema.json](helm/chart/values.schema.json) | ~120 | schema |
            | README.md | 750+ | docs |
            | the chart and its values.yaml | 50 | more than a path |
            | **Total** | 960 | |
            """)
        #expect(claims.map(\.subject) == ["helm/chart/values.yaml", "helm/chart/values.schema.json", "README.md"])
        #expect(claims.map(\.claimed) == [40, 120, 750])
        #expect(claims.map(\.bound) == [nil, .about, .atLeast])
        #expect(claims.map(\.text) == ["helm/chart/values.yaml | 40", "values.schema.json | ~120", "README.md | 750+"])
        #expect(claims.allSatisfy { $0.task == "TN-099" && $0.claimedValue == nil })
        #expect(claims.first?.source == .file("tasks/TN-099-redis/REPORT.md", line: 3))
    }

    @Test func aRussianHeaderIsRead() throws {
        let claims = try loc("""
            | Файл | Строк |
            |------|-------|
            | `src/parser.go` | 150 |
            """)
        #expect(claims.map(\.subject) == ["src/parser.go"])
        #expect(claims.map(\.claimed) == [150])
    }

    @Test func columnsOfChangesOrCoverageAreNoFileLengths() throws {
        #expect(try loc("""
            | File | Lines added |
            |------|-------------|
            | `a.go` | 40 |
            """).isEmpty)
        #expect(try loc("""
            | File | Lines removed |
            |------|---------------|
            | `a.go` | 40 |
            """).isEmpty)
        #expect(try loc("""
            | File | Lines | Branches |
            |------|-------|----------|
            | `a.go` | 85 | 70 |
            """).isEmpty)
        #expect(try loc("""
            | File | Lines |
            |------|-------|
            | `a.go` | 85% |
            """).isEmpty)
    }

    @Test func aHistoryTableGivesTheLinesEachCommitAdded() throws {
        let claims = try loc("""
            | Commit | Message | Lines |
            |--------|---------|-------|
            | `d0f4f7e` | feat: parser | 538 |
            | 1a2b3c4d | fix: lexer | +12 |
            | merge | – | 40 |
            """)
        #expect(claims.map(\.claimedValue) == ["d0f4f7e", "1a2b3c4d"])
        #expect(claims.map(\.subject) == [nil, nil])
        #expect(claims.map(\.claimed) == [538, 12])
        #expect(claims.map(\.text) == ["d0f4f7e | 538", "1a2b3c4d | +12"])
        // The commit cell is still a commit reference.
        #expect(try extract("""
            | Commit | Lines added |
            |--------|-------------|
            | d0f4f7e | 538 |
            """).map(\.kind) == [.loc, .commitRef])
    }

    // MARK: Evidence

    /// A repository whose report was committed before one file was changed and another created.
    func history() throws -> (GitRepositoryBuilder, first: String, facts: ClaimFacts) {
        let repository = try GitRepositoryBuilder()
        let lines = { (count: Int) in (1...count).map { "line \($0)" }.joined(separator: "\n") + "\n" }
        try repository.write("tasks/TN-099-redis/helm/values.yaml", lines(40))
        try repository.write("tasks/TN-099-redis/main.go", lines(100))
        try repository.write("tasks/TN-099-redis/REPORT.md", "# Report\n")
        let first = try repository.commit("TN-099: chart and report")
        // The file grows after the report was written; a new file appears.
        try repository.write("tasks/TN-099-redis/helm/values.yaml", lines(90))
        try repository.write("tasks/TN-099-redis/pod.go", lines(369))
        try repository.commit("TN-099: more values")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: nil, repository: repository.path)
        return (repository, first, facts)
    }

    func fileClaim(_ subject: String, _ claimed: Double, bound: ClaimBound? = nil) -> Claim {
        Claim(
            kind: .loc, text: subject, source: .file("tasks/TN-099-redis/REPORT.md", line: 3), task: "TN-099",
            subject: subject, claimed: claimed, bound: bound)
    }

    @Test func aFileThatChangedSinceTheDocumentIsCountedAsTheDocumentsCommitHadIt() throws {
        let (repository, first, facts) = try history()
        let claims = withExtendedLifetime(repository) {
            facts.apply(to: [fileClaim("helm/values.yaml", 40), fileClaim("main.go", 100)])
        }
        #expect(claims[0].verified == 40)
        #expect(claims[0].verifiedValue == "tasks/TN-099-redis/helm/values.yaml")
        #expect(claims[0].evidenceBasis == ClaimEvidenceBasis(.documentCommit, commit: first))
        // Unchanged since: counted in the work tree, with nothing to say about it.
        #expect(claims[1].verified == 100)
        #expect(claims[1].evidenceBasis == nil)
    }

    @Test func aFileTheDocumentsCommitDidNotHaveGetsNoCount() throws {
        let (repository, first, facts) = try history()
        let claim = withExtendedLifetime(repository) { facts.apply(to: [fileClaim("pod.go", 150, bound: .about)])[0] }
        #expect(claim.verified == nil)
        #expect(claim.verifiedValue == "tasks/TN-099-redis/pod.go")
        #expect(claim.evidenceBasis == ClaimEvidenceBasis(.absentAtDocumentCommit, commit: first))
    }

    @Test func aDocumentEditedSinceItsCommitIsComparedWithTheWorkTree() throws {
        let (repository, _, facts) = try history()
        try repository.write("tasks/TN-099-redis/REPORT.md", "# Report\n\nrewritten\n")
        let claims = facts.apply(to: [fileClaim("helm/values.yaml", 90), fileClaim("pod.go", 369)])
        #expect(claims.map(\.verified) == [90, 369])
        #expect(claims.map(\.evidenceBasis) == [nil, nil])
    }

    @Test func withoutARepositoryToReadTheWorkTreeIsCounted() throws {
        let (repository, _, _) = try history()
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: nil,
            association: nil)
        #expect(facts.apply(to: [fileClaim("helm/values.yaml", 40)])[0].verified == 90)
    }

    @Test func aBareNameSeveralTaskFilesShareIsAmbiguous() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-099-redis/REPORT.md", "# Report\n")
        try repository.write("charts/a/values.yaml", "a: 1\n")
        try repository.write("charts/b/values.yaml", "b: 1\n")
        try repository.write("values.yaml", "root: 1\n")
        try repository.commit("TN-099: charts")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let association = TaskAssociation(history: history, tasks: ["TN-099"], ids: try TaskIDPattern())
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: association, repository: repository.path)
        let claims = facts.apply(to: [fileClaim("values.yaml", 1), fileClaim("charts/a/values.yaml", 1)])
        #expect(claims[0].verified == nil)
        #expect(claims[0].evidenceBasis == ClaimEvidenceBasis(.ambiguousPath))
        #expect(claims[1].verified == 1)
        #expect(claims[1].verifiedValue == "charts/a/values.yaml")
    }

    @Test func historyRowsAreGivenTheLinesTheirCommitAdded() throws {
        let (repository, first, facts) = try history()
        let second = try GitFixture.gitLine(["rev-parse", "HEAD"], in: repository.path)
        func row(_ prefix: String) -> Claim {
            Claim(
                kind: .loc, text: prefix, source: .file("docs/HISTORY.md", line: 3), claimed: 1, claimedValue: prefix)
        }
        let claims = facts.apply(to: [row(String(first.prefix(7))), row(String(second.prefix(8)).uppercased()), row("fffffff")])
        // 40 + 100 + 1 lines, then 50 more values and 369 of the new file.
        #expect(claims.map(\.verified) == [141, 419, nil])
        #expect(claims.map(\.verifiedValue) == [first, second, nil])
        #expect(claims[2].evidenceBasis == ClaimEvidenceBasis(.unknownCommit, commit: "fffffff"))
    }

    @Test func aPathIsTriedFromTheTaskFolderThenTheTasksFilesThenTheRoot() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("values.yaml", "root: 1\n")
        try repository.write("README.md", "# Readme\n")
        try repository.commit("Initial")
        try repository.write("tasks/TN-099-redis/notes.md", "a\nb\n")
        try repository.write("deploy/redis/values.yaml", "a: 1\nb: 2\nc: 3\n")
        try repository.commit("TN-099: Redis values")
        try repository.write("tasks/TN-099-redis/README.md", "# Task\nreadme\n")
        try repository.commit("Unrelated readme")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let association = TaskAssociation(history: history, tasks: ["TN-099"], ids: try TaskIDPattern())
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: association,
            workTree: ["README.md", "deploy/redis/values.yaml", "tasks/TN-099-redis/README.md", "tasks/TN-099-redis/notes.md", "values.yaml"],
            repository: repository.path)
        func claim(_ subject: String, task: String?) -> Claim {
            Claim(kind: .loc, text: subject, source: .file("docs/SUMMARY.md", line: 1), task: task, subject: subject, claimed: 1)
        }
        let claims = facts.apply(to: [
            claim("README.md", task: "TN-099"), claim("values.yaml", task: "TN-099"), claim("values.yaml", task: nil),
            claim("notes.md", task: nil),
        ])
        // The task's folder, then a file the task's commits touched, before the root; a claim of no
        // task goes to the root first, then to the work tree by name.
        #expect(claims.map(\.verifiedValue) == [
            "tasks/TN-099-redis/README.md", "deploy/redis/values.yaml", "values.yaml", "tasks/TN-099-redis/notes.md",
        ])
        #expect(claims.map(\.verified) == [2, 3, 1, 2])
    }
}
