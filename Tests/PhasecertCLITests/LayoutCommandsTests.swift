import Foundation
import PhaseModel
import Testing
import TestSupport

/// Every command on a repository of each layout found by content (`LayoutFixtures`): scan, audit,
/// report, phase-close, verify and check-names run to a regular exit and write where they should.
@Suite struct LayoutCommandsTests {
    enum Kind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case specKit = "spec-kit"
        case kiro
        case flatFiles = "flat-files"
        case masterList = "master-list"
        case reportsOnly = "reports-only"

        var testDescription: String { rawValue }

        func build() throws -> GitRepositoryBuilder {
            switch self {
            case .specKit: try LayoutFixtures.specKit()
            case .kiro: try LayoutFixtures.kiro()
            case .flatFiles: try LayoutFixtures.flatFiles()
            case .masterList: try LayoutFixtures.masterListAnywhere()
            case .reportsOnly: try LayoutFixtures.reportsOnly()
            }
        }

        var phases: [String] {
            switch self {
            case .specKit: ["010", "015"]
            case .kiro: ["auth-login", "user-profile"]
            case .flatFiles, .masterList: ["1", "2"]
            case .reportsOnly: ["repository"]
            }
        }

        /// The phase `phase-close` certifies.
        var closed: String {
            switch self {
            case .specKit: "015"
            case .kiro: "auth-login"
            case .flatFiles: "1"
            case .masterList: "2"
            case .reportsOnly: "repository"
            }
        }

