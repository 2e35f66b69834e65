import Foundation
import PhaseModel
import Testing
@testable import Scan

/// Claims in commit subjects (`ClaimExtractor.claims(inSubjectsOf:)`).
struct ClaimExtractionCommitTests {
    func extractor() throws -> ClaimExtractor {
        let tasks = [TaskRecord(id: "TN-099", phase: "13"), TaskRecord(id: "TN-100", phase: "13"), TaskRecord(id: "TN-300")]
        let phase = Phase(id: "13", name: nil, source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-099", "TN-100"])
        return ClaimExtractor(ids: try TaskIDPattern(), tasks: tasks, phases: [phase])
    }

    func commit(_ id: Int, _ subject: String, parents: Int = 1, body: String = "") -> GitCommit {
        let signature = GitSignature(name: "A", email: "a@example.com", time: 1_764_000_000, offsetMinutes: 0)
        let hex = String(String(id, radix: 16).reversed()).padding(toLength: 40, withPad: "0", startingAt: 0)
        return GitCommit(
            id: hex, parents: (0..<parents).map { String(repeating: String($0), count: 40) }, author: signature,
            committer: signature, subject: subject, body: body)
    }

    @Test func subjectClaimsComeFromTheCommitAndTheFirstKnownTaskItNames() throws {
        let commits = [
            commit(1, "TN-555 tn-100: 39/39 tests passing"),
            commit(2, "Merge branch 'feature/TN-099': 40 tests passing", parents: 2),
            commit(3, "Refactor the chart loader"),
            commit(4, "Raise coverage to 91% coverage", body: "TN-099 is named only in the body"),
        ]
        let found = try extractor().claims(inSubjectsOf: commits)
        #expect(found.map(\.kind) == [.testCount, .coverage])
        #expect(found.map(\.source) == [.commit(commits[0].id), .commit(commits[3].id)])
        #expect(found.map(\.task) == ["TN-100", nil])
        #expect(found.map(\.phase) == ["13", nil])
        #expect(found.allSatisfy { $0.verdict == nil })
    }

    @Test func claimsKeepTheOrderOfTheHistory() throws {
        let commits = [commit(1, "TN-099: 91% coverage"), commit(2, "TN-300: 12/12 tests passing")]
        let found = try extractor().claims(inSubjectsOf: commits)
        #expect(found.map(\.source) == commits.map { .commit($0.id) })
        #expect(found.map(\.task) == ["TN-099", "TN-300"])
        #expect(found.map(\.phase) == ["13", nil])
    }

    @Test func onlySubjectsWithAFreeDigitOrAStatusWordAreScanned() {
        #expect(!CommitSubjectFilter.mayHoldClaims("TN-099: refactor the loader"))
        #expect(!CommitSubjectFilter.mayHoldClaims("Bump v2 of x86_64 build for #12"))
        #expect(CommitSubjectFilter.mayHoldClaims("TN-099: add 3 tests"))
        #expect(CommitSubjectFilter.mayHoldClaims("TN-099: done"))
        #expect(CommitSubjectFilter.mayHoldClaims("TN-099: задача завершена"))
        #expect(CommitSubjectFilter.mayHoldClaims("(95%) coverage"))
    }

    /// Scanning is linear and skips most subjects: 100,000 of them, one in twenty with figures,
    /// take well under a second in a release build; a debug build is given more room.
    @Test func aHundredThousandSubjectsAreReadQuickly() throws {
        let extractor = try extractor()
        let commits = (0..<100_000).map { index in
            commit(index, index % 20 == 0 ? "TN-099: \(index % 97) tests passing" : "TN-099: tidy module \(index % 7 == 0 ? "a" : "b")")
        }
        #if DEBUG
            let bound = Duration.seconds(4)
        #else
            let bound = Duration.seconds(1)
        #endif
        let clock = ContinuousClock()
        var found: [Claim] = []
        let elapsed = clock.measure { found = extractor.claims(inSubjectsOf: commits) }
        #expect(found.count == 5_000)
        #expect(elapsed < bound)
    }
}
