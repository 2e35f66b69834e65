import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `SnapshotStore`: reading `reports/.history/<phase-slug>/*.json` and picking the previous snapshot.
struct SnapshotStoreTests {
    static let history = "reports/.history/phase-13"

    /// A `phase.json` of phase 13 as `phase-close` writes it.
    func model(phase: String = "13", commits: Int?, date: String?, certification: String) -> Workspace {
        var entry = Phase(id: phase, name: "Packaging", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-001"])
        entry.certification = Certification(id: certification, date: date, digest: String(repeating: "a", count: 64))
        return Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            git: commits.map {
                HistorySummary(head: nil, commits: $0, merges: 0, shallow: false, detached: false, unreadable: 0, first: nil, last: nil)
            },
            phases: [entry], tasks: [TaskRecord(id: "TN-001", phase: phase)], findings: [])
    }

    func write(_ workspace: Workspace, as name: String, in folder: TemporaryFolder, history: String = Self.history) throws {
        try folder.write("\(history)/\(name)", data: try CanonicalJSON.encode(workspace))
    }

    func store(_ folder: TemporaryFolder, reports: String = "reports", phase: String = "13") throws -> SnapshotStore {
        try SnapshotStore(root: folder.path, reportsFolder: reports, phaseID: phase)
    }

    @Test func aPhaseWithoutHistoryHasNoPrevious() throws {
        let folder = try TemporaryFolder()
        let lookup = try store(folder).previous(excluding: "13-20251201-100PCT-A-aaaaaaaa")
        #expect(lookup.snapshot == nil)
        #expect(lookup.problems.isEmpty)
    }

    @Test func theHistoryFolderIsNamedAfterThePhaseSlug() throws {
        let folder = try TemporaryFolder()
        #expect(try store(folder).folder == "reports/.history/phase-13")
        #expect(try store(folder, reports: "./out/reports/", phase: "14.6").folder == "out/reports/.history/phase-14.6")
        #expect(try store(folder, reports: ".", phase: "2 b").folder == ".history/phase-2-b")
    }

    @Test func moreCommitsIsLaterWhateverTheDateAndName() throws {
        let folder = try TemporaryFolder()
        try write(model(commits: 40, date: "2025-12-01", certification: "old"), as: "z-old.json", in: folder)
        try write(model(commits: 41, date: "2025-11-01", certification: "new"), as: "a-new.json", in: folder)
        try write(model(commits: nil, date: "2025-12-31", certification: "nogit"), as: "zz-nogit.json", in: folder)
        let history = try store(folder).history()
        #expect(history.snapshots.map(\.certificationID) == ["nogit", "old", "new"])
        let lookup = try store(folder).previous(excluding: nil)
        #expect(lookup.snapshot?.path == "reports/.history/phase-13/a-new.json")
        #expect(lookup.snapshot?.workspace == model(commits: 41, date: "2025-11-01", certification: "new"))
        #expect(lookup.problems.isEmpty)
    }

    @Test func equalCommitsFallBackToTheDateThenTheFileName() throws {
        let folder = try TemporaryFolder()
        try write(model(commits: 40, date: "2025-12-02", certification: "later-date"), as: "a.json", in: folder)
        try write(model(commits: 40, date: "2025-12-01", certification: "earlier-date"), as: "b.json", in: folder)
        try write(model(commits: 40, date: nil, certification: "no-date"), as: "c.json", in: folder)
        #expect(try store(folder).history().snapshots.map(\.certificationID) == ["no-date", "earlier-date", "later-date"])

        try write(model(commits: 40, date: "2025-12-02", certification: "same-date"), as: "b2.json", in: folder)
        #expect(try store(folder).previous(excluding: nil).snapshot?.path == "reports/.history/phase-13/b2.json")
    }

    @Test func theCurrentCertificationIsNotItsOwnPrevious() throws {
        let folder = try TemporaryFolder()
        try write(model(commits: 40, date: "2025-11-30", certification: "13-A"), as: "13-A.json", in: folder)
        try write(model(commits: 42, date: "2025-12-01", certification: "13-B"), as: "13-B.json", in: folder)
        // Excluded by its file name, and by the certification it records when the file was renamed.
        #expect(try store(folder).previous(excluding: "13-B").snapshot?.certificationID == "13-A")
        try FileManager.default.moveItem(
            atPath: folder.path + "/\(Self.history)/13-B.json", toPath: folder.path + "/\(Self.history)/copy.json")
        #expect(try store(folder).previous(excluding: "13-B").snapshot?.certificationID == "13-A")
        #expect(try store(folder).previous(excluding: "13-A").snapshot?.certificationID == "13-B")
        #expect(try store(folder).previous(excluding: "13-C").snapshot?.certificationID == "13-B")
    }

    @Test func theOnlySnapshotBeingTheCurrentOneMeansNoPrevious() throws {
        let folder = try TemporaryFolder()
        try write(model(commits: 40, date: "2025-11-30", certification: "13-A"), as: "13-A.json", in: folder)
        #expect(try store(folder).previous(excluding: "13-A").snapshot == nil)
    }

