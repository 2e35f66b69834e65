import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// A shallow clone (`actions/checkout` fetches one commit by default) knows nothing of its
/// boundary commits' parents: their changes are unknown, never the whole tree's files.
struct ShallowCloneTests {
    private func fullRepository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Base\n- [x] **TN-002** Parser\n- [x] **TN-003** Lexer\n")
        try repository.write("src/base.swift", (1...40).map { "let b\($0) = \($0)" }.joined(separator: "\n") + "\n")
        try repository.commit("TN-001: base")
        try repository.write("src/parser.swift", (1...30).map { "let p\($0) = \($0)" }.joined(separator: "\n") + "\n")
        try repository.commit("TN-002: parser")
        try repository.write("src/lexer.swift", (1...20).map { "let l\($0) = \($0)" }.joined(separator: "\n") + "\n")
        try repository.commit("TN-003: lexer")
        try repository.write("src/lexer.swift", (1...25).map { "let l\($0) = \($0)" }.joined(separator: "\n") + "\n")
        try repository.commit("TN-003: lexer, more")
        return repository
    }

    private func lines(_ path: String) throws -> [String: Int?] {
        let workspace = try WorkspaceScanner(repository: path).scan()
        return Dictionary(uniqueKeysWithValues: workspace.tasks.map { ($0.id, $0.git?.linesAdded) })
    }

    @Test(arguments: [1, 3])
    func noTaskHasMoreLinesInAShallowCloneThanInTheFullOne(depth: Int) throws {
        let full = try fullRepository()
        let clone = try TemporaryFolder()
        try GitFixture.git(["clone", "-q", "--depth", String(depth), "file://" + full.path, clone.path + "/c"], in: clone.path)
        let shallow = try lines(clone.path + "/c")
        let complete = try lines(full.path)
        for (task, added) in shallow {
            if let added, let all = complete[task] ?? nil { #expect(added <= all, "\(task)") }
        }
        // Depth 1: TN-003's last commit is the boundary, its lines unknown; depth 3: both of its
        // commits are inside, and TN-002's commit is the boundary instead (its 30 lines unknown,
        // not the 70 lines of every file there).
        #expect(shallow["TN-003"] == (depth == 1 ? .some(0) : .some(25)))
        if depth == 3 { #expect(shallow["TN-002"] == .some(0)) }
        // TN-001's commit is not in the clone: no evidence, not zero commits.
        #expect(shallow["TN-001"] == .some(nil))
    }
}
