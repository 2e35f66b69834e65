import PhaseModel

/// What the audit report of a phase shows (docs/design/claims-and-verdicts.md#audit-report): every
/// claim about the phase or its tasks (`PhaseMembership`: the claims its `phase.json` holds) beside
/// what the evidence says, the verdicts counted, and the contradicted, inconsistent, unverifiable
/// and other-model claims each in their own section; formatted for one locale.
///
/// Claim texts are always quoted, and notes and messages when they carry a figure
/// (`QuotedMarkdown`): the values marked Markdown below are inserted unescaped (`{{{…}}}`) and
/// were escaped here. Rows are in source order: file, line (commits after files), kind, text.
struct AuditView {
    let title: String
    let phaseID: String
    /// The phase's name from the master list, as Markdown; empty when it has none.
    let phaseName: String
    let hasPhaseName: Bool
    /// Markdown: the phasecert that wrote the report, for its "sources read" section.
    let tool: String

    let claimCount: String
    let hasClaims: Bool
    let verdicts: [CountRow]
    let total: String

    let taskTables: [TaskClaims]
    let hasTaskTables: Bool
    /// Claims that name no task, as one table; `nil` when there are none.
    let phaseTable: ClaimTable?

    let contradicted: [DetailRow]
    let hasContradicted: Bool
    let inconsistent: [DetailRow]
    let hasInconsistent: Bool
    let arithmetic: [DetailRow]
    let hasArithmetic: Bool
    let unverifiable: [DetailRow]
    let hasUnverifiable: Bool
    let otherModels: [DetailRow]
    let hasOtherModels: Bool

    let sourceFiles: [String]
    let sourceFileCount: String
    let hasSourceFiles: Bool
    let commitCount: String
    let hasCommits: Bool

    struct CountRow {
        let label, value: String
    }

    /// One row of a claimed | verified | discrepancy | verdict table. All but `source`, `kind` and
    /// `verdict` are Markdown.
    struct ClaimRow {
        let source, kind, quote, claimed, verified, discrepancy, verdict: String
    }

    struct ClaimTable {
        let rows: [ClaimRow]
    }

    struct TaskClaims {
        let id: String
        let rows: [ClaimRow]
    }

    /// A claim listed with why it got its verdict. All but `source` and `kind` are Markdown.
    struct DetailRow {
        let source, kind, quote, claimed, verified, expected, discrepancy, note: String
    }

    /// Kinds whose inconsistency is a sum, mean, ratio or count that does not add up.
    static let arithmeticKinds: Set<ClaimKind> = [.total, .ratio, .average, .fileCount]

    /// The view of the phase `phaseID` of `input`.
    /// - Throws: `UnknownSubjectError` when the workspace has no such phase.
    init(phase phaseID: String, input: ReportInput, text: ViewText) throws {
        self.init(source: try AuditReportSource(phase: phaseID, input: input), text: text)
    }

