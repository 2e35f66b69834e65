import PhaseModel
import TextSupport

/// Walks one Markdown document's syntax tree in order and collects its claims.
///
/// Headings open sections (closed by the next heading of the same or a higher level) that may
/// name a task; list items and table rows may name their own. Each heading, paragraph, list
/// item's first paragraph and table cell is one span for the phrase scanner; the claims only the
/// structure shows are added beside them (see `ClaimExtractor`).
struct DocumentClaimWalker {
    let file: String
    private let index: ClaimScopeIndex
    private let documentScope: ClaimScope
    private var idScanner: TaskIDScanner
    private var claims: [Claim] = []
    /// Findings for items that held more claims than `ClaimExtractionCap.claimsPerItem`.
    private(set) var capFindings: [Finding] = []
    private var headings: [Frame] = []
    /// The last table of the current section: what an average stated below it is checked against.
    private var lastTable: TableGrid?
    /// LOC totals waiting for the per-file LOC of the items listed under them.
    private var pendingTotals: [(claim: Int, items: [Int])] = []
    /// The per-file LOC figures of each list item, by the item's start line.
    private var fileLOC: [Int: [Double]] = [:]
    /// While a table row is read: the deliverables its cells named, so that a path named in two
    /// cells (`pyproject.toml` and its location `/pyproject.toml`) is one deliverable.
    private var rowDeliverables: Set<String>?
    /// The document is a checklist (`tasks.md`, `CHECKLIST.md`): written before the work as its
    /// plan, so only its ticked items state what was done.
    private let isChecklist: Bool
    /// How many ticked items the walk is inside of.
    private var tickedDepth = 0
    /// Sections whose heading states how many files they list: what a recap elsewhere counts.
    private var countedSections: [CountedFileSection] = []
    /// Sections that list passed test results: what a test count in their heading or summary counts.
    private var resultListings: [TestResultListing] = []

    private struct Frame {
        var level: Int
        var scope: ClaimScope
        /// The heading says its section lists deliverables (`Files Created`, `Результаты`).
        var deliverables: Bool
        /// The heading says its section plans work (`Implementation Plan`, `Next Steps`,
        /// `План реализации`, `Рекомендации`): what it states is to be done, not done.
        var plans = false
        /// The one test file the heading names (`### userValidation.test.ts`): what a test count in
        /// its section that names no file of its own is of.
        var testFile: String?
        /// The claims given `testFile`: when the section holds more than one, they are parts or
        /// wholes of something the heading does not say, and none keeps it.
        var testFileClaims: [Int] = []
    }

    /// What a span may carry besides its phrases.
    private struct Options {
        /// The blocks that may list what the span counts (a heading's section, the block after a
        /// lead-in line), for file counts and LOC totals. Looked at only when the span counts something.
        var listing: [MarkdownNode] = []
        /// What the span lists when that is known without looking (the siblings of a `Total:` item).
        var listed: ListedItems?
        /// Whether a line of the span may state the average of the table above.
        var averages = false
        /// The inlines to look for a leading deliverable path in.
        var deliverable: [MarkdownNode]?
    }

    init(file: String, ids: TaskIDPattern, index: ClaimScopeIndex, scope: ClaimScope) {
        self.file = file
        self.index = index
        self.documentScope = scope
        self.idScanner = TaskIDScanner(pattern: ids)
        self.isChecklist = Self.checklistNames.contains((file.split(separator: "/").last.map(String.init) ?? file).lowercased())
    }

    /// Names of documents that plan work as a checklist.
    static let checklistNames: Set<String> = ["tasks.md", "checklist.md", "todo.md"]

    /// Whether text at the current place states a fact: not in an unticked item (a to-do), and in
    /// a checklist document only inside a ticked item.
    private var statesFacts: Bool {
        (!isChecklist || tickedDepth > 0) && !headings.contains(where: \.plans)
    }

