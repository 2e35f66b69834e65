import PhaseModel
import Testing
@testable import Score

struct CoverageRulesTests {
    func workspace(found: Int, hit: Int, declared: Double? = nil) -> Workspace {
        var task = RulesFixture.task("TN-099")
        task.coverage = CoverageSummary(linesFound: found, linesHit: hit, files: 3)
        if let declared {
            task.metadata = TaskMetadata(
                dependencies: [], linkedPaths: [], targets: ["coverage": declared], source: .file("tasks/TN-099-x/task.yml", line: nil))
        }
        return RulesFixture.workspace([task])
    }

    @Test func coverageBelowTheConfiguredTargetIsMajor() throws {
        let found = RulesFixture.findings(workspace(found: 200, hit: 151), rule: .coverageBelowTarget)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == nil)
        #expect(finding.message.en == "Line coverage of TN-099 is 75.5%, below the configured target of 80% (lines hit: 151 of 200, files: 3).")
        #expect(finding.message.ru == "Покрытие строк задачи TN-099 — 75,5\u{00A0}%, ниже заданной в настройках цели 80\u{00A0}% (покрыто строк: 151 из 200, файлов: 3).")
    }

    @Test func theTasksDeclaredTargetWinsAndIsWhereTheFindingPoints() throws {
        let finding = try #require(RulesFixture.findings(workspace(found: 100, hit: 85, declared: 90), rule: .coverageBelowTarget).first)
        #expect(finding.file == "tasks/TN-099-x/task.yml")
        #expect(finding.message.en.contains("85%, below its declared target of 90%"))
        #expect(finding.message.ru.contains("85\u{00A0}%, ниже заявленной цели задачи 90\u{00A0}%"))
        #expect(RulesFixture.findings(workspace(found: 100, hit: 70, declared: 60), rule: .coverageBelowTarget).isEmpty)
    }

    @Test func coverageEqualToTheTargetMeetsIt() {
        #expect(RulesFixture.findings(workspace(found: 10, hit: 8), rule: .coverageBelowTarget).isEmpty)
        var configuration = Configuration()
        configuration.quality.coverageTarget = 75.5
        #expect(RulesFixture.findings(workspace(found: 200, hit: 151), rule: .coverageBelowTarget, configuration: configuration).isEmpty)
    }

    @Test func aValueJustUnderTheTargetIsNotRoundedUpToIt() {
        let message = RulesFixture.findings(workspace(found: 10_000, hit: 7_996), rule: .coverageBelowTarget).first?.message
        #expect(message?.en.contains("79.9%") == true, "\(String(describing: message?.en))")
        #expect(message?.ru.contains("79,9\u{00A0}%") == true)
    }

    @Test func noCoverageOrNoInstrumentedLinesRaiseNothing() {
        #expect(RulesFixture.findings(workspace(found: 0, hit: 0), rule: .coverageBelowTarget).isEmpty)
        #expect(RulesFixture.findings(RulesFixture.workspace([RulesFixture.task("TN-099")]), rule: .coverageBelowTarget).isEmpty)
    }
}
