import PhaseModel
import Testing
@testable import Score

struct DocumentRulesTests {
    static let folder = "tasks/TN-099-redis"

    func task(_ documents: [Document], directories: [String] = [folder]) -> TaskRecord {
        var task = RulesFixture.task("TN-099", directories: directories)
        task.documents = documents
        return task
    }

    @Test func statusFollowsTheConfiguredOrderAndTheThreeLineThreshold() {
        let status = RequiredDocuments.status(
            of: task([
                RulesFixture.document("\(Self.folder)/tasks.md", nonBlank: 3),
                RulesFixture.document("\(Self.folder)/requirements.md", nonBlank: 2),
            ]),
            configuration: Configuration.Tasks())
        #expect(status.map(\.name) == ["requirements.md", "tasks.md"])
        #expect(status.map(\.present) == [true, true])
        #expect(status.map(\.nonTrivial) == [false, true])
        #expect(status.map(\.path) == ["\(Self.folder)/requirements.md", "\(Self.folder)/tasks.md"])
    }

    @Test func onlyThePrimaryFolderCountsAndCaseIsForgiven() {
        let status = RequiredDocuments.status(
            of: task(
                [
                    RulesFixture.document("tasks/TN-099-redis/REQUIREMENTS.md", nonBlank: 5),
                    RulesFixture.document("tasks/TN-99-old/tasks.md", nonBlank: 5),
                    RulesFixture.document("tasks/TN-099-redis/notes/tasks.md", nonBlank: 5),
                ], directories: [Self.folder, "tasks/TN-99-old"]),
            configuration: Configuration.Tasks())
        #expect(status.map(\.path) == ["tasks/TN-099-redis/REQUIREMENTS.md", nil])
        #expect(status.map(\.present) == [true, false])
    }

    @Test func aTaskWithoutFolderHasNoStatus() {
        #expect(RequiredDocuments.status(of: task([], directories: []), configuration: Configuration.Tasks()).isEmpty)
    }

    @Test func aMissingDocumentIsMinorAtTheFolder() throws {
        let workspace = RulesFixture.workspace([task([RulesFixture.document("\(Self.folder)/requirements.md", nonBlank: 4)])])
        let found = RulesFixture.findings(workspace, rule: .docsMissing)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .minor)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == Self.folder)
        #expect(finding.line == nil)
        #expect(finding.message.en == "TN-099 has no tasks.md in tasks/TN-099-redis.")
        #expect(finding.message.ru == "В папке tasks/TN-099-redis задачи TN-099 нет документа tasks.md.")
        #expect(finding.remediation?.en == "Write tasks.md in tasks/TN-099-redis, or change tasks.requiredDocuments in phasecert.yml.")
    }

    @Test func aTrivialDocumentIsAFindingAtTheDocument() throws {
        let workspace = RulesFixture.workspace([
            task([
                RulesFixture.document("\(Self.folder)/requirements.md", nonBlank: 2),
                RulesFixture.document("\(Self.folder)/tasks.md", nonBlank: 3),
            ])
        ])
        let finding = try #require(RulesFixture.findings(workspace, rule: .docsMissing).first)
        #expect(finding.file == "\(Self.folder)/requirements.md")
        #expect(finding.message.en == "tasks/TN-099-redis/requirements.md of TN-099 is nearly empty (non-blank lines: 2; at least 3 expected).")
        #expect(finding.message.ru == "Документ tasks/TN-099-redis/requirements.md задачи TN-099 почти пуст: непустых строк — 2, нужно не меньше 3.")
    }

    @Test func documentsOfThreeLinesOrATaskWithoutFolderRaiseNothing() {
        let complete = task([
            RulesFixture.document("\(Self.folder)/requirements.md", nonBlank: 3),
            RulesFixture.document("\(Self.folder)/tasks.md", nonBlank: 30),
        ])
        #expect(RulesFixture.findings(RulesFixture.workspace([complete]), rule: .docsMissing).isEmpty)
        #expect(RulesFixture.findings(RulesFixture.workspace([task([], directories: [])]), rule: .docsMissing).isEmpty)
    }

    @Test func theConfiguredListDecides() {
        var configuration = Configuration()
        configuration.tasks.requiredDocuments = ["design.md"]
        let workspace = RulesFixture.workspace([task([RulesFixture.document("\(Self.folder)/requirements.md", nonBlank: 1)])])
        let found = RulesFixture.findings(workspace, rule: .docsMissing, configuration: configuration)
        #expect(found.map(\.message.en) == ["TN-099 has no design.md in tasks/TN-099-redis."])
    }
}