    private var scope: ClaimScope { headings.last?.scope ?? documentScope }
    private var inDeliverables: Bool { headings.contains(where: \.deliverables) }

    mutating func walk(_ root: MarkdownNode) {
        let blocks = root.children
        for (position, block) in blocks.enumerated() {
            if case let .heading(level) = block.kind {
                let section = blocks[(position + 1)...].prefix { node in
                    if case let .heading(other) = node.kind { return other > level }
                    return true
                }
                heading(block, level: level, section: Array(section))
            } else {
                self.block(block, next: position + 1 < blocks.count ? blocks[position + 1] : nil, scope: scope)
            }
        }
    }

    /// The claims collected, with LOC totals completed from the items listed under them.
    mutating func finish() -> [Claim] {
        while !headings.isEmpty { closeSection() }
        for pending in pendingTotals where claims[pending.claim].expected == nil {
            let perItem = pending.items.map { fileLOC[$0] ?? [] }
            // Only a complete listing sums to a total: one figure for every item.
            guard perItem.count >= 2, perItem.allSatisfy({ $0.count == 1 }) else { continue }
            claims[pending.claim].expected = perItem.reduce(0) { $0 + $1[0] }
        }
        completeRecaps()
        completeResultCounts()
        return claims
    }

    // MARK: Blocks

    private mutating func heading(_ node: MarkdownNode, level: Int, section: [MarkdownNode]) {
        while let last = headings.last, last.level >= level { closeSection() }
        lastTable = nil
        let span = TextSpan(node.children, line: node.startLine)
        let own = ownScope(span.text, around: scope, phaseOfTasks: true)
        // A test file's name has a dot (`TestCountReference.isTestPath`), which trimming keeps.
        let testFiles = Set(span.text.split(whereSeparator: \.isWhitespace).filter { $0.contains(".") }.map { word in
            PathToken.withoutLineReference(PathToken.trimmed(word))
        }.filter(TestCountReference.isTestPath))
        headings.append(Frame(
            level: level, scope: own, deliverables: ClaimWords.namesDeliverables(span.text),
            testFile: testFiles.count == 1 ? testFiles.first : nil))
        let first = claims.count
        emit(span, scope: own, options: Options(listing: section))
        // `## 2026-06-17T00:32 - Task 7.4 checked`: a heading that opens with a date dates the
        // entry under it, written then.
        if first < claims.count, claims[first].kind == .date, claims[first].subject == nil,
            span.text.drop(while: { !$0.isNumber && !$0.isLetter }).hasPrefix(claims[first].text)
        {
            claims[first].subject = Claim.documentDateSubject
        }
        // The heading's own words are read (`Plan: 12/12 tasks`); only its section is a plan.
        headings[headings.count - 1].plans = ClaimWords.namesPlan(span.text)
        if statesFacts, let counted = CountedFileSection(heading: span.text, line: node.startLine, section: section) {
            countedSections.append(counted)
        }
        if statesFacts, let results = TestResultListing(heading: node, section: section) {
            resultListings.append(results)
        }
    }

    /// Completes each test count of all or of the passed tests that stands where a section's
    /// listed results are summed up (`TestResultListing`) with their number. A line holding two
    /// test counts (`12 tests, 10 new`) says too little about which one the listing is of.
    private mutating func completeResultCounts() {
        guard !resultListings.isEmpty else { return }
        let counts = claims.indices.filter { claims[$0].kind == .testCount }
        let perLine = Dictionary(grouping: counts) { claims[$0].source.line ?? 0 }
        for (line, indices) in perLine where indices.count == 1 {
            let index = indices[0]
            // A count of new tests is of a part of the results.
            guard ["count", "passing"].contains(claims[index].subject ?? ""), claims[index].expected == nil,
                claims[index].bound == nil, claims[index].claimed != nil
            else { continue }
            let listed = Set(resultListings.filter { $0.lines.contains { $0.contains(line) } }.map(\.count))
            guard listed.count == 1, let count = listed.first else { continue }
            claims[index].expected = Double(count)
        }
    }

