import PhaseModel

/// `helm.lint-failed` and `helm.render-failed`: charts whose Helm validation failed.
///
/// A failed chart's error notes (errors, and `fail`/`required` calls whatever level Helm printed
/// them at) are split by the command that printed them (`HelmCommand`); each command with errors
/// gives one finding per task whose `helm` references the chart, or one without a task when no
/// task touched it. A chart marked failed whose error notes were not kept counts as failing lint,
/// since a lint summary is what says so without naming an error.
enum HelmRules {
    static func findings(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for chart in context.workspace.helm where chart.status == .failed {
            let errors = chart.notes.filter { $0.severity == .error || $0.failCall }
            let lint = errors.filter { HelmCommand(of: $0) == .lint }
            let render = errors.filter { HelmCommand(of: $0) == .template }
            let failures: [(HelmCommand, [HelmNote])] =
                errors.isEmpty ? [(.lint, [])] : [(.lint, lint), (.template, render)].filter { !$0.1.isEmpty }
            let touching = context.workspace.tasks.filter { task in
                task.helm?.contains { $0.chart == chart.chart } == true
            }
            let owners: [TaskRecord?] = touching.isEmpty ? [nil] : touching
            for (command, notes) in failures {
                for task in owners {
                    findings.append(finding(command, chart: chart, notes: notes, task: task))
                }
            }
        }
        return findings
    }

    /// The chart-relative file of a note as a repository path, else the chart folder, else the
    /// captured output line that reported it.
    static func location(of note: HelmNote?, chart: ChartValidation) -> Provenance? {
        if let folder = chart.path {
            guard let note, var file = note.file, !file.isEmpty else { return .file(folder, line: nil) }
            while file.hasSuffix("/") { file.removeLast() }
            if file.isEmpty { return .file(folder, line: nil) }
            return .file(folder == "." ? file : folder + "/" + file, line: note.line)
        }
        return note?.source
    }

    private static func finding(_ command: HelmCommand, chart: ChartValidation, notes: [HelmNote], task: TaskRecord?) -> Finding {
        let name = chart.path ?? chart.chart
        let first = notes.first
        let place = first.map { note in
            [note.file, note.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        } ?? ""
        let firstError = first.map { note in
            LocalizedText(
                message: "finding.helm.first",
                ["place": .text(place.isEmpty ? "" : place + ": "), "text": .text(RuleText.excerpt(note.text))])
        }
        let location = location(of: first, chart: chart)
        // Without kept notes the chart's own error count is all there is to say.
        let count = notes.isEmpty ? chart.errors : notes.count
        let errorCount = count > 0 ? LocalizedText(message: "finding.helm.count", ["count": .count(count)]) : .empty
        let arguments: [String: MessageArgument] = [
            "chart": .text(name), "count": .localized(errorCount), "first": .localized(firstError ?? .empty),
        ]
        switch command {
        case .lint:
            return .rule(
                .helmLintFailed, task: task, at: location,
                message: LocalizedText(message: "finding.helm.lint-failed.message", arguments),
                remediation: LocalizedText(message: "finding.helm.lint-failed.remediation", arguments))
        case .template:
            return .rule(
                .helmRenderFailed, task: task, at: location,
                message: LocalizedText(message: "finding.helm.render-failed.message", arguments),
                remediation: LocalizedText(message: "finding.helm.render-failed.remediation", arguments))
        }
    }
}
