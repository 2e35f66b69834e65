import PhaseModel
import Render
import Scan

/// What `phase-close` produces for its phases: every report, a history snapshot of each phase,
/// and the report input the verdicts and CI output are written from.
public struct PhaseClosing: Sendable {
    /// The phases closed, in order.
    public var phases: [String]
    /// The renderer's input, with each phase's comparison to its previous snapshot.
    public var input: ReportInput
    /// The reports and snapshots, paths relative to the reports folder.
    public var files: [ReportFile]

    /// Whether every closed phase's gate passed.
    public var passed: Bool {
        phases.allSatisfy { input.workspace.phase($0)?.gate?.passed ?? false }
    }
}

extension Pipeline {
    /// The phases `phase-close` closes: the one named, or with `all` every phase.
    /// - Throws: `UnknownPhaseError` for a phase the master list does not have; `NoPhasesError`
    ///   for `all` when it has none.
    public func phasesToClose(_ assessment: Assessment, named phase: String?, all: Bool) throws -> [String] {
        let workspace = assessment.workspace
        guard all else { return try assessment.phases(named: [phase ?? ""], context: "phase-close") }
        guard !workspace.phases.isEmpty else { throw NoPhasesError(masterList: workspace.sources.masterList) }
        return workspace.phases.map(\.id)
    }

    /// Closes `phases`: every report in each locale and the standard formats (with `index.html`
    /// when `all`), and each certified phase's `phase.json` again as its history snapshot.
    public func close(_ assessment: Assessment, phases: [String], all: Bool, locales: [ReportLocale]) throws -> PhaseClosing {
        let input = reportInput(assessment, phases: phases)
        let set = ReportSet(renderer: try renderer(for: input, locales: locales), locales: locales, formats: ReportFormat.standard)
        var files = all ? try set.files(phases: phases, linked: []) : try set.files(phase: phases[0])
        files += Self.snapshots(of: phases, in: assessment.workspace, files: files)
        return PhaseClosing(phases: phases, input: input, files: files)
    }

    /// One history snapshot per phase: its `phase.json`, under the certification id.
    private static func snapshots(of phases: [String], in workspace: Workspace, files: [ReportFile]) -> [ReportFile] {
        let models = Dictionary(
            files.filter { $0.path.hasSuffix("/phase.json") }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return phases.compactMap { id in
            let slug = PhaseSlug.folder(for: id)
            guard let certification = workspace.phase(id)?.certification, let model = models["\(slug)/phase.json"] else { return nil }
            return ReportFile(path: SnapshotStore.snapshotPath(phaseID: id, certificationID: certification.id), contents: model.contents)
        }
    }
}

/// `phase-close --all` on a master list with no phases: a usage error.
public struct NoPhasesError: UserFacingError, Equatable {
    public var masterList: String?

    public var exitCode: Int32 { 2 }
    public var description: String {
        LocalizedText(message: "error.phase-close.no-phases", ["masterList": .masterList(masterList)]).en
    }
}