    /// Completes each file count that names which files it counts (`2 documentation files`) and
    /// recaps a counted section of the document, when it agrees with that section
    /// (`CountedFileSection`). The heading becomes the claim's subject, which the note names.
    private mutating func completeRecaps() {
        guard !countedSections.isEmpty else { return }
        for index in claims.indices where claims[index].kind == .fileCount && claims[index].expected == nil {
            guard claims[index].bound == nil, let claimed = claims[index].claimed,
                let section = CountedFileSection.recapped(by: claims[index].text, in: countedSections),
                Double(section.count) == claimed, claims[index].source.line != section.line
            else { continue }
            claims[index].expected = claimed
            claims[index].subject = section.heading
        }
    }

    /// Closes the innermost section: a heading's test file stays with a count of its section
    /// only when the section holds that one count.
    private mutating func closeSection() {
        guard let closed = headings.popLast() else { return }
        if closed.testFileClaims.count > 1 {
            for index in closed.testFileClaims { claims[index].claimedValue = nil }
        }
    }

    /// Gives each test count among the claims from `first` on the test file `text` (the unit they
    /// were read in) writes it is of (`TestCountReference`), else the one its section's heading names.
    private mutating func nameTestFiles(from first: Int, in text: String) {
        // A checklist's counts were planned with its items (`Write 8 test cases`): a tick says the
        // item is done, not that the plan's figure held.
        guard !isChecklist else { return }
        let counts = claims.indices.dropFirst(first).filter { claims[$0].kind == .testCount && claims[$0].claimedValue == nil }
        guard !counts.isEmpty else { return }
        let files = TestCountReference.files(in: text, counts: counts.map { claims[$0].text })
        for (index, file) in zip(counts, files) {
            if let file {
                claims[index].claimedValue = file
            } else if let heading = headings.indices.last, let file = headings[heading].testFile {
                claims[index].claimedValue = file
                headings[heading].testFileClaims.append(index)
            }
        }
    }

    private mutating func blocks(_ nodes: [MarkdownNode], scope: ClaimScope) {
        for (position, node) in nodes.enumerated() {
            block(node, next: position + 1 < nodes.count ? nodes[position + 1] : nil, scope: scope)
        }
    }

    private mutating func block(_ node: MarkdownNode, next: MarkdownNode?, scope: ClaimScope) {
        switch node.kind {
        case .paragraph:
            let span = TextSpan(node.children, line: node.startLine)
            let listing = next.map { next in ListedItems.isList(next) || next.kind == .table ? [next] : [] } ?? []
            emit(span, scope: scope, options: Options(listing: listing, averages: true))
        case .heading:
            // A heading inside a list item or quote opens no section; its text is read all the same.
            emit(TextSpan(node.children, line: node.startLine), scope: scope, options: Options())
        case .list:
            list(node, scope: scope)
        case .table:
            table(node, scope: scope)
        case .blockQuote:
            blocks(node.children, scope: scope)
        default:
            // Code blocks hold code and command output, not statements; HTML is not read.
            break
        }
    }

