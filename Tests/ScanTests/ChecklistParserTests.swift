import PhaseModel
import Testing
@testable import Scan

struct ChecklistParserTests {
    @Test func itemsAreCountedPerSectionAndInTotal() {
        let text = """
            # Tasks

            - [x] one
            - [ ] two

            ## Tests
            - [x] three
              - [x] three.a
              - [ ] three.b
            - plain item, not counted

            ## Empty section
            Nothing here.
            """
        let checklist = ChecklistParser.parse(text, file: "tasks/TN-001-x/tasks.md")
        #expect(checklist.checked == 3)
        #expect(checklist.total == 5)
        #expect(checklist.sections.map(\.title) == ["Tasks", "Tests"])
        #expect(checklist.sections.map(\.total) == [2, 3])
        #expect(checklist.sections[1].line == 6)
        #expect(checklist.items.map(\.depth) == [0, 0, 0, 1, 1])
        #expect(checklist.items.map(\.line) == [3, 4, 7, 8, 9])
        #expect(checklist.items[4].text == "three.b")
    }

    @Test func itemsBeforeTheFirstHeadingFormAnUntitledSection() {
        let checklist = ChecklistParser.parse("- [X] done\n* [ ] open\n", file: "t.md")
        #expect(checklist.sections.count == 1)
        #expect(checklist.sections[0].title == nil)
        #expect(checklist.checked == 1)
        #expect(checklist.total == 2)
    }

    @Test func orderedAndQuotedTaskItemsCount() {
        let checklist = ChecklistParser.parse("1. [x] a\n2. [ ] b\n\n> - [x] c\n", file: "t.md")
        #expect(checklist.total == 3)
        #expect(checklist.checked == 2)
    }

    @Test func boxesInCodeBlocksAreNotItems() {
        let checklist = ChecklistParser.parse("```\n- [x] not an item\n```\n    - [ ] indented code\n", file: "t.md")
        #expect(checklist.total == 0)
    }

    @Test func crlfAndLfGiveTheSameChecklist() {
        let text = "## A\n- [x] a\n  - [ ] b\n"
        #expect(ChecklistParser.parse(text, file: "t.md") == ChecklistParser.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), file: "t.md"))
    }
}
