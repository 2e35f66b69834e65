import PhaseModel
import Testing
@testable import Render

/// Where findings without a file and line of their own are shown (GitHub needs a location for
/// every SARIF result, GitLab a path and line for every Code Quality entry).
struct FindingLocatorTests {
    static func task(_ id: String, folder: String?, documents: [String], listedAt line: Int? = nil) -> TaskRecord {
        TaskRecord(
            id: id, source: line.map { .file("tasks/TASKS.md", line: $0) }, directories: folder.map { [$0] } ?? [],
            documents: documents.map { Document(path: $0, lines: 5, nonBlankLines: 5, bytes: 50) })
    }

    let locator = FindingLocator(masterList: "tasks/TASKS.md", tasks: [
        task("TN-001", folder: "tasks/TN-001-api", documents: ["tasks/TN-001-api/design.md", "tasks/TN-001-api/requirements.md", "tasks/TN-001-api/tasks.md"]),
        task("TN-002", folder: "tasks/TN-002-web", documents: ["tasks/TN-002-web/requirements.md", "tasks/TN-002-web/notes/a.md"]),
        task("TN-003", folder: "tasks/TN-003-cli", documents: ["tasks/TN-003-cli/notes/b.md", "tasks/TN-003-cli/design.md"]),
        task("TN-004", folder: nil, documents: [], listedAt: 12),
    ])

    func finding(task: String? = nil, at provenance: Provenance? = nil) -> Finding {
        Finding(rule: .testsNotRun, severity: .major, task: task, at: provenance, message: LocalizedText(en: "x", ru: "x"))
    }

    @Test func aFileAndLineOfItsOwnAreKept() {
        #expect(locator.anchor(for: finding(task: "TN-001", at: .file("src/a.go", line: 7))) == .init(path: "src/a.go", line: 7))
    }

    @Test func aFileWithoutALineStartsAtLineOne() {
        #expect(locator.anchor(for: finding(at: .file("src/a.go", line: nil))) == .init(path: "src/a.go", line: 1))
        #expect(locator.anchor(for: finding(at: .file("src/a.go", line: 0))) == .init(path: "src/a.go", line: 1))
    }

    @Test func aTaskFolderStandsForItsMainDocument() {
        #expect(locator.anchor(for: finding(at: .file("tasks/TN-001-api", line: nil))) == .init(path: "tasks/TN-001-api/tasks.md", line: 1))
        #expect(locator.anchor(for: finding(at: .file("tasks/TN-002-web", line: nil))) == .init(path: "tasks/TN-002-web/requirements.md", line: 1))
        // No known name: the first document directly in the folder, before one in a subfolder.
        #expect(locator.anchor(for: finding(at: .file("tasks/TN-003-cli", line: nil))) == .init(path: "tasks/TN-003-cli/design.md", line: 1))
    }

    @Test func aFindingAboutATaskPointsAtItsFolderElseItsMasterListLine() {
        #expect(locator.anchor(for: finding(task: "TN-001")) == .init(path: "tasks/TN-001-api/tasks.md", line: 1))
        #expect(locator.anchor(for: finding(task: "TN-001", at: .commit(String(repeating: "a", count: 40))))
            == .init(path: "tasks/TN-001-api/tasks.md", line: 1))
        #expect(locator.anchor(for: finding(task: "TN-004")) == .init(path: "tasks/TASKS.md", line: 12))
        #expect(locator.anchor(for: finding(task: "TN-404")) == .init(path: "tasks/TASKS.md", line: 1))
    }

    @Test func aRepositoryFindingPointsAtTheMasterListElseTheReadme() {
        #expect(locator.anchor(for: finding()) == .init(path: "tasks/TASKS.md", line: 1))
        #expect(FindingLocator().anchor(for: finding()) == .init(path: "README.md", line: 1))
        #expect(FindingLocator().anchor(for: finding(at: .file("", line: nil))) == .init(path: "README.md", line: 1))
    }
}
