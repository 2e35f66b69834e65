import Foundation
import Testing
import TestSupport
@testable import PhasecertCLI

/// `phasecert verify`: a certification recorded by `report`, checked against the repository later.
struct VerifyCommandTests {
    static let record = "reports/phase-1/phase.json"

    /// A one-phase repository with half of TN-001's checklist done, and its `phase.json` written by `report`.
    func certifiedRepository() throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [ ] **TN-001** Parser\n")
        try repository.write("tasks/TN-001-parser/requirements.md", "# Parser\n\n- Reads the input.\n- Reports errors with a line.\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "# Checklist\n\n- [x] read the input\n- [ ] report errors\n")
        _ = try repository.commit("TN-001: parser skeleton")
        let report = CapturedConsole.run(["report", "--phase", "1", "--lang", "en", "--format", "json"], in: repository.path)
        #expect(report.code == 0, "\(report.err)")
        #expect(FileManager.default.fileExists(atPath: repository.path + "/" + Self.record))
        return repository
    }

    func verify(_ repository: GitRepositoryBuilder, _ file: String = record) -> (code: Int32, out: String, err: String) {
        CapturedConsole.run(["verify", file], in: repository.path)
    }

    @Test func anUnchangedRepositoryHolds() throws {
        let repository = try certifiedRepository()
        let result = verify(repository)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Phase 1: certification 1-20251124-"))
        #expect(result.out.contains(" holds; the repository gives the same evidence digest.\n"))
        #expect(!result.out.contains("HEAD's date"))
    }

    @Test func aCheckedItemChangesTheCertificationAndListsTheCompletion() throws {
        let repository = try certifiedRepository()
        try repository.write("tasks/TN-001-parser/tasks.md", "# Checklist\n\n- [x] read the input\n- [x] report errors\n")
        _ = try repository.commit("TN-001: report errors")
        let result = verify(repository)
        #expect(result.code == 1, "\(result.err)")
        #expect(result.out.contains(" has changed; the repository now gives 1-20251124-100PCT-"), "\(result.out)")
        #expect(result.out.contains("Phase figures:\n  completion: 50% (0.5/1) → 100% (1/1)\n"), "\(result.out)")
        #expect(result.out.contains("\n  TN-001 checklist: 1/2 → 2/2\n"), "\(result.out)")
        #expect(result.out.contains("\n  TN-001 commits: 1 → 2\n"), "\(result.out)")
    }

    @Test func aLaterCommitThatTouchesNothingOfThePhaseStillHolds() throws {
        let repository = try certifiedRepository()
        try repository.write("README.md", "# Parser project\n\nSee tasks/TASKS.md.\n")
        // The reports are committed with it, as a team keeps them.
        _ = try repository.commit("Describe the project", date: "2025-11-27T10:00:00+00:00")
        let result = verify(repository)
        #expect(result.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains(" holds; "))
        #expect(result.out.contains("HEAD's date is now 2025-11-27 (the id says 2025-11-24); only the date differs, so the id today would be 1-20251127-"))
    }

    @Test func otherEvidenceIsListedAndLongListsAreCutUnlessVerbose() throws {
        let repository = try certifiedRepository()
        let notes = (1...21).map { String(format: "tasks/TN-001-parser/note-%02d.md", $0) }
        for note in notes { try repository.write(note, "# Note\n") }
        _ = try repository.commit("Add notes")
        let report = CapturedConsole.run(["report", "--phase", "1", "--lang", "en", "--format", "json"], in: repository.path)
        #expect(report.code == 0, "\(report.err)")
        for note in notes { try repository.write(note, "# Note\n\nLonger now.\n") }
        _ = try repository.commit("Extend the notes")

        let result = verify(repository)
        #expect(result.code == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.dropFirst().first == "Other evidence:", "\(result.out)")
        #expect(lines.count == 2 + VerifyCommand.otherEvidenceLimit + 1)
        #expect(lines.contains("  tasks[TN-001].documents[tasks/TN-001-parser/note-01.md].lines: 1 → 3"))
        #expect(lines.last == "  … and \(3 * notes.count - VerifyCommand.otherEvidenceLimit) more (--verbose lists them all)")

        let verbose = CapturedConsole.run(["verify", Self.record, "--verbose"], in: repository.path)
        #expect(verbose.out.split(separator: "\n").count == 2 + 3 * notes.count)
        #expect(verbose.out.contains("  tasks[TN-001].documents[tasks/TN-001-parser/note-21.md].nonBlankLines: 1 → 2\n"))
    }

    @Test func aPhaseTheMasterListNoLongerHasHasChanged() throws {
        let repository = try certifiedRepository()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 2: Core\n\n- [ ] **TN-001** Parser\n")
        _ = try repository.commit("Renumber the phases")
        let result = verify(repository)
        #expect(result.code == 1)
        #expect(result.out.hasSuffix("has changed: tasks/TASKS.md no longer has phase 1.\n"), "\(result.out)")
    }

    @Test func aHandEditedRecordDoesNotHold() throws {
        let repository = try certifiedRepository()
        let path = repository.path + "/" + Self.record
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"title\" : \"Parser\"", with: "\"title\" : \"Parser and printer\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = verify(repository)
        #expect(result.code == 1)
        #expect(result.out.contains("\nreports/phase-1/phase.json was edited after phasecert wrote it"), "\(result.out)")
        #expect(result.out.contains("Other evidence:\n  tasks[TN-001].title: \"Parser and printer\" → \"Parser\"\n"), "\(result.out)")
    }

    @Test func malformedJSONIsUnreadableInputNamingTheFile() throws {
        let repository = try certifiedRepository()
        try repository.write(Self.record, "{\"schemaVersion\": 1, \"phases\": [")
        let result = verify(repository)
        #expect(result.code == 3)
        #expect(result.err.hasPrefix("phasecert: reports/phase-1/phase.json: not valid JSON ("), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test(arguments: [
        ("{\"schemaVersion\": 1, \"phases\": []}", Int32(2), "holds no phase; verify reads the phase.json of one phase"),
        ("{\"phases\": []}", Int32(3), "not a phasecert phase model (no schemaVersion)"),
    ])
    func aFileThatIsNotTheRecordOfOnePhaseIsRefused(text: String, code: Int32, message: String) throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("other.json", text)
        let result = verify(repository, "other.json")
        #expect(result.code == code)
        #expect(result.err.hasPrefix("phasecert: other.json: \(message)"), "\(result.err)")
    }

    @Test func aMissingFileIsUnreadableInput() throws {
        let repository = try GitRepositoryBuilder()
        let result = verify(repository)
        #expect(result.code == 3)
        #expect(result.err == "phasecert: \(Self.record): no such file; report and phase-close write reports/phase-<id>/phase.json\n")
    }

    @Test func withoutAFileItIsAUsageError() throws {
        let repository = try GitRepositoryBuilder()
        let result = CapturedConsole.run(["verify"], in: repository.path)
        #expect(result.code == 2)
        #expect(result.err.contains("Missing expected argument '<phase.json>'"), "\(result.err)")
    }
}