    @Test func unusableFilesAreSkippedAndNamed() throws {
        let folder = try TemporaryFolder()
        try write(model(commits: 10, date: "2025-11-01", certification: "good"), as: "good.json", in: folder)
        try folder.write("\(Self.history)/broken.json", "{\"schemaVersion\": 1, ")
        var future = model(commits: 99, date: "2026-01-01", certification: "future")
        future.schemaVersion = Workspace.currentSchemaVersion + 1
        try write(future, as: "future.json", in: folder)
        try write(model(phase: "14", commits: 99, date: "2026-01-01", certification: "other"), as: "other.json", in: folder)
        try folder.write("\(Self.history)/list.json", "[1, 2]")
        try folder.write("\(Self.history)/partial.json", "{\"schemaVersion\": 1, \"phases\": []}")
        var two = model(commits: 99, date: "2026-01-01", certification: "two")
        two.phases.append(Phase(id: "14", name: nil, source: .file("tasks/TASKS.md", line: 9), tasks: []))
        try write(two, as: "two.json", in: folder)

        let lookup = try store(folder).previous(excluding: nil)
        #expect(lookup.snapshot?.certificationID == "good")
        let problems = Dictionary(uniqueKeysWithValues: lookup.problems.map { ($0.path, $0.reason) })
        let prefix = Self.history + "/"
        #expect(problems.keys.sorted() == ["broken", "future", "list", "other", "partial", "two"].map { prefix + $0 + ".json" })
        guard case let .invalidJSON(parseError)? = problems[prefix + "broken.json"] else {
            Issue.record("broken.json: \(String(describing: problems[prefix + "broken.json"]))")
            return
        }
        // Where the parser stopped, not JSONDecoder's generic sentence; the wording is Foundation's.
        #expect(!parseError.isEmpty && parseError != "The given data was not valid JSON.")
        #expect(problems[prefix + "future.json"] == .schemaVersion(found: Workspace.currentSchemaVersion + 1, expected: Workspace.currentSchemaVersion))
        #expect(problems[prefix + "other.json"] == .otherPhase(expected: "13", found: ["14"]))
        #expect(problems[prefix + "two.json"] == .otherPhase(expected: "13", found: ["13", "14"]))
        #expect(problems[prefix + "list.json"] == .notAPhaseModel("top level: expected Dictionary<String, Any>"))
        guard case let .notAPhaseModel(detail)? = problems[prefix + "partial.json"] else {
            Issue.record("partial.json: \(String(describing: problems[prefix + "partial.json"]))")
            return
        }
        // The first key missing in the order the model declares its keys (the canonical order).
        #expect(detail == "missing claimTexts")
        #expect(lookup.problems.map(\.description).allSatisfy { $0.hasPrefix(prefix) && $0.hasSuffix("; snapshot skipped") })
    }

    @Test func aSymbolicLinkOutOfTheRepositoryIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        let target = try outside.write("outside.json", data: try CanonicalJSON.encode(model(commits: 99, date: nil, certification: "outside")))
        try write(model(commits: 1, date: nil, certification: "inside"), as: "inside.json", in: folder)
        try folder.link("\(Self.history)/outside.json", to: target)
        try folder.link("\(Self.history)/dangling.json", to: folder.path + "/nowhere.json")

        let lookup = try store(folder).previous(excluding: nil)
        #expect(lookup.snapshot?.certificationID == "inside")
        #expect(
            lookup.problems == [
                SnapshotProblem(path: Self.history + "/dangling.json", reason: .brokenLink),
                SnapshotProblem(path: Self.history + "/outside.json", reason: .linkOutsideRepository),
            ])
    }

    @Test func aSymbolicLinkInsideTheRepositoryIsReadUnderItsOwnName() throws {
        let folder = try TemporaryFolder()
        try folder.write("kept/13-A.json", data: try CanonicalJSON.encode(model(commits: 5, date: nil, certification: "13-A")))
        try folder.makeFolder(Self.history)
        try folder.link("\(Self.history)/13-A.json", to: folder.path + "/kept/13-A.json")
        let lookup = try store(folder).previous(excluding: nil)
        #expect(lookup.snapshot?.path == Self.history + "/13-A.json")
        #expect(lookup.problems.isEmpty)
    }

    @Test func aHistoryFolderLinkedOutOfTheRepositoryIsReportedNotRead() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try outside.write("13-A.json", data: try CanonicalJSON.encode(model(commits: 5, date: nil, certification: "13-A")))
        try folder.makeFolder("reports/.history")
        try folder.link(Self.history, to: outside.path)
        let lookup = try store(folder).previous(excluding: nil)
        #expect(lookup.snapshot == nil)
        #expect(lookup.problems == [SnapshotProblem(path: Self.history, reason: .linkOutsideRepository)])
    }

    @Test func filesThatAreNotJSONSnapshotsAreIgnored() throws {
        let folder = try TemporaryFolder()
        try write(model(commits: 5, date: nil, certification: "13-A"), as: "13-A.json", in: folder)
        try folder.write("\(Self.history)/.13-B.json.123.ABC.tmp", "{")
        try folder.write("\(Self.history)/notes.txt", "hello")
        try folder.makeFolder("\(Self.history)/folder.json")
        let lookup = try store(folder).previous(excluding: nil)
        #expect(lookup.snapshot?.certificationID == "13-A")
        #expect(lookup.problems == [SnapshotProblem(path: Self.history + "/folder.json", reason: .notAFile)])
    }

    @Test(arguments: ["..", "../reports", "reports/../../x", "/tmp/reports", "a/./../.."])
    func aReportsFolderOutsideTheRepositoryIsRejected(reports: String) throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: SnapshotStoreError.self) { try store(folder, reports: reports) }
        #expect(error == .reportsFolderOutsideRepository(reports))
        #expect(error?.exitCode == 2)
    }
}
