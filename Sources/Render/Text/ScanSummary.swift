import PhaseModel

/// The terminal view of `phasecert scan`: one row per task, then the findings.
///
/// Figures without evidence are shown as "—", never as 0.
public enum ScanSummary {
    /// Longest title shown before it is cut.
    static let titleWidth = 56

    public static func render(_ workspace: Workspace) -> String {
        let table = TextTable(
            header: ["Phase", "Task", "Title", "Checked", "Checklist", "Commits", "Lines +/−", "Tests", "Quality", "Grade", "Folders"],
            rows: workspace.tasks.map(row)
        )
        let sources: [String: MessageArgument] = [
            "root": .text(workspace.sources.tasksRoot), "list": .text(workspace.sources.masterList ?? "—"),
        ]
        var output = LocalizedText(message: "cli.scan.sources", sources).en + "\n"
        output += "History: \(history(workspace.git))\n"
        output += "Evidence: \(evidence(workspace))\n\n"
        output += workspace.tasks.isEmpty ? LocalizedText(message: "cli.scan.no-tasks").en + "\n" : table.render()
        if !workspace.phases.isEmpty {
            // Layouts whose commits name phases (`Phase 3`, `feature 015`) count commits per phase too.
            let withCommits = workspace.phases.contains { $0.git != nil }
            var header = ["Phase", "Name", "Tasks", "Completion", "Tests", "Quality", "Grade", "Findings c/M/m/i", "Gate"]
            if withCommits { header.insert(contentsOf: ["Commits", "Lines +/−"], at: 4) }
            output += "\n" + TextTable(
                header: header,
                rows: workspace.phases.map { phase in
                    var row = phaseRow(phase)
                    if withCommits {
                        row.insert(contentsOf: [
                            phase.git.map { String($0.commits) } ?? "—",
                            phase.git.map { "\($0.linesAreAtLeast ? "≥" : "")+\($0.linesAdded)/−\($0.linesDeleted)" } ?? "—",
                        ], at: 4)
                    }
                    return row
                }
            ).render()
            for phase in workspace.phases {
                if let gate = phase.gate, !gate.passed {
                    let failures: [String: MessageArgument] = ["phase": .text(phase.id), "failures": .text(GateText.failures(gate))]
                    output += LocalizedText(message: "cli.scan.gate-failed", failures).en + "\n"
                }
                if let certification = phase.certification {
                    let id: [String: MessageArgument] = ["phase": .text(phase.id), "id": .text(certification.id)]
                    output += LocalizedText(message: "cli.scan.certification", id).en + "\n"
                }
            }
        }
        if !workspace.claims.isEmpty {
            output += "\nClaims: \(ClaimCounts(workspace.claims).summary)\n"
        }
        if !workspace.findings.isEmpty {
            output += "\nFindings (\(workspace.findings.count)):\n"
            // Positions are sorted, not the findings themselves: a plan of 50,000 tasks has over
            // 100,000 findings, and each copy of one is a dozen retains.
            let findings = workspace.findings
            for index in findings.indices.sorted(by: { findings[$0].severity < findings[$1].severity }) {
                let finding = findings[index]
                let severity = finding.severity.rawValue
                let padding = String(repeating: " ", count: max(0, 8 - severity.count))
                output += "  \(severity)\(padding) \(finding.rule)  \(ControlText.neutralized(finding.message.en))\n"
            }
        }
        return output
    }

