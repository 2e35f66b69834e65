import PhaseModel

/// `check-names` as text: violations grouped by problem, each with the canonical name to use, and
/// the `--fix` plan.
public enum NameCheckText {
    /// The violations grouped by problem (a folder with several problems is listed under each),
    /// then one summary line.
    public static func report(_ report: NameReport) -> String {
        let root = report.tasksRoot
        guard !report.violations.isEmpty else { return LocalizedText(message: "names.text.all-canonical", ["root": .text(root)]).en + "\n" }
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
        let renamable = report.renames.count
        let fix = renamable == 0
            ? LocalizedText(message: "names.text.fix.none")
            : LocalizedText(message: "names.text.fix.some", ["folders": .localized(folders(renamable))])
        return LocalizedText(
            message: "names.text.summary",
            [
                "violations": .localized(LocalizedText(message: "names.text.violations", ["count": .count(report.violations.count)])),
                "severities": .text(bySeverity.joined(separator: ", ")), "fix": .localized(fix),
            ]).en
    }

    /// The plan, one action a line: `rename a → b`, `rewrite link in docs/x.md:12`, `refuse …`.
    public static func plan(_ plan: FixPlan, dryRun: Bool) -> String {
        var lines: [String] = []
        for change in plan.renames {
            lines.append(LocalizedText(message: "names.text.plan.rename", ["from": .text(change.from), "to": .text(change.to)]).en)
        }
        for link in plan.links {
            lines.append(LocalizedText(message: "names.text.plan.link", ["file": .text(link.file), "line": .text(String(link.line))]).en)
        }
        for refusal in plan.refused {
            let files = refusal.files.isEmpty ? "" : ": " + refusal.files.joined(separator: ", ")
            let arguments: [String: MessageArgument] = [
                "from": .text(refusal.rename.from), "to": .text(refusal.rename.to), "reason": .text(refusal.reason),
            ]
            lines.append(LocalizedText(message: "names.text.plan.refuse", arguments).en + files)
        }
        let heading = LocalizedText(message: dryRun ? "names.text.plan.heading.dry-run" : "names.text.plan.heading").en
        guard !lines.isEmpty else { return LocalizedText(message: "names.text.plan.nothing", ["heading": .text(heading)]).en + "\n\n" }
        return heading + "\n" + lines.map { "  " + $0 + "\n" }.joined() + "\n"
    }

    /// What was done: `Renamed 1 folder; rewrote 2 links in 1 file.` and a line per failure.
    public static func outcome(_ outcome: FixOutcome) -> String {
        var text = LocalizedText(
            message: "names.text.outcome",
            [
                "folders": .localized(folders(outcome.renamed.count)),
                "links": .localized(LocalizedText(message: "names.text.links", ["count": .count(outcome.rewrittenLinks)])),
                "files": .localized(LocalizedText(message: "names.text.files", ["count": .count(outcome.rewrittenFiles.count)])),
            ]).en + "\n"
        for failure in outcome.failed { text += "  \(failure.path): \(failure.reason)\n" }
        for failure in outcome.unwritten {
            let arguments: [String: MessageArgument] = ["path": .text(failure.path), "reason": .text(failure.reason)]
            text += "  " + LocalizedText(message: "names.text.outcome.unwritten", arguments).en + "\n"
        }
        return text + "\n"
    }

    /// `1 folder`, `2 folders`.
    private static func folders(_ count: Int) -> LocalizedText {
        LocalizedText(message: "names.text.folders", ["count": .count(count)])
    }

    private static func title(_ kind: NameProblem.Kind) -> String {
        let key = switch kind {
        case .idSpelling: "names.text.title.id-spelling"
        case .slugNotKebab: "names.text.title.slug-not-kebab"
        case .noSlug: "names.text.title.no-slug"
        case .statusSuffix: "names.text.title.status-suffix"
        case .duplicateID: "names.text.title.duplicate-id"
        case .noID: "names.text.title.no-id"
        case .noFolder: "names.text.title.no-folder"
        }
        return LocalizedText(message: key).en
    }

    private static func line(_ violation: NameViolation, root: String) -> String {
        let why = violation.notRenamedBecause.map { LocalizedText(message: "names.not-renamed", ["reason": .text($0)]).en }
        switch violation.kind {
        case .noncanonical where violation.finding.task == nil:
            // A feature folder or its item numbers (Spec Kit, Kiro): what is wrong, not a new name.
            let problems = violation.problems.map(\.text).joined(separator: "; ")
            return "\(violation.path ?? ""): \(problems)\(why.map { " (\($0))" } ?? "")"
        case .noncanonical:
            let path = violation.path ?? ""
            let suggested = violation.suggested ?? (String(path.dropLast(NameCheckText.lastComponent(path).count)) + (violation.id ?? "") + "-<slug>")
            return "\(path) → \(suggested) (\(why ?? LocalizedText(message: "names.text.renames-it").en))"
        case .duplicateID:
            let keep = violation.suggested.map { " → " + LocalizedText(message: "names.text.keep", ["folder": .text($0)]).en } ?? ""
            return "\(violation.id ?? ""): \(violation.folders.joined(separator: ", "))\(keep) (\(why ?? ""))"
        case .noID:
            return "\(violation.path ?? "") (\(LocalizedText(message: "names.text.no-id.hint", ["root": .text(root)]).en))"
        case .missingDirectory:
            let source = violation.finding.file.map { file in
                let place = file + (violation.finding.line.map { ":\($0)" } ?? "")
                return " (" + LocalizedText(message: "names.text.listed-in", ["file": .text(place)]).en + ")"
            } ?? ""
            return "\(violation.id ?? "") → \(violation.suggested ?? "\(root)/\(violation.id ?? "")-<slug>")\(source)"
        }
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
