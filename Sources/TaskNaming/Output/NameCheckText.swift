import PhaseModel

/// `check-names` as text: violations grouped by problem, each with the canonical name to use, and
/// the `--fix` plan.
public enum NameCheckText {
    /// The violations grouped by problem (a folder with several problems is listed under each),
    /// then one summary line.
    public static func report(_ report: NameReport) -> String {
        let root = report.tasksRoot
        guard !report.violations.isEmpty else { return "Every folder under \(root)/ is named canonically.\n" }
        var text = ""
        for kind in NameProblem.Kind.allCases {
            let members = report.violations.filter { violation in violation.problems.contains { $0.kind == kind } }
            guard let first = members.first else { continue }
            text += "\(title(kind)) [\(first.rule), \(first.severity.rawValue)]\n"
            for violation in members { text += "  " + line(violation, root: root) + "\n" }
            text += "\n"
        }
        return text + summary(report) + "\n"
    }

    /// `5 violations: 1 major, 4 minor; --fix can rename 1 folder.`
    public static func summary(_ report: NameReport) -> String {
        let counts = report.counts
        let bySeverity = Severity.allCases.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue)" } }
        let total = report.violations.count
        let renamable = report.renames.count
        return "\(total) \(total == 1 ? "violation" : "violations"): \(bySeverity.joined(separator: ", ")); "
            + (renamable == 0 ? "--fix renames none." : "--fix can rename \(renamable) \(renamable == 1 ? "folder" : "folders").")
    }

    /// The plan, one action a line: `rename a → b`, `rewrite link in docs/x.md:12`, `refuse …`.
    public static func plan(_ plan: FixPlan, dryRun: Bool) -> String {
        var lines: [String] = []
        for change in plan.renames { lines.append("rename \(change.from) → \(change.to)") }
        for link in plan.links { lines.append("rewrite link in \(link.file):\(link.line)") }
        for refusal in plan.refused {
            let files = refusal.files.isEmpty ? "" : ": " + refusal.files.joined(separator: ", ")
            lines.append("refuse \(refusal.rename.from) → \(refusal.rename.to): \(refusal.reason)\(files)")
        }
        let heading = dryRun ? "Plan (dry run, nothing is changed):" : "Plan:"
        guard !lines.isEmpty else { return heading + " nothing to rename.\n\n" }
        return heading + "\n" + lines.map { "  " + $0 + "\n" }.joined() + "\n"
    }

    /// What was done: `Renamed 1 folder; rewrote 2 links in 1 file.` and a line per failure.
    public static func outcome(_ outcome: FixOutcome) -> String {
        let renamed = outcome.renamed.count
        var text = "Renamed \(renamed) \(renamed == 1 ? "folder" : "folders")"
        let files = outcome.rewrittenFiles.count
        text += "; rewrote \(outcome.rewrittenLinks) \(outcome.rewrittenLinks == 1 ? "link" : "links") in \(files) \(files == 1 ? "file" : "files").\n"
        for failure in outcome.failed { text += "  \(failure.path): \(failure.reason)\n" }
        for failure in outcome.unwritten { text += "  \(failure.path): links not rewritten: \(failure.reason)\n" }
        return text + "\n"
    }

    private static func title(_ kind: NameProblem.Kind) -> String {
        switch kind {
        case .idSpelling: "Id not written canonically (zero-padded number, upper-case prefix)"
        case .slugNotKebab: "Slug not in lower-case kebab case"
        case .noSlug: "No slug after the id"
        case .statusSuffix: "Status suffix in the name"
        case .duplicateID: "More than one folder for an id"
        case .noID: "Folders without a task id"
        case .noFolder: "Listed tasks without a folder"
        }
    }

    private static func line(_ violation: NameViolation, root: String) -> String {
        let why = violation.notRenamedBecause.map { "not renamed: \($0)" }
        switch violation.kind {
        case .noncanonical where violation.finding.task == nil:
            // A feature folder or its item numbers (Spec Kit, Kiro): what is wrong, not a new name.
            let problems = violation.problems.map(\.text).joined(separator: "; ")
            return "\(violation.path ?? ""): \(problems)\(why.map { " (\($0))" } ?? "")"
        case .noncanonical:
            let path = violation.path ?? ""
            let suggested = violation.suggested ?? (String(path.dropLast(NameCheckText.lastComponent(path).count)) + (violation.id ?? "") + "-<slug>")
            return "\(path) → \(suggested) (\(why ?? "--fix renames it"))"
        case .duplicateID:
            let keep = violation.suggested.map { " → keep \($0)" } ?? ""
            return "\(violation.id ?? ""): \(violation.folders.joined(separator: ", "))\(keep) (\(why ?? ""))"
        case .noID:
            return "\(violation.path ?? "") (rename it to <ID>-<slug>, or move it out of \(root)/)"
        case .missingDirectory:
            let source = violation.finding.file.map { file in " (listed in \(file)\(violation.finding.line.map { ":\($0)" } ?? ""))" } ?? ""
            return "\(violation.id ?? "") → \(violation.suggested ?? "\(root)/\(violation.id ?? "")-<slug>")\(source)"
        }
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
