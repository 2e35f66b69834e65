import PhaseModel

/// `reports/index.html`: every phase with its headline figures and links to its reports.
struct IndexView {
    let lang: String
    let phases: [PhaseRow]
    let hasPhases: Bool

    struct PhaseRow {
        let id, name, completion, quality, grade, gate, certification: String
        let linked: Bool
        let links: [Link]
    }

    struct Link {
        let label, href: String
    }

    init(workspace: Workspace, linked: Set<String>, locales: [ReportLocale], text: ViewText) {
        lang = text.locale.rawValue
        phases = workspace.phases.map { phase in
            let folder = PhaseSlug.folder(for: phase.id)
            return PhaseRow(
                id: phase.id, name: phase.name ?? text.none,
                completion: phase.completion.map { text.percent($0.percent) } ?? text.none,
                quality: text.number(phase.quality), grade: phase.grade ?? text.none,
                gate: phase.gate.map { text.passed($0.passed) } ?? text.none,
                certification: phase.certification?.id ?? text.none,
                linked: linked.contains(phase.id),
                links: locales.flatMap { locale in
                    [
                        Link(label: "completion.\(locale.rawValue)", href: "\(folder)/completion.\(locale.rawValue).html"),
                        Link(label: "audit.\(locale.rawValue)", href: "\(folder)/audit.\(locale.rawValue).html"),
                    ]
                })
        }
        hasPhases = !phases.isEmpty
    }
}