    /// The view of `source`: it reads nothing else, so that the source decides the report.
    init(source: AuditReportSource, text: ViewText) {
        let catalog = text.catalog
        let figures = AuditFigures(text: text)
        let claims = source.claims

        self.phaseID = source.phaseID
        title = catalog.text("audit.title", ["id": source.phaseID])
        phaseName = source.phaseName.map(text.guarded) ?? ""
        hasPhaseName = source.phaseName != nil
        tool = text.tool(source.tool)

        claimCount = catalog.counted(claims.count, "noun.claim")
        hasClaims = !claims.isEmpty
        let judged: [Verdict?] = Verdict.allCases.map { Optional($0) } + [nil]
        verdicts = judged.map { verdict in
            CountRow(label: text.verdict(verdict), value: text.integer(claims.count(where: { $0.verdict == verdict })))
        }
        total = text.integer(claims.count)

        func row(_ claim: Claim) -> ClaimRow {
            ClaimRow(
                source: text.location(claim.source), kind: catalog.text("audit.kind.\(claim.kind.rawValue)"),
                quote: QuotedMarkdown.quote(claim.text), claimed: figures.claimed(claim),
                verified: figures.verified(claim), discrepancy: figures.discrepancy(claim),
                verdict: text.verdict(claim.verdict))
        }
        func detail(_ claim: Claim) -> DetailRow {
            DetailRow(
                source: text.location(claim.source), kind: catalog.text("audit.kind.\(claim.kind.rawValue)"),
                quote: QuotedMarkdown.quote(claim.text), claimed: figures.claimed(claim),
                verified: figures.verified(claim), expected: figures.expected(claim),
                discrepancy: figures.discrepancy(claim),
                note: claim.note.map { text.guarded(text.text($0)) } ?? text.none)
        }

        // Tasks in phase order. A claim about a task of another phase belongs to that phase's
        // audit (`PhaseMembership`), wherever it was written, so every table here is of a task the
        // phase lists.
        let byTask = Dictionary(grouping: claims.filter { $0.task != nil }) { $0.task ?? "" }
        taskTables = source.tasks.compactMap { id in byTask[id].map { TaskClaims(id: id, rows: $0.map(row)) } }
        hasTaskTables = !taskTables.isEmpty
        let phaseClaims = claims.filter { $0.task == nil }
        phaseTable = phaseClaims.isEmpty ? nil : ClaimTable(rows: phaseClaims.map(row))

        contradicted = claims.filter { $0.verdict == .contradicted }.map(detail)
        hasContradicted = !contradicted.isEmpty
        let inconsistentClaims = claims.filter { $0.verdict == .inconsistent }
        inconsistent = inconsistentClaims.map(detail)
        hasInconsistent = !inconsistent.isEmpty
        unverifiable = claims.filter { $0.verdict == .unverifiable }.map(detail)
        hasUnverifiable = !unverifiable.isEmpty
        otherModels = claims.filter(\.kind.isOtherModel).map(detail)
        hasOtherModels = !otherModels.isEmpty

        // Arithmetic: inconsistent sums, means, ratios and counts, every inconsistent claim a
        // `report.arithmetic` finding points at, and such findings no claim of the phase explains.
        let arithmeticFindings = source.arithmeticFindings
        let findingPlaces = Set(arithmeticFindings.map(Self.place))
        var arithmetic = inconsistentClaims
            .filter { Self.arithmeticKinds.contains($0.kind) || findingPlaces.contains(Self.place($0.source)) }
            .map(detail)
        let claimPlaces = Set(inconsistentClaims.map { Self.place($0.source) })
        arithmetic += arithmeticFindings.filter { !claimPlaces.contains(Self.place($0)) }
            .sorted(by: Finding.listOrder)
            .map { finding in
                // The finding carries no figures of its own: its message says what does not add up.
                let dash = catalog.text("audit.notApplicable")
                return DetailRow(
                    source: text.location(finding.file, finding.line, commit: finding.commit), kind: dash,
                    quote: text.guarded(text.text(finding.message)), claimed: dash, verified: dash,
                    expected: dash, discrepancy: dash, note: dash)
            }
        self.arithmetic = arithmetic
        hasArithmetic = !arithmetic.isEmpty

        var files = Set<String>()
        var commits = Set<String>()
        for claim in claims {
            switch claim.source {
            case let .file(path, _): files.insert(path)
            case let .commit(id): commits.insert(id)
            }
        }
        sourceFiles = files.sorted()
        sourceFileCount = catalog.counted(files.count, "noun.file")
        hasSourceFiles = !files.isEmpty
        commitCount = catalog.counted(commits.count, "audit.noun.commitsRead")
        hasCommits = !commits.isEmpty
    }

    /// Where a claim or finding points: the file and line, or the commit.
    private static func place(_ provenance: Provenance) -> String { provenance.description }

    private static func place(_ finding: Finding) -> String {
        if let file = finding.file { return place(.file(file, line: finding.line)) }
        return finding.commit.map { place(.commit($0)) } ?? ""
    }

    /// Files before commits; by path and line, or by id; then kind and text.
    static func claimOrder(_ lhs: Claim, _ rhs: Claim) -> Bool {
        let left = sourceKey(lhs.source)
        let right = sourceKey(rhs.source)
        if left.rank != right.rank { return left.rank < right.rank }
        if left.name != right.name { return left.name < right.name }
        if left.line != right.line { return left.line < right.line }
        if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
        return lhs.text < rhs.text
    }

    private static func sourceKey(_ source: Provenance) -> (rank: Int, name: String, line: Int) {
        switch source {
        case let .file(path, line): (0, path, line ?? 0)
        case let .commit(id): (1, id, 0)
        }
    }
}
