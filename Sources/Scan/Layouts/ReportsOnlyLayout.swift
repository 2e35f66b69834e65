import PhaseModel

/// A repository with reports but no plan phasecert can read: one scope, the whole repository,
/// whose reports are still claims about its history and files.
struct ReportsOnlyLayout: Layout {
    let name = "reports-only"
    /// The id of the one phase that stands for the whole repository.
    static let scopeID = "repository"
    /// Why the layout is chosen, for `scan`'s layout line.
    static var reason: String { LocalizedText(message: "cli.layout.reason.reports-only").en }

    func candidates(in context: LayoutContext) -> [LayoutCandidate] {
        [LayoutCandidate(layout: name, files: [], phases: 1, tasks: 0, reason: Self.reason) {
            Self.reading(ids: context.ids)
        }]
    }

    static func reading(ids: TaskIDPattern) -> LayoutReading {
        let scope = Phase(id: scopeID, name: nil, source: .file(".", line: nil), tasks: [])
        let list = MasterList(file: "", phases: [scope], entries: [], claimTexts: [], findings: [])
        // No phase commits: the one scope is every commit, which the history line already says.
        var reading = LayoutReading(tasksRoot: ".", masterList: list, ids: ids, readsPhaseCommits: false)
        reading.isWholeRepository = true
        return reading
    }
}