    private mutating func list(_ node: MarkdownNode, scope: ClaimScope) {
        let items = node.children.filter(ListedItems.isItem)
        let fileField = Self.fileField(of: items)
        for item in items {
            // An unticked item is a to-do: what it names is planned, not done, down to its sub-items.
            if case .item(checked: false) = item.kind { continue }
            let ticked = item.kind == .item(checked: true)
            if ticked { tickedDepth += 1 }
            defer { if ticked { tickedDepth -= 1 } }
            let leading = item.children.firstIndex { $0.kind == .paragraph }
            var itemScope = scope
            if let leading {
                let paragraph = item.children[leading]
                let span = TextSpan(paragraph.children, line: paragraph.startLine)
                itemScope = ownScope(span.text, around: scope)
                let nested = item.children.filter(ListedItems.isList)
                var listed: ListedItems?
                if nested.isEmpty, Self.startsWithTotal(span.text) {
                    // `Total: 1,243 LOC` among items that each give a file's LOC.
                    listed = ListedItems(count: nil, itemLines: items.map(\.startLine).filter { $0 != item.startLine })
                }
                let options = Options(
                    listing: nested, listed: listed, averages: true,
                    deliverable: inDeliverables ? paragraph.children : nil)
                let first = claims.count
                var produced = emit(span, scope: itemScope, options: options)
                markStepStatuses(from: first, in: span.text)
                // `**tests/e2e/session.spec.ts** — session tests (72 lines)`, `spec.md: 171 lines`:
                // an item that opens with a path and states one line count states that file's.
                let unnamed = claims.indices.dropFirst(first).filter { claims[$0].kind == .loc && claims[$0].subject == nil }
                // The path must be what the item shows, not a link behind other words
                // (`[Output Buffer Cap (1000 lines)](docs/prd/PRD.md)` counts no lines of the PRD).
                if unnamed.count == 1, let only = unnamed.first, let leading = PathToken.leading(in: paragraph.children),
                    PathToken.isPathLike(PathToken.trimmed(Substring(leading.text))), !Self.isTotal(claims[only].text)
                {
                    claims[only].subject = leading.path
                    produced = Array(claims[first...])
                } else if unnamed.count == 1, let only = unnamed.first, let fileField,
                    Self.fieldText(span.text).hasPrefix(claims[only].text), !Self.isTotal(claims[only].text)
                {
                    // `- **File:** `src/x.ts`` then `- **Lines of code:** 63`: an entry written as a
                    // list of fields gives its file in one item and the file's line count in another.
                    claims[only].subject = fileField
                    produced = Array(claims[first...])
                }
                let perFile = produced.filter { $0.kind == .loc && Self.isPath($0.subject) }.compactMap(\.claimed)
                if !perFile.isEmpty { fileLOC[item.startLine] = perFile }
            }
            var rest = item.children
            if let leading { rest.remove(at: leading) }
            blocks(rest, scope: itemScope)
        }
    }

    private mutating func table(_ node: MarkdownNode, scope: ClaimScope) {
        guard statesFacts else { return }
        let grid = TableGrid(node)
        let commitColumns = Set(grid.header.indices.filter { ClaimWords.namesCommits(grid.header[$0].text) })
        let lineTable = LineTable(grid)
        for (rowIndex, row) in grid.rows.enumerated() {
            let rowScope = ownScope(row.text, around: scope)
            // A row whose action removes its file (`| ci.yml | Delete |`) delivers nothing.
            let removes = row.cells.contains { ClaimWords.saysRemoval($0.text) }
            rowDeliverables = []
            defer { rowDeliverables = nil }
            let rowStart = claims.count
            defer { nameTestFiles(from: rowStart, in: row.text) }
            defer { markStepStatuses(from: rowStart, in: row.text) }
            var consumed = Set<Int>()
            if let label = row.label, let labelColumn = row.labelColumn {
                for column in row.cells.indices where column != labelColumn {
                    guard let claim = columnClaim(label, grid: grid, row: rowIndex, column: column, scope: rowScope) else {
                        continue
                    }
                    claims.append(claim)
                    consumed.insert(column)
                }
            }
            if let lineTable, row.label == nil, let claim = lineClaim(row, in: lineTable, scope: rowScope) {
                // The cell's figure is this claim; read again as a phrase it would be a total of nothing.
                claims.append(claim)
                consumed.insert(lineTable.linesColumn)
            }
            for (column, cell) in row.cells.enumerated() where !consumed.contains(column) {
                let span = TextSpan(cell.inlines, line: row.line)
                emit(span, scope: rowScope, options: Options(deliverable: inDeliverables && !removes ? cell.inlines : nil))
                if commitColumns.contains(column), let commit = CommitIDToken.leading(in: cell.text) {
                    claims.append(Claim(
                        kind: .commitRef, text: commit.text, source: .file(file, line: row.line), task: rowScope.task,
                        phase: rowScope.phase, claimedValue: commit.id))
                }
            }
        }
        lastTable = grid
    }

