import PhaseModel
import TextSupport

/// Takes figures people wrote (in Markdown documents, master-list items, commit subjects) apart
/// into `Claim`s with their source line, task and phase (docs/design/claims-and-verdicts.md#extraction).
///
/// Phrases within one block of text are read by `ClaimPhraseScanner`; what only the document's
/// structure shows is read here from cmark-gfm's syntax tree: a file count against the items
/// listed under it, table totals and averages against their columns, deliverable paths, commit
/// ids in history tables. Verdicts stay `nil`: judging is the Score stage's work, and the facts
/// that need file access are added by `ClaimFacts`.
public struct ClaimExtractor: Sendable {
    let ids: TaskIDPattern
    let index: ClaimScopeIndex

    /// An extractor for a workspace with these tasks (their folders and phases) and phases.
    public init(ids: TaskIDPattern, tasks: [TaskRecord], phases: [Phase]) {
        self.ids = ids
        self.index = ClaimScopeIndex(tasks: tasks, phases: phases)
    }

    /// All the extractor knows beside a document, as text: the id rule, the tasks with their
    /// phases and folders, and the phases. Two extractors of the same fingerprint give the same
    /// claims for the same document (`DocumentClaimCache` keys on it).
    public var fingerprint: String {
        var lines = ["ids \(ids.prefixPattern) \(ids.width) \(ids.separator)"]
        lines += index.tasks.sorted().map { "task \($0) \(index.phaseOfTask[$0] ?? "")" }
        lines += index.folders.sorted { $0.key < $1.key }.map { "folder \($0.key) \($0.value)" }
        lines += index.phases.sorted().map { "phase \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The scope a document gives every claim in it before its own headings, rows and items say
    /// more: the task whose folder holds it, else the phase its first H1 or H2 names, if that phase exists.
    public func scope(ofDocument path: String, root: MarkdownNode) -> ClaimScope {
        if let task = index.task(holding: path) { return index.scope(task: task, around: ClaimScope()) }
        let heading = root.children.first { node in
            if case let .heading(level) = node.kind { return level <= 2 }
            return false
        }
        if let heading, let phase = PhaseHeading(heading.plainText), index.phases.contains(phase.id) {
            return ClaimScope(phase: phase.id)
        }
        return ClaimScope()
    }

    /// The claims of a Markdown document at repository-relative `file`, in document order.
    public func claims(inMarkdown text: String, file: String) -> [Claim] {
        extract(markdown: text, file: file).claims
    }

    /// The claims of a Markdown document at repository-relative `file`, in document order, and a
    /// `claim.extraction-capped` finding for each item whose claims were not all read.
    public func extract(markdown text: String, file: String) -> (claims: [Claim], findings: [Finding]) {
        let root = MarkdownParser.parse(FrontMatter.split(text).body)
        var walker = DocumentClaimWalker(file: file, ids: ids, index: index, scope: scope(ofDocument: file, root: root))
        walker.walk(root)
        return (walker.finish(), walker.capFindings)
    }

    /// The claims of texts already cut out of a document (the status parts of master-list
    /// headings and items), each with the source, task and phase it was collected with.
    public func claims(in texts: [ClaimText]) -> [Claim] {
        extract(texts: texts).claims
    }

    /// The claims of `texts`, and a `claim.extraction-capped` finding for each text whose claims
    /// were not all read.
    public func extract(texts: [ClaimText]) -> (claims: [Claim], findings: [Finding]) {
        // Each text is scanned on its own (a master list of 50,000 items has as many), on every core.
        let scanned = texts.concurrentMap { text in
            let (phrases, isCapped) = ClaimPhraseScanner.claims(in: text.text, limit: ClaimExtractionCap.claimsPerItem)
            return (
                phrases.map { $0.claim(source: text.source, task: text.task, phase: text.phase) },
                isCapped ? ClaimExtractionCap.finding(at: text.source, task: text.task, phase: text.phase) : nil
            )
        }
        var claims: [Claim] = []
        var findings: [Finding] = []
        for (textClaims, finding) in scanned {
            claims += textClaims
            if let finding { findings.append(finding) }
        }
        return (claims, findings)
    }
}
