import PhaseModel
import Testing
@testable import Score

struct DependencyRulesTests {
    static let source = Provenance.file("tasks/TN-099-x/task.yml", line: 3)

    func workspace(checked: Bool, dependencies: [String], others: [TaskRecord]) -> Workspace {
        var task = RulesFixture.task("TN-099", checked: checked)
        task.metadata = TaskMetadata(dependencies: dependencies, linkedPaths: [], targets: [:], source: Self.source)
        return RulesFixture.workspace(others + [task])
    }

    @Test func dependingOnAPartlyDoneTaskIsMajorAtTheMetadata() throws {
        let half = RulesFixture.task(
            "TN-098", line: 2, checked: true, checklist: RulesFixture.checklist("tasks/TN-098-x/tasks.md", [("a", true), ("b", false)]))
        let found = RulesFixture.findings(workspace(checked: true, dependencies: ["TN-098"], others: [half]), rule: .dependencyIncomplete)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == "tasks/TN-099-x/task.yml")
        #expect(finding.line == 3)
        #expect(finding.message.en == "TN-099 is marked complete but depends on TN-098, which is 50% complete.")
        #expect(finding.message.ru == "Задача TN-099 отмечена как завершённая, но зависит от задачи TN-098, выполненной на 50%.")
        #expect(finding.remediation?.en == "Finish TN-098 first, or reopen TN-099 until it is done.")
    }

    @Test func unknownAndUnevidencedDependenciesEachGetAFinding() {
        let unknownState = RulesFixture.task("TN-097", line: 2)
        let found = RulesFixture.findings(
            workspace(checked: true, dependencies: ["TN-097", "TN-404"], others: [unknownState]), rule: .dependencyIncomplete)
        #expect(found.map(\.message.en) == [
            "TN-099 is marked complete but depends on TN-097, which has no completion evidence.",
            "TN-099 is marked complete but depends on TN-404, which is not a task of this workspace.",
        ])
        #expect(found.map(\.message.ru) == [
            "Задача TN-099 отмечена как завершённая, но зависит от задачи TN-097, по которой нет данных о завершении.",
            "Задача TN-099 отмечена как завершённая, но зависит от задачи TN-404, которой нет среди задач.",
        ])
        #expect(found.last?.remediation?.en == "Correct the dependency id in tasks/TN-099-x/task.yml:3, or add TN-404 to the master list.")
    }

    @Test func completeDependenciesOrAnOpenTaskRaiseNothing() {
        let done = RulesFixture.task("TN-098", line: 2, checked: true)
        #expect(RulesFixture.findings(workspace(checked: true, dependencies: ["TN-098"], others: [done]), rule: .dependencyIncomplete).isEmpty)
        let open = RulesFixture.task("TN-098", line: 2, checked: false)
        #expect(RulesFixture.findings(workspace(checked: false, dependencies: ["TN-098"], others: [open]), rule: .dependencyIncomplete).isEmpty)
    }
}