    /// The line count a row of a line table states: of the one file the row names (`subject`), or,
    /// in a history table, added by the row's commit (`claimedValue`, the prefix as written). A
    /// history row that also names a file, or a file row that names two, says too little about
    /// what was counted, and gives none.
    private func lineClaim(_ row: TableGrid.Row, in table: LineTable, scope: ClaimScope) -> Claim? {
        guard table.linesColumn < row.cells.count, let figure = LineTable.figure(row.cells[table.linesColumn], history: table.commitColumn != nil) else {
            return nil
        }
        let others = row.cells.indices.filter { $0 != table.linesColumn && $0 != table.commitColumn }
        let paths = others.compactMap { column in LineTable.path(in: row.cells[column]).map { (column: column, path: $0) } }
        var claim = Claim(
            kind: .loc, text: "", source: .file(file, line: row.line), task: scope.task, phase: scope.phase,
            claimed: figure.value, bound: ClaimBound(marks: figure))
        if let commitColumn = table.commitColumn {
            guard paths.isEmpty, commitColumn < row.cells.count,
                let commit = CommitIDToken.leading(in: row.cells[commitColumn].text)
            else { return nil }
            claim.claimedValue = commit.id
            claim.text = row.cells[commitColumn].text + " | " + row.cells[table.linesColumn].text
        } else {
            guard paths.count == 1, let named = paths.first else { return nil }
            claim.subject = named.path
            claim.text = row.cells[named.column].text + " | " + row.cells[table.linesColumn].text
        }
        return claim
    }

    /// The total or average claim of one cell of a total or average row: the cell's figure
    /// against the sum or mean of the column's figures in the plain rows above it.
    private func columnClaim(
        _ label: ClaimWords.RowLabel, grid: TableGrid, row: Int, column: Int, scope: ClaimScope
    ) -> Claim? {
        let cells = grid.rows[row].cells
        guard let figure = cells[column].number else { return nil }
        let header = grid.headerText(column) ?? ""
        let allBody = grid.bodyCells(column: column, before: row)
        // A template's placeholder in any row (`${data.hours || 8}`) leaves the column's sum unknown.
        guard !allBody.contains(where: { $0.text.contains { $0 == "{" || $0 == "}" } }) else { return nil }
        let body = allBody.filter { $0.number?.isPercent == figure.isPercent }
        let values = body.compactMap(\.number).map(\.value)
        guard values.count >= 2 else { return nil }
        // The same quantity in the same unit, written exactly: `2.5 hours` is no sum of `30 min`
        // rows, `~895` or `>90` no exact total, and rows of `~70` calls sum to no exact figure.
        let units = Set(([cells[column]] + body).map { TableGrid.unit(in: $0.text) })
        guard units.count == 1 else { return nil }
        let bounded = ([cells[column]] + body).contains { cell in
            cell.number.map { $0.approximate || $0.atLeast } == true || cell.text.contains { "<>≤≥~≈".contains($0) }
        }
        guard !bounded else { return nil }
        let kind: ClaimKind
        let expected: Double
        switch label {
        case .total:
            // A percentage under a column that is not itself a total is usually a mean, or a ratio
            // of other columns: summing it would accuse the report of an error it did not make.
            guard !figure.isPercent || ClaimWords.saysTotal(header) else { return nil }
            kind = .total
            expected = values.reduce(0, +)
        case .average:
            kind = .average
            expected = values.reduce(0, +) / Double(values.count)
        }
        return Claim(
            kind: kind, text: cells[column].text, source: .file(file, line: grid.rows[row].line), task: scope.task,
            phase: scope.phase, subject: header, claimed: figure.value, expected: expected)
    }

