import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// Files as a past commit had them are counted once per blob and path (`ClaimFacts.Lookup`):
/// two paths holding the same bytes are still counted by their own rules, and a blob seen at
/// several commits gives each the same figures.
struct ClaimFactsBlobKeyTests {
    static let task = TaskRecord(id: "TN-099", phase: "13", directories: ["tasks/TN-099-redis"])
    static let phase = Phase(id: "13", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-099"])
    /// Two lines Swift reads as comments and Python as code, one the other way round, and code.
    static let mixed = "// first\n// second\n# third\nvalue = 1\n"

    /// Both files hold `mixed` when the report is committed; both change after it, so the
    /// report's figures are compared with the files as its commit had them: one blob, two paths.
    func fixture() throws -> (GitRepositoryBuilder, first: String, facts: ClaimFacts) {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TN-099-redis/lexer.swift", Self.mixed)
        try repository.write("tasks/TN-099-redis/lexer.py", Self.mixed)
        try repository.write("tasks/TN-099-redis/REPORT.md", "# Report\n")
        let first = try repository.commit("TN-099: lexers and report")
        try repository.write("tasks/TN-099-redis/lexer.swift", Self.mixed + "more = 2\n")
        try repository.write("tasks/TN-099-redis/lexer.py", Self.mixed + "more = 2\n")
        try repository.commit("TN-099: one more line each")
        let history = try #require(try HistoryScanner(repositoryPath: repository.path).scan())
        let facts = ClaimFacts(
            tree: RepositoryTree(root: repository.path), tasks: [Self.task], phases: [Self.phase], history: history,
            association: nil, repository: repository.path)
        return (repository, first, facts)
    }

    func claim(_ subject: String, line: Int = 3) -> Claim {
        Claim(
            kind: .loc, text: subject, source: .file("tasks/TN-099-redis/REPORT.md", line: line), task: "TN-099",
            subject: subject, claimed: 4)
    }

    @Test func oneBlobAtTwoPathsIsCountedByEachPathsRules() throws {
        let (repository, first, facts) = try fixture()
        #expect(try repository.revParse("\(first):tasks/TN-099-redis/lexer.swift")
            == repository.revParse("\(first):tasks/TN-099-redis/lexer.py"))
        // Either order: whichever path is counted first must not lend the other its rules.
        for subjects in [["lexer.swift", "lexer.py"], ["lexer.py", "lexer.swift"]] {
            let claims = withExtendedLifetime(repository) { facts.apply(to: subjects.map { claim($0) }, workers: 1) }
            let byPath = Dictionary(uniqueKeysWithValues: claims.map { ($0.verifiedValue ?? "?", $0) })
            let swift = try #require(byPath["tasks/TN-099-redis/lexer.swift"])
            let python = try #require(byPath["tasks/TN-099-redis/lexer.py"])
            for claim in [swift, python] {
                #expect(claim.verified == 4)
                #expect(claim.evidenceBasis == ClaimEvidenceBasis(.documentCommit, commit: first))
            }
            #expect(swift.lineCounts?.withoutLineComments == 2)
            #expect(python.lineCounts?.withoutLineComments == 3)
        }
    }

    @Test func aBlobReadAgainGivesTheSameFigures() throws {
        let (repository, _, facts) = try fixture()
        let once = withExtendedLifetime(repository) { facts.apply(to: [claim("lexer.py")], workers: 1) }
        let twice = withExtendedLifetime(repository) {
            facts.apply(to: [claim("lexer.swift"), claim("lexer.py", line: 4), claim("lexer.py", line: 5)], workers: 1)
        }
        #expect(twice[1].lineCounts == once[0].lineCounts && twice[2].lineCounts == once[0].lineCounts)
        #expect(twice[1].verified == once[0].verified && twice[2].evidenceBasis == once[0].evidenceBasis)
    }

    @Test func aTreeEntryNamesTheBlobWithoutReadingIt() throws {
        let (repository, first, _) = try fixture()
        let git = try #require(try GitRepository(path: repository.path))
        let entry = try git.treeEntry(at: "tasks/TN-099-redis/lexer.py", inCommit: first)
        #expect(entry?.blob == (try repository.revParse("\(first):tasks/TN-099-redis/lexer.py")))
        #expect(try git.treeEntry(at: "tasks/TN-099-redis", inCommit: first) == GitRepository.TreeEntry(blob: nil))
        #expect(try git.treeEntry(at: "tasks/none.txt", inCommit: first) == nil)
        #expect(try git.committedFile(at: "tasks/none.txt", inCommit: first, limit: 100) == .absent)
        #expect(try git.committedFile(at: "tasks/TN-099-redis", inCommit: first, limit: 100) == .notAFile)
        #expect(try git.committedFile(at: "tasks/TN-099-redis/lexer.py", inCommit: first, limit: 100)
            == .content(Data(Self.mixed.utf8)))
        #expect(try git.committedFile(at: "tasks/TN-099-redis/lexer.py", inCommit: first, limit: 3) == .tooLarge(bytes: 37))
    }
}
