import PhaseModel
import TextSupport

/// Parses a master list (`tasks/TASKS.md`) from its cmark-gfm syntax tree.
///
/// A heading that names a phase opens it; the phase lasts until the next heading of the same or
/// a higher level. A list item whose text starts with a task id (after its checkbox and any
/// emoji; bold, linked or plain) is a task; the text after the id up to the first status marker
/// is its title, and the rest of the item, its later paragraphs and its nested items are kept
/// as claim text — but for nested items numbered under it (`1.1` under `1.`), which are tasks of
/// their own. Items without an id are searched for nested task items.
///
/// In a list whose tasks are all in tables (and only then, since a list of items often has
/// tables of figures that name tasks), a table row whose first cell starts with an id is a
/// task (an index such as `| [T-001](T-001-init.md) | Title | … |`): its title is the rest of that cell, else the
/// `Name`/`Title`/`Task` column, else the second cell; a `Status` column gives its state.
/// With a `qualifier` (a feature folder), ids are written `<qualifier>/<id>`, since plain ids
/// repeat across features.
public enum MasterListParser {
    public static func parse(_ text: String, file: String, ids: any TaskIDSyntax, qualifier: String? = nil) -> MasterList {
        var state = State(file: file, ids: ids)
        state.qualifier = qualifier
        state.walkBlocks(MarkdownParser.parse(FrontMatter.split(text).body).children)
        state.recordTableRowsIfNoItems()
        return MasterList(
            file: file, phases: state.phases, entries: state.entries, claimTexts: state.claimTexts, findings: state.findings)
    }

    private struct State {
        let file: String
        let ids: any TaskIDSyntax
        var qualifier: String?
        var phases: [Phase] = []
        var entries: [MasterList.Entry] = []
        var claimTexts: [ClaimText] = []
        var findings: [Finding] = []
        /// Index into `phases` of the open phase and its heading level.
        var current: (index: Int, level: Int)?
        var entryIndex: [String: Int] = [:]
        /// Index into `phases` by phase id.
        var phaseIndex: [String: Int] = [:]
        /// The text of the latest heading: `Completed features` says the state of the rows under it.
        var lastHeading: String?
        /// Task rows of tables with the phase open where each stands, recorded only when no list item is a task.
        var tableRows: [(id: String, title: String, checked: Bool?, source: Provenance, phase: Int?, dependencies: [String])] = []

