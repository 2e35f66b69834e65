import PhaseModel
import TextSupport

/// Reads a task's checklist: every GFM task item (`- [ ]`, `- [x]`), nested ones too,
/// grouped under the nearest heading above it.
public enum ChecklistParser {
    public static func parse(_ text: String, file: String) -> Checklist {
        let document = MarkdownParser.parse(FrontMatter.split(text).body)
        var sections: [ChecklistSection] = []
        var title: String?
        var line: Int?
        var items: [ChecklistItem] = []

        func closeSection() {
            if !items.isEmpty { sections.append(ChecklistSection(title: title, line: line, items: items)) }
            items = []
        }

        // Top-level items have depth 0; a list inside an item is one deeper.
        func walk(_ node: MarkdownNode, depth: Int) {
            switch node.kind {
            case .heading:
                closeSection()
                title = node.plainText.trimmingCharacters(in: .whitespaces)
                line = node.startLine
            case let .item(checked):
                if let checked {
                    let text = node.leadingParagraph?.plainText ?? ""
                    items.append(ChecklistItem(
                        text: text.trimmingCharacters(in: .whitespaces), checked: checked, line: node.startLine, depth: depth))
                }
                for child in node.children {
                    if case .list = child.kind { walk(child, depth: depth + 1) } else { walk(child, depth: depth) }
                }
            default:
                for child in node.children { walk(child, depth: depth) }
            }
        }

        walk(document, depth: 0)
        closeSection()
        return Checklist(file: file, sections: sections)
    }
}
