import PhaseModel
import Testing
@testable import Score

struct ChecklistRulesTests {
    static let file = "tasks/TN-099-redis/tasks.md"

    func task(checked: Bool?, _ items: [(String, Bool)]) -> Workspace {
        RulesFixture.workspace([RulesFixture.task("TN-099", checked: checked, checklist: RulesFixture.checklist(Self.file, items))])
    }

    @Test func aCheckedTaskWithUncheckedItemsPointsAtTheFirstOne() throws {
        let workspace = task(checked: true, [("chart", true), ("probes", false), ("docs", false)])
        let found = RulesFixture.findings(workspace, rule: .checklistIncomplete)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == Self.file)
        #expect(finding.line == 2)
        #expect(finding.message.en == "TN-099 is marked complete, but its checklist has 1 of 3 items checked. First unchecked, line 2: \"probes\".")
        #expect(finding.message.ru == "Задача TN-099 отмечена как завершённая, но в её чек-листе отмечено пунктов: 1 из 3. Первый неотмеченный, строка 2: «probes».")
    }

    @Test func aFullyCheckedChecklistOrAnUncheckedTaskRaisesNothing() {
        #expect(RulesFixture.findings(task(checked: true, [("chart", true), ("probes", true)]), rule: .checklistIncomplete).isEmpty)
        #expect(RulesFixture.findings(task(checked: false, [("chart", true), ("probes", false)]), rule: .checklistIncomplete).isEmpty)
        // Without a checkbox the checklist ratio is the completion, so it is never complete with open items.
        #expect(RulesFixture.findings(task(checked: nil, [("chart", true), ("probes", false)]), rule: .checklistIncomplete).isEmpty)
    }

    @Test func deferredItemsAreCountedWithTheFirstOnesLine() throws {
        let workspace = task(checked: false, [
            ("chart", true), ("Load tests (deferred to Phase 14)", true), ("probes", false), ("Docs — отложено", false),
        ])
        let found = RulesFixture.findings(workspace, rule: .taskDeferredItems)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .minor)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == Self.file)
        #expect(finding.line == 2)
        #expect(finding.message.en == "TN-099 has checklist items marked deferred: 2. First, line 2: \"Load tests (deferred to Phase 14)\".")
        #expect(finding.message.ru == "У задачи TN-099 есть отложенные пункты чек-листа: 2. Первый, строка 2: «Load tests (deferred to Phase 14)».")
    }

    @Test(arguments: [
        "Benchmarks postponed", "do it LATER", "Out of scope: HA", "won't do", "Won’t do", "move to next phase",
        "Отложено", "перенесено в TN-120", "сделаем позже", "в следующей фазе", "⏸ metrics", "defer to v2",
    ])
    func deferredWordsAreRecognised(text: String) {
        #expect(ChecklistRules.isDeferred(text))
    }

    @Test(arguments: ["translate", "collateral", "scope the API", "Deferral policy doc", "phase out v1", "done", "переносимость"])
    func ordinaryWordsAreNotDeferred(text: String) {
        #expect(!ChecklistRules.isDeferred(text))
    }

    @Test func noChecklistNoFindings() {
        let workspace = RulesFixture.workspace([RulesFixture.task("TN-099", checked: true)])
        #expect(RulesFixture.findings(workspace, rule: .checklistIncomplete).isEmpty)
        #expect(RulesFixture.findings(workspace, rule: .taskDeferredItems).isEmpty)
    }
}
