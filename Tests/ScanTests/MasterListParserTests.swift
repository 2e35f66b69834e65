import PhaseModel
import Testing
@testable import Scan

struct MasterListParserTests {
    let ids = try! TaskIDPattern()

    func parse(_ text: String) -> MasterList {
        MasterListParser.parse(text, file: "tasks/TASKS.md", ids: ids)
    }

    func fixture() throws -> MasterList {
        parse(try Fixtures.text("masterlist/production.md"))
    }

    @Test func phasesComeFromHeadingsWithNumbersNamesAndNoDecorations() throws {
        let list = try fixture()
        #expect(list.phases.map(\.id) == ["13", "14.6", "3", "0"])
        #expect(list.phases.map(\.name) == ["Production Packaging", nil, "Хранилище", nil])
        #expect(list.phases[0].source == .file("tasks/TASKS.md", line: 5))
    }

    @Test func headingStatusIsKeptAsClaimText() throws {
        let list = try fixture()
        let headingClaims = list.claimTexts.filter { $0.task == nil }
        #expect(headingClaims.map(\.text) == ["(COMPLETE 100% - 11/11 tasks complete) 🏆", "IN PROGRESS"])
        #expect(headingClaims[0].phase == "13")
        #expect(headingClaims[0].source == .file("tasks/TASKS.md", line: 5))
    }

    @Test func tasksAreItemsStartingWithAnIDInAnyForm() throws {
        let list = try fixture()
        #expect(list.entries.map(\.id) == [
            "TN-200", "TN-044", "TN-099", "TN-097", "TN-098", "TN-100", "TN-300", "TN-301", "TN-400", "TN-030", "TN-001",
        ])
        #expect(list.phases[0].tasks == ["TN-200", "TN-044", "TN-099", "TN-097", "TN-098", "TN-100"])
        #expect(list.phases[1].tasks == ["TN-300", "TN-301"])
        #expect(list.phases[2].tasks == ["TN-030"])
    }

    @Test func checkboxStateIsKeptAndAbsentWithoutABox() throws {
        let entries = try fixture().entries
        let checked = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.checked) })
        #expect(checked["TN-200"] == .some(true))
        #expect(checked["TN-044"] == .some(false))
        #expect(checked["TN-097"] == .some(nil))
        #expect(checked["TN-300"] == .some(false))
    }

    @Test func titleStopsAtTheFirstStatusMarker() throws {
        let titles = Dictionary(uniqueKeysWithValues: try fixture().entries.map { ($0.id, $0.title) })
        #expect(titles["TN-200"] == "Deployment Profile Configuration Support")
        #expect(titles["TN-044"] == "Docker image")
        #expect(titles["TN-099"] == "Redis StatefulSet")
        #expect(titles["TN-097"] == "HPA configuration")
        #expect(titles["TN-098"] == "PostgreSQL StatefulSet")
        #expect(titles["TN-030"] == "Миграции схемы")
    }

    @Test func restOfTheItemAndNestedItemsAreClaimText() throws {
        let claims = try fixture().claimTexts.filter { $0.task == "TN-200" }
        #expect(claims.map(\.text) == [
            "✅ COMPLETE (162% quality, Grade A+ EXCEPTIONAL, 2025-11-28)",
            "39/39 tests passing",
            "design.md (1,970 LOC)",
        ])
        #expect(claims.map(\.source.line) == [7, 8, 9])
        #expect(claims.allSatisfy { $0.phase == "13" })
    }

    @Test func aHeadingOfTheSameLevelClosesThePhase() throws {
        let entries = try fixture().entries
        #expect(entries.first { $0.id == "TN-400" }?.phase == nil)
        #expect(entries.first { $0.id == "TN-100" }?.phase == "13")
    }

    @Test func idsMentionedInProseAreNotTasks() throws {
        #expect(try fixture().entries.contains { $0.id == "TN-999" } == false)
    }

    @Test func aTaskListedUnderTwoPhasesIsAFindingNamingBothLines() throws {
        let list = parse(try Fixtures.text("masterlist/duplicate.md"))
        #expect(list.entries.map(\.id) == ["TN-010", "TN-011"])
        #expect(list.phases.map(\.tasks) == [["TN-010", "TN-011"], []])
        let finding = try #require(list.findings.first)
        #expect(list.findings.count == 1)
        #expect(finding.rule == .masterlistDuplicateTask)
        #expect(finding.line == 8)
        #expect(finding.message.en.contains("tasks/TASKS.md:3"))
        #expect(finding.message.en.contains("tasks/TASKS.md:8"))
        #expect(finding.message.ru.contains("tasks/TASKS.md:3"))
    }

    @Test func aRepeatedPhaseHeadingMergesIntoTheFirstWithAFinding() {
        let list = parse("## Phase 1\n- [ ] AB-001 a\n## Phase 1\n- [ ] AB-002 b\n")
        #expect(list.phases.count == 1)
        #expect(list.phases[0].tasks == ["AB-001", "AB-002"])
        #expect(list.findings.map(\.rule) == [.masterlistDuplicatePhase])
    }

    @Test func crlfLineEndingsParseTheSame() throws {
        let text = try Fixtures.text("masterlist/production.md")
        let crlf = parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        let lf = parse(text)
        #expect(crlf == lf)
    }

    @Test func malformedMarkdownStillYieldsWhatCanBeRead() {
        let list = parse("## Phase 2: X\n- [x] **TN-5 unclosed bold\n```\n- [ ] TN-6 inside an unclosed fence\n")
        #expect(list.phases.map(\.id) == ["2"])
        #expect(list.entries.map(\.id) == ["TN-005"])
    }

    @Test func frontMatterIsNotReadAsHeadingsAndKeepsLineNumbers() {
        let list = parse("---\ntitle: x\n---\n## Phase 4\n- [ ] TN-4 thing\n")
        #expect(list.phases.first?.source.line == 4)
        #expect(list.entries.first?.source.line == 5)
    }

    @Test func referenceReportHeadingShapesAreRead() {
        #expect(PhaseHeading("✅ Phase 13: Production Packaging - FINAL STATUS") == PhaseHeading(id: "13", name: "Production Packaging", claim: "FINAL STATUS"))
        #expect(PhaseHeading("StreamGate Phase 9 - Complete")?.id == "9")
        #expect(PhaseHeading("StreamGate Phase 9 - Complete")?.name == nil)
        #expect(PhaseHeading("Phase 13: Production Packaging - Итоги аудита (RU)")?.name == "Production Packaging")
        #expect(PhaseHeading("Этап 2. Сборка")?.name == "Сборка")
        #expect(PhaseHeading("Phases overview") == nil)
        #expect(PhaseHeading("Comparison with other phases") == nil)
    }
}
