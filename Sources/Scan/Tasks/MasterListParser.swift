import PhaseModel

/// Parses a master list (`tasks/TASKS.md`) from its cmark-gfm syntax tree.
///
/// A heading that names a phase opens it; the phase lasts until the next heading of the same or
/// a higher level. A list item whose text starts with a task id (after its checkbox and any
/// emoji; bold, linked or plain) is a task; the text after the id up to the first status marker
/// is its title, and the rest of the item, its later paragraphs and its nested items are kept
/// as claim text. Items without an id are searched for nested task items.
public enum MasterListParser {
    public static func parse(_ text: String, file: String, ids: TaskIDPattern) -> MasterList {
        var state = State(file: file, ids: ids)
        state.walkBlocks(MarkdownParser.parse(FrontMatter.split(text).body).children)
        return MasterList(
            file: file, phases: state.phases, entries: state.entries, claimTexts: state.claimTexts, findings: state.findings)
    }

    private struct State {
        let file: String
        let ids: TaskIDPattern
        var phases: [Phase] = []
        var entries: [MasterList.Entry] = []
        var claimTexts: [ClaimText] = []
        var findings: [Finding] = []
        /// Index into `phases` of the open phase and its heading level.
        var current: (index: Int, level: Int)?
        var entryIndex: [String: Int] = [:]

        init(file: String, ids: TaskIDPattern) {
            self.file = file
            self.ids = ids
        }

        mutating func walkBlocks(_ blocks: [MarkdownNode]) {
            for block in blocks {
                switch block.kind {
                case let .heading(level):
                    heading(block, level: level)
                case .list:
                    list(block)
                case .blockQuote:
                    walkBlocks(block.children)
                default:
                    continue
                }
            }
        }

        mutating func heading(_ node: MarkdownNode, level: Int) {
            let source = Provenance.file(file, line: node.startLine)
            guard let heading = PhaseHeading(node.plainText) else {
                if let open = current, level <= open.level { current = nil }
                return
            }
            if let claim = heading.claim {
                claimTexts.append(ClaimText(text: claim, source: source, phase: heading.id))
            }
            if let existing = phases.firstIndex(where: { $0.id == heading.id }) {
                findings.append(ScanFindings.duplicatePhase(heading.id, first: phases[existing].source, again: source))
                current = (existing, level)
                return
            }
            phases.append(Phase(id: heading.id, name: heading.name, source: source, tasks: []))
            current = (phases.count - 1, level)
        }

        mutating func list(_ node: MarkdownNode) {
            for item in node.children {
                guard case let .item(checked) = item.kind else { continue }
                if !task(item, checked: checked) {
                    for child in item.children where child.kind == .list(ordered: true) || child.kind == .list(ordered: false) {
                        list(child)
                    }
                }
            }
        }

        /// Records `item` as a task if it starts with an id; returns whether it did.
        mutating func task(_ item: MarkdownNode, checked: Bool?) -> Bool {
            guard let paragraph = item.leadingParagraph else { return false }
            let text = String(StatusText.dropLeadingDecoration(paragraph.plainText))
            guard let (id, range) = ids.leadingID(in: text) else { return false }
            let source = Provenance.file(file, line: item.startLine)
            let phase = current.map { phases[$0.index].id }
            let parts = StatusText.split(String(text[range.upperBound...]))

            if let first = entryIndex[id] {
                findings.append(ScanFindings.duplicateTask(
                    id, first: entries[first].source, firstPhase: entries[first].phase, again: source, againPhase: phase))
            } else {
                entryIndex[id] = entries.count
                entries.append(MasterList.Entry(
                    id: id, title: parts.name.isEmpty ? nil : parts.name, checked: checked, phase: phase, source: source))
                if let index = current?.index { phases[index].tasks.append(id) }
            }
            if !parts.rest.isEmpty {
                claimTexts.append(ClaimText(text: parts.rest, source: source, task: id, phase: phase))
            }
            for child in item.children.dropFirst() {
                child.walk { node in
                    switch node.kind {
                    case .paragraph, .heading, .tableRow, .codeBlock:
                        let body = node.kind == .codeBlock ? (node.literal ?? "") : node.plainText
                        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
                        if !trimmed.isEmpty {
                            claimTexts.append(ClaimText(
                                text: trimmed, source: .file(file, line: node.startLine), task: id, phase: phase))
                        }
                    default:
                        break
                    }
                }
            }
            return true
        }
    }
}
