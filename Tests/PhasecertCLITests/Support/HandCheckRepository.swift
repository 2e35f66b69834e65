import Foundation
import PhaseModel
import Testing
import TestSupport

/// Small repositories for the tests of the rules of "Verdicts that hold up to a hand check": a
/// master list of phase 1 (TN-001 ticked, TN-002 not) with task folders, written and committed on
/// fixed days, scanned with `phasecert scan --json`.
struct HandCheckRepository {
    let repository: GitRepositoryBuilder
    private(set) var files: [String: String] = [:]

    var path: String { repository.path }

    /// A repository with the master list and both task folders committed on `day`.
    init(day: String = "2025-12-01", firstChecklist: String = "- [x] Write the parser\n") throws {
        repository = try GitRepositoryBuilder()
        try write("tasks/TASKS.md", """
            # Parser Tasks

            ## Phase 1: Core

            - [x] **TN-001** Parser
            - [ ] **TN-002** Lexer

            """)
        try write("tasks/TN-001-parser/tasks.md", "# TN-001\n\n" + firstChecklist)
        try write("tasks/TN-002-lexer/tasks.md", "# TN-002\n\n- [ ] Write the lexer\n")
        try commit("chore: master list and task folders", on: day)
    }

    /// Writes (not commits) a master list of two phases, phase 1 "Core" (TN-001) and phase 2
    /// "Lexing" (TN-002), both ticked, and TN-002's checklist ticked.
    mutating func writeTwoPhases() throws {
        try write("tasks/TASKS.md", """
            # Parser Tasks

            ## Phase 1: Core

            - [x] **TN-001** Parser

            ## Phase 2: Lexing

            - [x] **TN-002** Lexer

            """)
        try write("tasks/TN-002-lexer/tasks.md", "# TN-002\n\n- [x] Write the lexer\n")
    }

    mutating func write(_ path: String, _ text: String) throws {
        try repository.write(path, text)
        files[path] = text
    }

    /// Commits everything at 10:00 UTC of `day` (`yyyy-MM-dd`), author and committer alike.
    @discardableResult
    func commit(_ subject: String, on day: String, hour: Int = 10) throws -> String {
        try repository.commit(subject, date: "\(day)T\(hour < 10 ? "0" : "")\(hour):00:00+00:00")
    }

    /// `phasecert scan --json` of the repository.
    func scan(sourceLocation: SourceLocation = #_sourceLocation) throws -> Workspace {
        let result = CapturedConsole.run(["scan", "--json", "--repo", path], in: "/")
        try #require(result.code == 0, "scan exited \(result.code): \(result.err)", sourceLocation: sourceLocation)
        return try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
    }

    /// The 1-based line of `file` holding `needle`.
    func line(of needle: String, in file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let text = try #require(files[file], "\(file) was not written", sourceLocation: sourceLocation)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(needle) }, "\(needle) is not in \(file)", sourceLocation: sourceLocation)
        return index + 1
    }

    /// The claims of `workspace` on the line of `file` holding `needle`, of `kind` if given.
    func claims(
        _ kind: ClaimKind? = nil, in file: String, at needle: String, of workspace: Workspace,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Claim] {
        let line = try line(of: needle, in: file, sourceLocation: sourceLocation)
        return workspace.claims.filter { $0.source == .file(file, line: line) && (kind == nil || $0.kind == kind) }
    }

    /// The one claim of `kind` on the line of `file` holding `needle`.
    func claim(
        _ kind: ClaimKind, in file: String, at needle: String, of workspace: Workspace,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Claim {
        let found = try claims(kind, in: file, at: needle, of: workspace, sourceLocation: sourceLocation)
        let line = try line(of: needle, in: file, sourceLocation: sourceLocation)
        let there = workspace.claims.filter { $0.source.file == file && $0.source.line == line }
        try #require(
            found.count == 1, "\(kind) claims at \(file):\(line): \(found.count); there: \(there.map { "\($0.kind) “\($0.text)”" })",
            sourceLocation: sourceLocation)
        return found[0]
    }

    /// The findings of `workspace` at the line of `file` holding `needle`.
    func findings(in file: String, at needle: String, of workspace: Workspace) throws -> [Finding] {
        let line = try line(of: needle, in: file)
        return workspace.findings.filter { $0.file == file && $0.line == line }
    }
}
