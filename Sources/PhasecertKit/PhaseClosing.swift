import Foundation
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
    /// The reports and snapshots, paths relative to the reports folder; none when closed without rendering.
    public var files: [ReportFile]
    /// The path of every report and snapshot, rendered or not, relative to the reports folder.
    public var paths: [String]
    /// Where the task and audit reports rendered for reuse are remembered once written.
    var renderedReports: RenderedReportCache?

    /// Remembers the task and audit reports, once they are written, for the next run; a cache that cannot
    /// be written only costs that run time.
    public func remember() {
        try? renderedReports?.remember(files)
    }

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
    /// when `all`), and each certified phase's `phase.json` again as its history snapshot. Without
    /// `rendering` (a dry run) only the paths are worked out, and no file is made. With `into`, the
    /// reports folder, a task or audit report that folder holds as this input renders it is read back
    /// instead of rendered (`RenderedReportCache`; `PhaseClosing.remember()` keeps what was written).
    /// `templates`, when given, are those of `locales` (`templates(_:)`), read beforehand.
    public func close(
        _ assessment: Assessment, phases: [String], all: Bool, locales: [ReportLocale], rendering: Bool = true, into folder: String? = nil,
        templates: [ReportTemplates]? = nil
    ) throws -> PhaseClosing {
        let input = reportInput(assessment, phases: phases)
        let renderedReports = rendering ? folder.flatMap { renderedReportReuse(into: $0) } : nil
        let set = ReportSet(
            renderer: try renderer(for: input, locales: locales, templates: templates), locales: locales, formats: ReportFormat.standard,
            reuse: renderedReports?.reuse)
        guard rendering else {
            let paths = all ? try set.paths(phases: phases) : try set.paths(phase: phases[0])
            let snapshots = Self.snapshots(of: phases, in: assessment.workspace, models: Set(paths)).map(\.snapshot)
            return PhaseClosing(phases: phases, input: input, files: [], paths: paths + snapshots)
        }
        var files = all ? try set.files(phases: phases, linked: []) : try set.files(phase: phases[0])
        let models = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        files += Self.snapshots(of: phases, in: assessment.workspace, models: Set(models.keys)).compactMap { snapshot in
            models[snapshot.model].map { ReportFile(path: snapshot.snapshot, contents: $0) }
        }
        return PhaseClosing(phases: phases, input: input, files: files, paths: files.map(\.path), renderedReports: renderedReports?.cache)
    }

    /// The task and audit reports `folder` may give back, and the cache that lists them; `nil` when the
    /// build cannot be identified, the repository has no cache folder or the templates cannot be read.
    func renderedReportReuse(into folder: String) -> (cache: RenderedReportCache, reuse: ReportReuse)? {
        guard let build = context.executable.flatMap(BuildIdentity.of),
            let cacheFolder = WorkspaceScanner.cacheFolder(repository: source.repository, configuration: configuration)
        else { return nil }
        let templates = source.tree + "/templates"
        var salt = build + "\n"
        if FileManager.default.fileExists(atPath: templates) {
            guard let contents = UserTemplates.contents(of: templates) else { return nil }
            salt += ContentDigest.sha256Hex(of: contents)
        }
        let cache = RenderedReportCache(directory: cacheFolder.directory, boundary: cacheFolder.boundary)
        return (cache, cache.reuse(salt: salt, folder: folder))
    }

    /// One history snapshot per certified phase whose `phase.json` is among `models`: its path, under
    /// the certification id, and the path of the `phase.json` it copies.
    private static func snapshots(of phases: [String], in workspace: Workspace, models: Set<String>) -> [(snapshot: String, model: String)] {
        phases.compactMap { id in
            let model = "\(PhaseSlug.folder(for: id))/phase.json"
            guard let certification = workspace.phase(id)?.certification, models.contains(model) else { return nil }
            return (SnapshotStore.snapshotPath(phaseID: id, certificationID: certification.id), model)
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