    private static func row(_ task: TaskRecord) -> [String] {
        [
            task.phase ?? "—",
            task.id,
            TextTable.truncate(task.title ?? "—", to: titleWidth),
            task.checked.map { $0 ? "yes" : "no" } ?? "—",
            task.checklist.map { "\($0.checked)/\($0.total)" } ?? "—",
            task.git.map { String($0.commits) } ?? "—",
            task.git.map { "\($0.linesAreAtLeast ? "≥" : "")+\($0.linesAdded)/−\($0.linesDeleted)" } ?? "—",
            task.tests.map(tests) ?? "—",
            task.quality.map(Decimal1.format) ?? "—",
            task.grade ?? "—",
            task.directories.isEmpty ? "—" : task.directories.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", "),
        ]
    }

    /// `passed/executed`, failures and errors named, and tests defined: `9/10 (1 failed), 12 defined`.
    static func tests(_ tests: TestEvidence) -> String {
        var text = tests.executed == 0 ? "not run" : "\(tests.passed)/\(tests.executed)"
        var problems: [String] = []
        if tests.failed > 0 { problems.append("\(tests.failed) failed") }
        if tests.errored > 0 { problems.append("\(tests.errored) errored") }
        if !problems.isEmpty { text += " (\(problems.joined(separator: ", ")))" }
        if let defined = tests.defined { text += ", \(defined) defined" }
        return text
    }

    private static func evidence(_ workspace: Workspace) -> String {
        var parts: [String] = []
        if let tests = workspace.tests {
            let figures: [String: MessageArgument] = [
                "count": .count(tests.files), "passed": .count(tests.passed), "failed": .count(tests.failed),
                "errored": .count(tests.errored), "skipped": .count(tests.skipped), "unlinked": .count(tests.unlinked.executed),
            ]
            parts.append(
                tests.files == 0 ? LocalizedText(message: "cli.scan.no-result-files").en : LocalizedText(message: "cli.scan.results", figures).en)
        }
        if let defined = workspace.tests?.defined { parts.append("\(defined) tests defined") }
        if let coverage = workspace.coverage, let percent = coverage.percent {
            let figures: [String: MessageArgument] = ["percent": .text(Decimal1.format(percent)), "lines": .count(coverage.linesFound)]
            parts.append(LocalizedText(message: "cli.scan.coverage", figures).en)
        }
        if !workspace.helm.isEmpty {
            let failed = workspace.helm.filter { $0.status == .failed }.count
            parts.append(LocalizedText(message: "cli.scan.charts", ["charts": .count(workspace.helm.count), "failed": .count(failed)]).en)
        }
        let unread = FindingRule.unreadEvidenceFiles(in: workspace.unreadEvidenceFindings)
        if unread > 0 {
            parts.append(LocalizedText(message: "cli.scan.unread-evidence", ["count": .count(unread)]).en)
        }
        return parts.isEmpty ? LocalizedText(message: "cli.scan.no-evidence").en : parts.joined(separator: "; ")
    }

    private static func history(_ git: HistorySummary?) -> String {
        guard let git else { return LocalizedText(message: "cli.scan.no-history").en }
        guard let head = git.head else { return "empty repository" }
        var parts = ["\(git.commits) commits", "\(git.merges) merges", "HEAD \(head.prefix(12))"]
        if let first = git.first, let last = git.last { parts.append("\(first) … \(last)") }
        if git.detached { parts.append("detached HEAD") }
        if git.shallow { parts.append(LocalizedText(message: "cli.scan.shallow").en) }
        if git.unreadable > 0 { parts.append("\(git.unreadable) commits unreadable") }
        return parts.joined(separator: ", ")
    }

    private static func phaseRow(_ phase: Phase) -> [String] {
        let completion = phase.completion.map { completion -> String in
            guard let percent = completion.percent else { return "—" }
            return "\(Decimal1.format(completion.done))/\(completion.total) (\(Decimal1.format(percent))%)"
        }
        let findings = phase.findings.map { "\($0.critical)/\($0.major)/\($0.minor)/\($0.info)" }
        return [
            phase.id, phase.name ?? "—", String(phase.tasks.count), completion ?? "—", phase.tests.map(tests) ?? "—",
            phase.quality.map(Decimal1.format) ?? "—", phase.grade ?? "—", findings ?? "—",
            phase.gate.map { $0.passed ? "passed" : "failed" } ?? "—",
        ]
    }
}

/// One-decimal formatting without locale, for terminal tables: `10.5`, `11`, `95.5`. Rounded down, by
/// the rule every output uses (`ReportLocale.plain`), so the terminal and the reports show the same figure.
enum Decimal1 {
    /// 99.96% done is shown as 99.9, not 100: no figure looks better than it is.
    static func format(_ value: Double) -> String {
        ReportLocale.plain(value, fractionDigits: 1)
    }
}