    // MARK: Spans

    /// A claim and where in its span's text it stands, for putting a span's claims in text order.
    private typealias Placed = (position: String.Index, claim: Claim)

    /// Reads one span: its phrases, and the structure claims `options` allow. Returns the claims
    /// added, in the order they stand in the text.
    @discardableResult
    private mutating func emit(_ span: TextSpan, scope: ClaimScope, options: Options) -> [Claim] {
        let text = span.text
        guard statesFacts, text.contains(where: { !$0.isWhitespace }) else { return [] }
        var (phrases, isCapped) = ClaimPhraseScanner.claims(in: text, limit: ClaimExtractionCap.claimsPerItem)
        if isCapped {
            capFindings.append(ClaimExtractionCap.finding(
                at: .file(file, line: span.firstLine), task: scope.task, phase: scope.phase))
        }
        let fileCountPhrase = options.listing.isEmpty ? nil : FileCountPhrase.find(in: text)
        let countsLines = phrases.contains { $0.kind == .loc && !Self.isPath($0.subject) }
        let listed = options.listed ?? (fileCountPhrase != nil || countsLines ? ListedItems(in: options.listing) : nil)

        var produced: [Placed] = []
        if options.averages, let table = lastTable {
            produced += averages(in: span, against: table, scope: scope, phrases: &phrases)
        }
        if let listing = listed, listing.namePaths, let listed = listing.count, let phrase = fileCountPhrase,
            !phrase.isBound
        {
            produced += fileCount(phrase, listed: listed, in: span, scope: scope, phrases: &phrases)
        }
        for phrase in phrases {
            let source = Provenance.file(file, line: span.line(at: phrase.range.lowerBound))
            produced.append((phrase.range.lowerBound, phrase.claim(source: source, task: scope.task, phase: scope.phase)))
        }
        produced += deliverables(in: span, scope: scope, inlines: options.deliverable, besides: produced)

        let ordered = produced.enumerated().sorted { lhs, rhs in
            lhs.element.position != rhs.element.position ? lhs.element.position < rhs.element.position : lhs.offset < rhs.offset
        }.map(\.element.claim).filter { claim in
            // A checklist item was written before its work: `(~240 lines)` there is an estimate,
            // even once the item is ticked.
            !(isChecklist && claim.bound == .about)
        }
        let first = claims.count
        claims += ordered
        // A table row is read cell by cell; its test files are named once the whole row is read.
        if rowDeliverables == nil { nameTestFiles(from: first, in: text) }
        if let items = listed?.itemLines, !items.isEmpty {
            for (offset, added) in ordered.enumerated() where added.kind == .loc && !Self.isPath(added.subject) {
                pendingTotals.append((first + offset, items))
            }
        }
        return ordered
    }

    /// A claim of `kind` with the span's source line at `position`, in `scope`.
    private func claim(_ kind: ClaimKind, _ written: String, in span: TextSpan, at position: String.Index, scope: ClaimScope) -> Claim {
        Claim(kind: kind, text: written, source: .file(file, line: span.line(at: position)), task: scope.task, phase: scope.phase)
    }

    /// Averages stated on the span's lines about `table`. The phrase scanner reads the same figure
    /// as a quality or coverage figure; it is an average, so that reading is dropped.
    private func averages(
        in span: TextSpan, against table: TableGrid, scope: ClaimScope, phrases: inout [PhraseClaim]
    ) -> [Placed] {
        let text = span.text
        guard text.contains(where: \.isNumber) else { return [] }
        let numbers = ClaimNumberScanner.numbers(in: text)
        var result: [Placed] = []
        for (segment, _) in span.lines {
            guard let statement = AverageStatement.find(in: text, segment: segment, numbers: numbers, table: table)
            else { continue }
            phrases.removeAll { phrase in
                [.quality, .coverage, .completion].contains(phrase.kind) && phrase.range.overlaps(statement.claimed.range)
            }
            let position = statement.claimed.range.lowerBound
            var average = claim(.average, statement.text, in: span, at: position, scope: scope)
            average.subject = statement.subject
            average.claimed = statement.claimed.value
            average.expected = statement.expected
            result.append((position, average))
        }
        return result
    }

