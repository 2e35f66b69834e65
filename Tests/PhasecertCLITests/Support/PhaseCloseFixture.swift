import Foundation
import TestSupport

/// A fresh repository per test for `phase-close`, which writes reports, snapshots and tags:
///
/// - phase 1 "Ledger": TN-001 and TN-002, both done, tested (the 7 passing JUnit tests of the clean assessment fixture) and committed;
///   TN-002 lacks `requirements.md` unless `complete` (a minor `docs.missing` finding, which the
///   default gate allows);
/// - phase 2 "Exports": TN-003, checked in the master list with 1 of 2 checklist items done, so
///   its completion is 50% and its gate fails on `minCompletion`.
///
/// Every commit has a fixed date, so certification ids are the same on every run.
struct PhaseCloseFixture {
    let repository: GitRepositoryBuilder
    var path: String { repository.path }

    static let masterList = """
        # Ledger Tasks

        ## Phase 1: Ledger

        - [x] **TN-001** Ledger core
        - [x] **TN-002** Balance queries

        ## Phase 2: Exports

        - [ ] **TN-003** Nightly exports

        """

    init(complete: Bool = false) throws {
        repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", Self.masterList)
        try task("tasks/TN-001-ledger-core", title: "Ledger core", checked: [true, true], requirements: true)
        try task("tasks/TN-002-balance-queries", title: "Balance queries", checked: [true, true], requirements: complete)
        try task("tasks/TN-003-nightly-exports", title: "Nightly exports", checked: [true, false], requirements: true)
        try repository.commit("chore: master list and task folders", date: "2025-12-01T09:00:00+00:00")
        try repository.write("src/ledger.py", "def post():\n    return 1\n")
        try repository.write("tests/test_ledger.py", AssessmentFixture.pythonTests(["test_post", "test_reverse", "test_close_day", "test_reopen_day"]))
        try repository.commit("TN-001: ledger core and tests", date: "2025-12-01T10:00:00+00:00")
        try repository.write("src/balance.py", "def balance():\n    return 0\n")
        try repository.write("tests/test_balance.py", AssessmentFixture.pythonTests(["test_balance", "test_history", "test_empty"]))
        try repository.commit("TN-002: balance queries and tests", date: "2025-12-02T10:00:00+00:00")
        try repository.write("src/exports.py", "def export():\n    return []\n")
        try repository.commit("TN-003: export skeleton", date: "2025-12-02T11:00:00+00:00")
        try repository.write("results/junit.xml", AssessmentFixture.cleanResults)
        try repository.commit("ci: test results", date: "2025-12-03T09:00:00+00:00")
    }

    /// Adds TN-002's missing `requirements.md` and commits it: the `docs.missing` finding goes away.
    func addMissingRequirements() throws {
        try repository.write("tasks/TN-002-balance-queries/requirements.md", Self.requirements("Balance queries"))
        try repository.commit("TN-002: requirements", date: "2025-12-04T09:00:00+00:00")
    }

    /// The bytes of every file under `folder` (relative to the repository), by path; `.git` left out.
    func snapshot(of folder: String = "") throws -> [String: Data] {
        let root = URL(fileURLWithPath: path).appendingPathComponent(folder).path
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        for case let relative as String in walker where !relative.hasPrefix(".git/") && relative != ".git" {
            var isFolder: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }

    private func task(_ folder: String, title: String, checked: [Bool], requirements: Bool) throws {
        if requirements { try repository.write("\(folder)/requirements.md", Self.requirements(title)) }
        let items = checked.enumerated().map { "- [\($0.element ? "x" : " ")] Step \($0.offset + 1) of \(title.lowercased())" }
        try repository.write("\(folder)/tasks.md", "# Checklist\n\n" + items.joined(separator: "\n") + "\n")
    }

    private static func requirements(_ title: String) -> String {
        """
        # Requirements: \(title)

        - The \(title.lowercased()) works end to end.
        - Errors are reported to the caller with a reason.
        - The behaviour is described in the checklist.

        """
    }
}