        /// The Markdown report at the root, which claims `3/3 tasks`.
        var report: String {
            switch self {
            case .specKit: "FEATURE-010-REPORT.md"
            case .kiro: "AUTH-LOGIN-REPORT.md"
            case .flatFiles: "PHASE-1-REPORT.md"
            case .masterList: "PHASE-4-AUDIT-REPORT.md"
            case .reportsOnly: "FINAL-SUMMARY.md"
            }
        }
    }

    static func run(_ arguments: [String], in path: String) -> (code: Int32, out: String, err: String) {
        CapturedConsole.run(arguments, in: path)
    }

    // MARK: scan

    @Test(arguments: Kind.allCases)
    func scanPrintsTheLayoutLine(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["scan"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Layout: \(kind.rawValue) (by content: "), "\(result.out)")
    }

    @Test(arguments: Kind.allCases)
    func scanJSONIsValidAndPhasesOfAPlanCarryGit(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["scan", "--json"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let phases = try #require(json["phases"] as? [[String: Any]])
        #expect(phases.compactMap { $0["id"] as? String } == kind.phases)
        for phase in phases {
            // The one scope of a repository without a plan is every commit: the history line says so, not a phase block.
            guard kind != .reportsOnly else {
                #expect(phase["git"] == nil)
                continue
            }
            let git = try #require(phase["git"] as? [String: Any], "phase \(phase["id"] ?? "?") has no git")
            #expect(git["commits"] is Int)
        }
        // It decodes as the phase model too.
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(workspace.phases.map(\.id) == kind.phases)
    }

    @Test(arguments: Kind.allCases)
    func scanJSONValidatesAgainstTheSchema(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["scan", "--json"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/phase-model.schema.json")
        // `x-omittedWhenAbsent` annotates, it does not constrain: the validator need not know it.
        func annotationsRemoved(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "x-omittedWhenAbsent" }.mapValues(annotationsRemoved)
            }
            if let array = value as? [Any] { return array.map(annotationsRemoved) }
            return value
        }
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: schema))
        let errors = try JSONSchemaValidator(schema: annotationsRemoved(document)).validate(json: Data(result.out.utf8))
        #expect(errors.isEmpty, "\(errors.prefix(10))")
    }

    /// Spec Kit and Kiro tasks are checklist items, flat tasks are files: none lacks a folder.
    @Test(arguments: [Kind.specKit, Kind.kiro, Kind.flatFiles])
    func tasksOfLayoutsWithoutTaskFoldersAreNotToldToCreateOne(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["scan", "--json"], in: repository.path)
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(!workspace.tasks.isEmpty)
        #expect(!workspace.findings.contains { $0.rule == .namingMissingDirectory })
    }

    @Test func aClassicTaskWithoutAFolderIsStillToldToCreateOne() throws {
        let repository = try LayoutFixtures.classic()
        let result = Self.run(["scan", "--json"], in: repository.path)
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8))
        #expect(workspace.findings.filter { $0.rule == .namingMissingDirectory }.map(\.task) == ["TN-002"])
    }

    @Test func scanJSONOfTheClassicLayoutHasNoPhaseGit() throws {
        let repository = try LayoutFixtures.classic()
        let result = Self.run(["scan", "--json"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let phases = try #require(json["phases"] as? [[String: Any]])
        #expect(phases.count == 1)
        #expect(phases.allSatisfy { $0["git"] == nil })
        #expect(Self.run(["scan"], in: repository.path).out.hasPrefix("Layout: master-list (conventional: "))
    }

    @Test func scanSaysWhyAMasterListFoundByContentWasChosen() throws {
        let repository = try LayoutFixtures.masterListAnywhere()
        let result = Self.run(["scan"], in: repository.path)
        #expect(result.out.hasPrefix("""
            Layout: master-list (by content: 2 phases listing 4 tasks)
              from docs/plan/v2/ROADMAP.md

            """), "\(result.out)")
        #expect(!result.out.contains("PHASE-4-AUDIT-REPORT.md"))
    }

    @Test func aConfiguredLayoutIsSaidToBeConfigured() throws {
        let repository = try LayoutFixtures.kiro()
        try repository.write("phasecert.yml", "tasks:\n  layout: kiro\n")
        let result = Self.run(["scan"], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Layout: kiro (configured: "), "\(result.out)")
    }

    // MARK: audit

    @Test(arguments: Kind.allCases)
    func auditJudgesTheReportAtTheRoot(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["audit", "--all"], in: repository.path)
        #expect(result.code == 0 || result.code == 1, "\(result.code): \(result.err)")
        // The root report's `3/3 tasks` is one of the claims audited.
        #expect(result.out.contains(kind.report), "\(result.out)")
        #expect(result.out.contains("3/3"), "\(result.out)")
    }

    @Test func auditOfAFileInARepositoryWithoutAPlanIsNotUnreadableInput() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("README.md", "# Tool\n")
        try repository.write("SOME-REPORT.md", "# Report\n\nAll 3/3 tasks complete, 12 tests passing, 2 commits.\n")
        try repository.commit("Add the report")
        let result = Self.run(["audit", "SOME-REPORT.md"], in: repository.path)
        #expect(result.code == 0 || result.code == 1, "\(result.code): \(result.err)")

        // Not even a git repository.
        let folder = try TemporaryFolder()
        try folder.write("SOME-REPORT.md", "# Report\n\n3/3 tasks complete.\n")
        let plain = Self.run(["audit", "SOME-REPORT.md"], in: folder.path)
        #expect(plain.code == 0 || plain.code == 1, "\(plain.code): \(plain.err)")
    }

    // MARK: report

    @Test(arguments: Kind.allCases)
    func reportWritesAFolderPerPhase(kind: Kind) throws {
        let repository = try kind.build()
        let output = try TemporaryFolder()
        let result = Self.run(["report", "--out", output.path], in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        for phase in kind.phases {
            for file in ["completion.en.md", "completion.ru.md", "audit.en.md", "phase.json", "findings.sarif"] {
                let path = "\(output.path)/phase-\(phase)/\(file)"
                #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: "\(output.path)/index.html"))
    }

    /// Qualified task ids (`015/T001`, `auth-login/1.1`) name a task report each, inside the phase's folder.
    @Test(arguments: [Kind.specKit, Kind.kiro])
    func taskReportsOfQualifiedIDsStayInsideThePhaseFolder(kind: Kind) throws {
        let repository = try kind.build()
        let output = try TemporaryFolder()
        let result = Self.run(["report", "--phase", kind.closed, "--lang", "en", "--format", "md", "--out", output.path],
                              in: repository.path)
        #expect(result.code == 0, "\(result.err)")
        let phaseFolder = "\(output.path)/phase-\(kind.closed)"
        var written: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String { written.append(path) }
        let taskReports = written.filter { $0.hasPrefix("phase-\(kind.closed)/tasks/") && $0.hasSuffix(".en.md") }
        let count = kind == .specKit ? 3 : 5
        #expect(taskReports.count == count, "\(written.sorted())")
        #expect(FileManager.default.fileExists(atPath: phaseFolder + "/completion.en.md"))
    }

    // MARK: phase-close and verify

    @Test(arguments: Kind.allCases)
    func phaseCloseAllDryRunWritesNothing(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["phase-close", "--all", "--dry-run"], in: repository.path)
        #expect(result.code == 0 || result.code == 1, "\(result.code): \(result.err)")
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/reports"))
        for phase in kind.phases { #expect(result.out.contains(phase), "\(result.out)") }
    }

    @Test(arguments: Kind.allCases)
    func aClosedPhaseVerifies(kind: Kind) throws {
        let repository = try kind.build()
        let close = Self.run(["phase-close", kind.closed], in: repository.path)
        #expect(close.code == 0 || close.code == 1, "\(close.code): \(close.err)")
        let record = "reports/phase-\(kind.closed)/phase.json"
        try #require(FileManager.default.fileExists(atPath: repository.path + "/" + record))
        let verify = Self.run(["verify", record], in: repository.path)
        #expect(verify.code == 0, "\(verify.out)\(verify.err)")
        #expect(verify.out.contains(" holds; "), "\(verify.out)")
    }

    // MARK: check-names

    @Test(arguments: Kind.allCases)
    func checkNamesRunsToARegularExit(kind: Kind) throws {
        let repository = try kind.build()
        let result = Self.run(["check-names"], in: repository.path)
        #expect(result.code == 0 || result.code == 1, "\(result.code): \(result.out)\(result.err)")
    }

    @Test func checkNamesSaysThereIsNothingToCheckInAReportsOnlyRepository() throws {
        let repository = try LayoutFixtures.reportsOnly()
        let result = Self.run(["check-names"], in: repository.path)
        #expect(result.code == 0, "\(result.out)\(result.err)")
        let out = result.out.lowercased()
        #expect(out.contains("nothing to check") || out.contains("no task folders to check"), "\(result.out)")
    }
}