    /// A file count above a listing: the phrase scanner's reading of the figure is completed with
    /// the count of listed items, or, when it read the figure as something else (`Tests (4 files)`
    /// as a test count), replaced by a file count.
    private func fileCount(
        _ phrase: FileCountPhrase, listed: Int, in span: TextSpan, scope: ClaimScope, phrases: inout [PhraseClaim]
    ) -> [Placed] {
        if let same = phrases.firstIndex(where: { $0.kind == .fileCount && $0.claimed == phrase.value && $0.expected == nil }) {
            phrases[same].expected = Double(listed)
            return []
        }
        phrases.removeAll { $0.range.overlaps(phrase.range) }
        var own = claim(.fileCount, phrase.text, in: span, at: phrase.range.lowerBound, scope: scope)
        own.claimed = phrase.value
        own.expected = Double(listed)
        return [(phrase.range.lowerBound, own)]
    }

    /// The deliverable the span starts with (when `inlines` are given: under a files heading), and
    /// the paths of its per-file LOC claims; each path once per span, or once per table row.
    private mutating func deliverables(
        in span: TextSpan, scope: ClaimScope, inlines: [MarkdownNode]?, besides produced: [Placed]
    ) -> [Placed] {
        var seen = rowDeliverables ?? []
        defer { if rowDeliverables != nil { rowDeliverables = seen } }
        var result: [Placed] = []
        let start = span.text.startIndex
        if let inlines, let leading = PathToken.leading(in: inlines), seen.insert(Self.deliverableKey(leading.path)).inserted {
            var deliverable = claim(.deliverable, leading.text, in: span, at: start, scope: scope)
            deliverable.subject = leading.path
            result.append((start, deliverable))
        }
        for (position, loc) in produced where loc.kind == .loc {
            guard let subject = loc.subject.map({ PathToken.trimmed(Substring($0)) }), Self.isPath(subject),
                seen.insert(Self.deliverableKey(subject)).inserted
            else { continue }
            var deliverable = claim(.deliverable, subject, in: span, at: position, scope: scope)
            deliverable.subject = subject
            result.append((position, deliverable))
        }
        return result
    }

    // MARK: Helpers

    /// The scope of a heading, item or row: the one known task its text names, else `around`.
    /// The scope `text` names: its one known task; for a heading (`phaseOfTasks`), else the
    /// one phase of the tasks it names (`Phase 6 (T-066 to T-078)`). An item or row naming two
    /// tasks speaks of those two, not of their whole phase.
    private mutating func ownScope(_ text: String, around: ClaimScope, phaseOfTasks: Bool = false) -> ClaimScope {
        guard text.contains("-") else { return around }
        let ids = idScanner.ids(in: text)
        if let task = index.onlyKnownTask(ids) { return index.scope(task: task, around: around) }
        if phaseOfTasks, let phase = index.onlyPhase(ofTasks: ids) { return ClaimScope(phase: phase) }
        return around
    }

