import PhaseModel

/// The "before / after" section: the phase now against its previous snapshot.
struct ComparisonView {
    let previousCertification: String
    let previousPath: String
    let rows: [Row]
    let resolved: [FindingItem]
    let hasResolved: Bool
    let introduced: [FindingItem]
    let hasIntroduced: Bool
    let unchanged: String

    struct Row {
        let metric, before, after, change: String
    }

    struct FindingItem {
        let severity, rule, task, location, message: String
    }

    init(_ comparison: PhaseComparison, text: ViewText) {
        let catalog = text.catalog
        previousCertification = comparison.previousCertification ?? text.none
        previousPath = comparison.previousPath
        var rows: [Row] = []
        func add(_ key: String, _ change: PhaseComparison.Change<Double>?, percent: Bool) {
            guard let change else { return }
            let show: (Double?) -> String = { percent ? text.percent($0) : text.number($0) }
            let delta = change.before.flatMap { before in change.after.map { text.delta($0 - before, percent: percent) } }
            rows.append(Row(metric: catalog.text(key), before: show(change.before), after: show(change.after), change: delta ?? text.none))
        }
        func add(_ key: String, _ change: PhaseComparison.Change<Int>?) {
            guard let change else { return }
            let delta = change.before.flatMap { before in change.after.map { text.delta(Double($0 - before), digits: 0) } }
            rows.append(Row(
                metric: catalog.text(key), before: text.integer(change.before), after: text.integer(change.after),
                change: delta ?? text.none))
        }
        add("compare.completion", comparison.completion, percent: true)
        add("compare.quality", comparison.quality, percent: false)
        if let grade = comparison.grade {
            rows.append(Row(
                metric: catalog.text("compare.grade"), before: grade.before ?? text.none, after: grade.after ?? text.none,
                change: grade.before == grade.after ? "±0" : "→"))
        }
        add("compare.testsPassed", comparison.testsPassed)
        add("compare.testsExecuted", comparison.testsExecuted)
        add("compare.findings", comparison.findings)
        self.rows = rows
        func item(_ finding: Finding) -> FindingItem {
            FindingItem(
                severity: text.severity(finding.severity), rule: finding.rule.rawValue, task: finding.task ?? text.none,
                location: text.location(finding.file, finding.line, commit: finding.commit),
                message: text.guarded(text.text(finding.message)))
        }
        resolved = comparison.resolved.map(item)
        hasResolved = !resolved.isEmpty
        introduced = comparison.introduced.map(item)
        hasIntroduced = !introduced.isEmpty
        unchanged = catalog.counted(comparison.unchanged, "noun.finding")
    }
}
