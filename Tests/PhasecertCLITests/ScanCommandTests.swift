import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

struct ScanCommandTests {
    /// A small repository with a master list, task folders in several spellings and a commit.
    func fixtureRepository() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("tasks/TASKS.md", """
            # Tasks

            ## ✅ Phase 13: Production Packaging (COMPLETE 100% - 3/3 tasks complete) 🏆

            - [x] **TN-200** Deployment Profiles ✅ **COMPLETE** (162% quality, Grade A+)
            - [x] **TN-099** Redis StatefulSet
            - [ ] **TN-044** Docker image

            ## Phase 14.6: Hardening

            - [ ] **TN-300** Rate limits
            """)
        try folder.write("tasks/TN-200-deployment-profiles/requirements.md", "# Profiles\n\nLite and standard.\n")
        try folder.write("tasks/TN-200-deployment-profiles/tasks.md", "## Build\n- [x] a\n- [x] b\n## Test\n- [x] c\n  - [ ] c.1\n")
        try folder.write("tasks/TN-99-redis-statefulset/tasks.md", "- [x] chart\n- [x] probes\n")
        try folder.write("tasks/TN-300-rate-limits/requirements.md", "# Limits\n")
        try folder.write("tasks/TN-301-extra/tasks.md", "- [ ] x\n")
        try GitFixture.commitAll(in: folder.path, message: "TN-200: profiles")
        return folder
    }

    @Test func jsonReproducesPhasesTasksCheckedStatesChecklistsAndFolders() throws {
        let repository = try fixtureRepository()
        let result = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        #expect(result.code == 0)
        #expect(result.err.isEmpty)
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))

        #expect(workspace.phases.map(\.id) == ["13", "14.6"])
        #expect(workspace.phases.map(\.name) == ["Production Packaging", "Hardening"])
        #expect(workspace.phases.map(\.tasks) == [["TN-200", "TN-099", "TN-044"], ["TN-300"]])
        #expect(workspace.tasks.map(\.id) == ["TN-200", "TN-099", "TN-044", "TN-300", "TN-301"])
        #expect(workspace.tasks.map(\.checked) == [true, true, false, false, nil])
        #expect(workspace.tasks.map { $0.checklist.map { [$0.checked, $0.total] } } == [[3, 4], [2, 2], nil, nil, [0, 1]])
        #expect(workspace.tasks.map(\.directories) == [
            ["tasks/TN-200-deployment-profiles"], ["tasks/TN-99-redis-statefulset"], [],
            ["tasks/TN-300-rate-limits"], ["tasks/TN-301-extra"],
        ])
        #expect(workspace.tasks.map(\.phase) == ["13", "13", "13", "14.6", nil])
        // Completion: 3/4 + 2/2 + 0 over three tasks.
        let completion = try #require(workspace.phases[0].completion)
        #expect(completion.done == 1.75)
        #expect(completion.total == 3)
    }

    @Test func valuesWithoutEvidenceAreNullNotZero() throws {
        let repository = try fixtureRepository()
        let result = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        let docker = try #require(tasks.first { $0["id"] as? String == "TN-044" })
        #expect(docker["checklist"] is NSNull)
        // In a git repository, no commit naming the task is evidence: zero, with no dates.
        let git = try #require(docker["git"] as? [String: Any])
        #expect(git["commits"] as? Int == 0)
        #expect(git["first"] is NSNull)
        #expect(docker["tests"] is NSNull)
        #expect(docker["quality"] is NSNull)
        #expect(json["tests"] is NSNull)
    }

    @Test func jsonIsByteIdenticalAcrossRuns() throws {
        let repository = try fixtureRepository()
        let first = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        let second = CapturedConsole.run(["scan", "--json"], in: repository.path + "/tasks")
        #expect(first.out == second.out)
        #expect(!first.out.contains(repository.path))
    }

    @Test func theTableShowsDashesWhereThereIsNoEvidence() throws {
        let repository = try fixtureRepository()
        let result = CapturedConsole.run(["scan", "--repo", repository.path], in: "/")
        #expect(result.code == 0)
        let docker = try #require(result.out.split(separator: "\n").first { $0.contains("TN-044") })
        let cells = docker.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Checked but with no checklist, tests, coverage or documents: no quality, no grade.
        #expect(cells == ["13", "TN-044", "Docker image", "no", "—", "0", "+0/−0", "—", "—", "—", "—"])
        #expect(result.out.contains("TN-99-redis-statefulset"))
        // 1.75 of 3 tasks: figures are cut, never rounded up.
        #expect(result.out.contains("1.7/3 (58.3%)"))
    }

    @Test func aRepositoryWithoutTasksIsScannedAsOneScope() throws {
        let folder = try TemporaryFolder()
        let result = CapturedConsole.run(["scan", "--repo", folder.path], in: "/")
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("Layout: reports-only"))
        #expect(result.out.contains("No tasks found."))
    }

    @Test func aBadConfigurationExitsWith2NamingFileAndLine() throws {
        let repository = try fixtureRepository()
        try repository.write("phasecert.yml", "tasks:\n  idWidth: three\n")
        let result = CapturedConsole.run(["scan", "--repo", repository.path], in: "/")
        #expect(result.code == 2)
        #expect(result.err.contains("phasecert.yml:2"))
    }

    @Test func configurationChangesTheIDWidth() throws {
        let repository = try fixtureRepository()
        try repository.write("phasecert.yml", "tasks:\n  idWidth: 4\n")
        let result = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(workspace.tasks.first?.id == "TN-0200")
        #expect(workspace.sources.config == "phasecert.yml")
    }

    @Test func unknownOptionsAreUsageErrors() {
        let result = CapturedConsole.run(["scan", "--nope"], in: "/")
        #expect(result.code == 2)
        #expect(result.err.contains("--nope"))
    }

    @Test func aRepositoryThatDoesNotExistExitsWith3() {
        let result = CapturedConsole.run(["scan", "--repo", "/nonexistent/phasecert"], in: "/")
        #expect(result.code == 3)
    }
}

extension ScanCommandTests {
    @Test func realScanOutputValidatesAgainstTheSchema() throws {
        let repository = try fixtureRepository()
        try repository.write("tasks/TN-301-extra/task.yml", "dependencies: [TN-300]\ntargets: {coverage: 80}\n")
        try repository.write("tasks/TN-302-bin/tasks.md", data: Data([0, 1, 2]))
        let result = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        #expect(result.code == 0)
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/phase-model.schema.json")
        let errors = try JSONSchemaValidator(schemaFile: schema).validate(json: Data(result.out.utf8))
        #expect(errors == [])
        #expect(result.out.contains("scan.unreadable"))
    }
}

extension ScanCommandTests {
    @Test func skippedInputIsWarnedOnStderrInJSONModeUnlessQuiet() throws {
        let repository = try fixtureRepository()
        try repository.link("tasks/loop", to: ".")
        let loud = CapturedConsole.run(["scan", "--json", "--repo", repository.path], in: "/")
        #expect(loud.code == 0)
        #expect(loud.err == "phasecert: warning: tasks/loop was skipped: symbolic link loop.\n")
        let quiet = CapturedConsole.run(["scan", "--json", "--quiet", "--repo", repository.path], in: "/")
        #expect(quiet.err.isEmpty)
        #expect(quiet.out == loud.out)
    }
}
