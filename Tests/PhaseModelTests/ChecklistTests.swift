import PhaseModel
import Testing

@Suite("Checklist")
struct ChecklistTests {
    private func item(_ checked: Bool, line: Int, depth: Int = 0) -> ChecklistItem {
        ChecklistItem(text: "item \(line)", checked: checked, line: line, depth: depth)
    }

    @Test("A section counts its checked items and its total, nested items included")
    func sectionCounts() {
        let section = ChecklistSection(
            title: "Build", line: 1,
            items: [item(true, line: 2), item(false, line: 3), item(true, line: 4, depth: 1), item(true, line: 5, depth: 2)]
        )
        #expect(section.checked == 3)
        #expect(section.total == 4)
    }

    @Test("An empty section counts 0 of 0")
    func emptySection() {
        let section = ChecklistSection(title: nil, line: nil, items: [])
        #expect(section.checked == 0)
        #expect(section.total == 0)
    }

    @Test("A checklist's totals are the sums over its sections")
    func checklistSumsSections() {
        let checklist = Checklist(file: "tasks/TN-001-x/tasks.md", sections: [
            ChecklistSection(title: nil, line: nil, items: [item(true, line: 1)]),
            ChecklistSection(title: "A", line: 3, items: [item(true, line: 4), item(false, line: 5)]),
            ChecklistSection(title: "B", line: 7, items: []),
            ChecklistSection(title: "C", line: 9, items: [item(false, line: 10), item(false, line: 11), item(true, line: 12)]),
        ])
        #expect(checklist.checked == 1 + 1 + 0 + 1)
        #expect(checklist.total == 1 + 2 + 0 + 3)
        #expect(checklist.checked == checklist.sections.map(\.checked).reduce(0, +))
        #expect(checklist.total == checklist.sections.map(\.total).reduce(0, +))
    }

    @Test("A checklist without sections counts 0 of 0")
    func emptyChecklist() {
        let checklist = Checklist(file: "tasks.md", sections: [])
        #expect(checklist.checked == 0)
        #expect(checklist.total == 0)
        #expect(checklist.items.isEmpty)
    }

    @Test("items lists every item in file order across sections")
    func itemsInFileOrder() {
        let checklist = Checklist(file: "tasks.md", sections: [
            ChecklistSection(title: nil, line: nil, items: [item(true, line: 1), item(false, line: 2)]),
            ChecklistSection(title: "A", line: 4, items: [item(true, line: 5)]),
        ])
        #expect(checklist.items.map(\.line) == [1, 2, 5])
    }
}
