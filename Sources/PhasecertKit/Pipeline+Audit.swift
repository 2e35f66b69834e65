import Foundation
import PhaseModel
import Render
import Scan
import Score

extension Pipeline {
    /// Stage 2 for `audit`: the scan assessed with the claims of `files` in place of the
    /// repository's own documents' (when any are given), and only the claims of `phases` kept
    /// (when any are named).
    /// - Throws: `UnknownPhaseError` for a phase the master list does not have, before any file
    ///   is read; `AuditInputError` for a file that cannot be read as text.
    public func audit(_ scanned: WorkspaceScanner.Outcome, phases: [String], files: [AuditedFile]) throws -> Assessment {
        try scanned.workspace.checkPhases(phases, context: "--phase")
        var scanned = scanned
        if !files.isEmpty { scanned.workspace.claims = try claims(in: files, scanned: scanned) }
        var assessment = assess(scanned)
        if !phases.isEmpty { assessment.workspace.claims = assessment.workspace.claims(inPhases: phases) }
        return assessment
    }

    /// The audit report of each of `phases` in each locale and format (`md`, `html`), and, for
    /// `codequality`, the Code Quality report of the findings their claims raise.
    public func auditReports(
        _ assessment: Assessment, phases: [String], locales: [ReportLocale], formats: [ReportFormat]
    ) throws -> [ReportFile] {
        let renderer = try renderer(for: reportInput(assessment, phases: phases), locales: locales)
        var files = try ReportSet(renderer: renderer, locales: locales, formats: formats.filter { $0 != .codequality }, kinds: [.audit])
            .files(phases: phases)
        if formats.contains(.codequality) {
            let workspace = assessment.workspace
            let findings = workspace.findings(inPhases: phases).filter { FindingRule.claimVerdicts.contains($0.rule) }
            let data = try CodeQualityReport.data(findings, locale: locales.first ?? .en, locator: FindingLocator(workspace: workspace))
            files.append(ReportFile(path: "audit.codequality.json", contents: Array(data)))
        }
        return files
    }

    /// Claims of the given files, with file facts resolved in the tree read (the repository, or
    /// the commit `--at` named).
    private func claims(in files: [AuditedFile], scanned: WorkspaceScanner.Outcome) throws -> [Claim] {
        let workspace = scanned.workspace
        let ids = try TaskIDPattern(prefix: configuration.tasks.idPrefix, width: configuration.tasks.idWidth)
        let extractor = ClaimExtractor(ids: ids, tasks: workspace.tasks, phases: workspace.phases)
        var claims: [Claim] = []
        for file in files {
            let shown = file.shown(repository: source.repository)
            switch TextFileReader.read(absolutePath: file.path, path: shown) {
            case let .success(text):
                claims += extractor.claims(inMarkdown: text.text, file: shown)
            case let .failure(problem):
                throw AuditInputError(file: file.given, problem: problem)
            }
        }
        let facts = ClaimFacts(
            tree: RepositoryTree(root: source.tree), tasks: workspace.tasks, phases: workspace.phases,
            history: scanned.history, association: scanned.association, workTree: scanned.workTree,
            repository: scanned.history == nil ? nil : source.repository)
        return facts.apply(to: claims)
    }
}

/// A Markdown file given to `audit`, which may lie outside the repository.
public struct AuditedFile: Sendable, Equatable {
    /// The file's absolute path.
    public var path: String
    /// The path as the user gave it, which names a file outside the repository.
    public var given: String

    public init(path: String, given: String) {
        self.path = URL(fileURLWithPath: path).path
        self.given = given
    }

    /// Its name in claims and findings: the repository path inside it, the given path outside.
    func shown(repository: String) -> String {
        DisplayedPath.of(path, repository: repository, outside: given)
    }
}

/// A file given to `audit` that could not be read as text.
public struct AuditInputError: UserFacingError {
    public var file: String
    public var problem: TextFileProblem

    public var exitCode: Int32 { 3 }

    public var description: String {
        switch problem {
        case .binary: LocalizedText(message: "error.audit.binary", ["file": .text(file)]).en
        case let .tooLarge(bytes, limit):
            LocalizedText(message: "error.audit.too-large", ["file": .text(file), "bytes": .count(bytes), "limit": .count(limit)]).en
        case let .unreadable(reason): LocalizedText(message: "error.audit.unreadable", ["file": .text(file), "reason": .text(reason)]).en
        }
    }
}
