import PhaseModel
import Testing
@testable import Score

struct HistoryRulesTests {
    func workspace(checked: Bool?, commits: Int?, history: HistorySummary?) -> Workspace {
        var task = RulesFixture.task("TN-099", line: 6, checked: checked)
        task.git = commits.map { GitSummary(commits: $0, linesAdded: 0, linesDeleted: 0, first: nil, last: nil) }
        return RulesFixture.workspace([task], git: history)
    }

    @Test func aCompleteTaskNoCommitNamesIsMinorAtItsMasterListLine() throws {
        let found = RulesFixture.findings(workspace(checked: true, commits: 0, history: RulesFixture.history(commits: 120)), rule: .taskNoCommits)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .minor)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == RulesFixture.tasksFile)
        #expect(finding.line == 6)
        #expect(finding.message.en == "TN-099 is marked complete, but none of the 120 commits read names it.")
        #expect(finding.message.ru == "Задача TN-099 отмечена как завершённая, но ни один из прочитанных коммитов (120) её не упоминает.")
    }

    @Test func aShallowCloneIsMentioned() {
        let finding = RulesFixture.findings(
            workspace(checked: true, commits: 0, history: RulesFixture.history(commits: 1, shallow: true)), rule: .taskNoCommits
        ).first
        #expect(finding?.message.en.hasSuffix("The clone is shallow, so older commits may be missing.") == true)
        #expect(finding?.message.ru.contains("shallow") == true)
    }

    @Test func aCompleteChecklistWithoutCheckboxCountsAsComplete() {
        var workspace = workspace(checked: nil, commits: 0, history: RulesFixture.history())
        workspace.tasks[0].checklist = RulesFixture.checklist("tasks/TN-099-x/tasks.md", [("a", true)])
        #expect(RulesFixture.findings(workspace, rule: .taskNoCommits).count == 1)
    }

    @Test func commitsOpenTasksOrNoGitRaiseNothing() {
        #expect(RulesFixture.findings(workspace(checked: true, commits: 1, history: RulesFixture.history()), rule: .taskNoCommits).isEmpty)
        #expect(RulesFixture.findings(workspace(checked: false, commits: 0, history: RulesFixture.history()), rule: .taskNoCommits).isEmpty)
        #expect(RulesFixture.findings(workspace(checked: true, commits: nil, history: nil), rule: .taskNoCommits).isEmpty)
        #expect(RulesFixture.findings(workspace(checked: true, commits: 0, history: nil), rule: .taskNoCommits).isEmpty)
        #expect(RulesFixture.findings(workspace(checked: true, commits: nil, history: RulesFixture.history()), rule: .taskNoCommits).isEmpty)
    }
}