        init(file: String, ids: any TaskIDSyntax) {
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
                case .table:
                    table(block)
                case .blockQuote:
                    walkBlocks(block.children)
                default:
                    continue
                }
            }
        }

        mutating func heading(_ node: MarkdownNode, level: Int) {
            lastHeading = node.plainText
            let source = Provenance.file(file, line: node.startLine)
            guard let heading = PhaseHeading(node.plainText) else {
                if let open = current, level <= open.level { current = nil }
                return
            }
            if let claim = heading.claim {
                claimTexts.append(ClaimText(text: claim, source: source, phase: heading.id))
            }
            if let existing = phaseIndex[heading.id] {
                findings.append(ScanFindings.duplicatePhase(heading.id, first: phases[existing].source, again: source))
                current = (existing, level)
                return
            }
            phaseIndex[heading.id] = phases.count
            phases.append(Phase(id: heading.id, name: heading.name, source: source, tasks: []))
            current = (phases.count - 1, level)
        }

        func qualified(_ id: String) -> String {
            qualifier.map { "\($0)/\(id)" } ?? id
        }

        /// Adds a task entry, or a finding when the id was listed before.
        mutating func record(_ id: String, title: String, checked: Bool?, source: Provenance, phase: String?) {
            if let first = entryIndex[id] {
                findings.append(ScanFindings.duplicateTask(
                    id, first: entries[first].source, firstPhase: entries[first].phase, again: source, againPhase: phase))
                return
            }
            entryIndex[id] = entries.count
            entries.append(MasterList.Entry(
                id: id, title: title.isEmpty ? nil : title, checked: checked, phase: phase, source: source))
            if let index = current?.index { phases[index].tasks.append(id) }
        }

        /// Task rows of an index table: the first cell starts with an id.
        mutating func table(_ node: MarkdownNode) {
            let rows = node.children.filter { $0.kind == .tableRow }
            guard let header = rows.first else { return }
            let names = header.children.map { $0.plainText.trimmingCharacters(in: .whitespaces).lowercased() }
            let titleColumn = names.indices.first { $0 > 0 && TableColumns.title.contains(names[$0]) }
            let statusColumn = names.firstIndex { TableColumns.status.contains($0) }
            let dependencyColumn = names.indices.first { $0 > 0 && TableColumns.dependencies.contains(names[$0]) }
            for row in rows.dropFirst() {
                let cells = row.children.map { $0.plainText.trimmingCharacters(in: .whitespaces) }
                guard let first = cells.first else { continue }
                let text = String(StatusText.dropLeadingDecoration(first))
                guard let (written, range) = ids.leadingTaskID(in: text) else { continue }
                var title = StatusText.split(String(text[range.upperBound...])).name
                if title.isEmpty, let column = titleColumn ?? (cells.count > 1 ? 1 : nil), column < cells.count {
                    title = StatusText.split(cells[column]).name
                }
                let checked = statusColumn.flatMap { $0 < cells.count ? TaskStatusWord.done(cells[$0]) : nil }
                    ?? (statusColumn == nil ? lastHeading.flatMap(TaskStatusWord.doneHeading) : nil)
                var dependencies: [String] = []
                if let column = dependencyColumn, column < cells.count, let pattern = ids as? TaskIDPattern {
                    let named = pattern.ids(in: cells[column]) + pattern.rangeIDs(in: cells[column])
                    // Zero-padded ids sort in number order: `T-003-T-005` and `T-004` read alike.
                    dependencies = Set(named.map(qualified)).sorted()
                }
                tableRows.append((qualified(written), title, checked, .file(file, line: row.startLine), current?.index, dependencies))
            }
        }

        mutating func recordTableRowsIfNoItems() {
            guard entries.isEmpty else { return }
            for row in tableRows {
                current = row.phase.map { ($0, 0) }
                record(row.id, title: row.title, checked: row.checked, source: row.source, phase: row.phase.map { phases[$0].id })
                if let index = entryIndex[row.id], entries[index].source == row.source { entries[index].dependencies = row.dependencies }
            }
            current = nil
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
            guard let (written, range) = ids.leadingTaskID(in: text) else { return false }
            let id = qualified(written)
            let source = Provenance.file(file, line: item.startLine)
            let phase = current.map { phases[$0.index].id }
            let parts = StatusText.split(String(text[range.upperBound...]))
            record(id, title: parts.name, checked: checked, source: source, phase: phase)
            if !parts.rest.isEmpty {
                claimTexts.append(ClaimText(text: parts.rest, source: source, task: id, phase: phase))
            }
            for child in item.children.dropFirst() {
                guard child.kind == .list(ordered: true) || child.kind == .list(ordered: false) else {
                    claims(in: child, task: id, phase: phase)
                    continue
                }
                // Sub-items numbered under this one (`1.1` under `1.`) are tasks of their own.
                for subItem in child.children {
                    if case let .item(subChecked) = subItem.kind, isNumbered(subItem, under: written) {
                        _ = task(subItem, checked: subChecked)
                    } else {
                        claims(in: subItem, task: id, phase: phase)
                    }
                }
            }
            return true
        }

        /// Whether `item` starts with an id numbered under `parent` (`1.1` under `1`).
        func isNumbered(_ item: MarkdownNode, under parent: String) -> Bool {
            guard let paragraph = item.leadingParagraph,
                let (written, _) = ids.leadingTaskID(in: String(StatusText.dropLeadingDecoration(paragraph.plainText)))
            else { return false }
            return written.hasPrefix(parent + ".")
        }

        /// The text of `node` and its descendants, as claim text of a task.
        mutating func claims(in node: MarkdownNode, task id: String, phase: String?) {
            node.walk { node in
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
    }
}