    /// Marks the status claims from `first` on as a step's (`Claim.stepStatusSubject`) when `text`,
    /// a list item or table row, says what the status is of and that is no task or phase:
    /// `1. Create feature branch `feature/TN-201` — **DONE**` reports a step, not TN-201. An item
    /// that is nothing but the status (`✅ DONE`), or labels it (`**Status:** DONE`), or names a task
    /// or phase other than inside a path or branch name, keeps the status of its scope.
    private mutating func markStepStatuses(from first: Int, in text: String) {
        let statuses = claims.indices.dropFirst(first).filter { claims[$0].kind == .status && claims[$0].subject == nil }
        guard !statuses.isEmpty else { return }
        let words = ClaimWords.words(text)
        guard !words.contains(where: PhraseLexicon.statusLabels.contains) else { return }
        let stated = words.filter { !Self.statusWords.contains($0) }
        guard !stated.isEmpty, !Self.namesPhaseOrTasks(words) else { return }
        let outsidePaths = text.split(whereSeparator: \.isWhitespace).filter { !$0.contains("/") && !$0.contains("\\") }
            .joined(separator: " ")
        guard idScanner.ids(in: outsidePaths).isEmpty else { return }
        for index in statuses { claims[index].subject = Claim.stepStatusSubject }
    }

    /// The words a status is written with, which say nothing of what it is the status of.
    private static let statusWords: Set<String> = PhraseLexicon.doneStatus.union(PhraseLexicon.blockedStatus)
        .union(["in", "progress", "в", "работе", "процессе", "not", "yet", "не"])

    /// Whether the words name a phase or tasks (`Phase 8`, `фаза 3`, `Task 1.1`, `All 26 tasks`):
    /// the status is theirs, judged or not by what they are.
    private static func namesPhaseOrTasks(_ words: [String]) -> Bool {
        words.contains { phaseWords.contains($0) || PhraseLexicon.taskNouns.contains($0) }
    }

    private static let phaseWords: Set<String> = ["phase", "фаза", "фазы", "этап", "stage", "milestone", "sprint"]

    private static func isPath(_ subject: String?) -> Bool {
        subject.map { PathToken.isPathLike(PathToken.trimmed(Substring($0))) } ?? false
    }

    /// What makes two written paths the same deliverable: `./a`, `/a` and `a` are one.
    private static func deliverableKey(_ path: String) -> String {
        var key = RepositoryPath.trimmingCurrentFolder(path)
        while key.hasPrefix("/") { key = key.dropFirst() }
        while key.hasSuffix("/") { key = key.dropLast() }
        return String(key)
    }

    /// Whether a line-count phrase says it is a total (`Total LOC: 1,243`, `Всего строк`).
    private static func isTotal(_ text: String) -> Bool {
        ClaimWords.words(text).contains { ["total", "totals", "итого", "всего", "sum"].contains($0) }
    }

    /// The path of the one item of `items` that is a file field (`**File:** `src/x.ts``,
    /// `Файл: app/x.py`); `nil` when none is, or several are. A bare name is left out: such
    /// lists are written by tools from wherever they ran, and `eslint.config.js` of a
    /// sub-project is not the root's.
    private static func fileField(of items: [MarkdownNode]) -> String? {
        let paths = items.compactMap { item -> String? in
            guard let paragraph = item.children.first(where: { $0.kind == .paragraph }) else { return nil }
            let text = TextSpan(paragraph.children, line: paragraph.startLine).text
            // The label is cleaned on its own first: no `**` spans the colon, so this is what
            // cleaning the whole item would give, without doing so for every item of a long list.
            guard let colon = text.firstIndex(of: ":"),
                ["file", "path", "файл", "путь"].contains(fieldText(String(text[..<colon])).lowercased())
            else { return nil }
            let value = PathToken.trimmed(Substring(fieldText(String(text[text.index(after: colon)...]))))
            return PathToken.isPathLike(value) && value.contains(where: { $0 == "/" || $0 == "\\" }) ? value : nil
        }
        return paths.count == 1 ? paths.first : nil
    }

    /// An item's text without emphasis marks and surrounding blanks: `**LOC:** 63` is `LOC: 63`.
    private static func fieldText(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// `Total: …`, `Итого: …`: a list item that sums its siblings.
    private static func startsWithTotal(_ text: String) -> Bool {
        guard let first = ClaimWords.words(text.prefix(16)).first else { return false }
        return ["total", "totals", "итого", "всего"].contains(first)
    }
}
