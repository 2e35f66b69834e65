import ArgumentParser
import PhaseModel
import PhasecertKit
import Score

/// `phasecert verify`: whether a phase's certification still holds for the repository as it is now.
struct VerifyCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Say whether a phase's certification still holds for the repository as it is now.",
        discussion: """
            Reads the phase.json that report or phase-close wrote, scans and scores the repository again \
            and recomputes the phase's evidence digest. The certification holds when the digest is the \
            same; HEAD's date is part of the id but not of the evidence, so a later commit that touches \
            nothing of the phase leaves it holding. A phase.json edited after it was written does not hold.

            When it does not hold, verify lists what changed: tasks added to or removed from the phase; \
            completion, quality, grade, the gate verdict and each gate condition's value; each task's \
            completion, checklist, quality, grade, tests, commits and lines; new and resolved findings; \
            claims whose verdict changed; and any other evidence that differs (documents, sources, dates).

            Exit codes: 0 the certification holds, 1 it has changed (also: the master list no longer has \
            the phase), 2 usage or configuration error (also: a file of no phase or of several), 3 the \
            file cannot be read, is not a phase.json, or records no certification.

            Example:
              phasecert report --phase 13
              phasecert verify reports/phase-13/phase.json
            """
    )

    /// Most "other evidence" lines shown without `--verbose`.
    static let otherEvidenceLimit = 20

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp("The phase.json of a certified phase (reports/phase-<id>/phase.json).", valueName: "phase.json"))
    var file: String

    func run(console: Console) throws -> Int32 {
        let repository = options.repository(in: console)
        let path = console.absolute(file)
        let record = try CertificationRecordFile.read(atPath: path, shown: file)
        let pipeline = try options.pipeline(source: ScanSource(repository: repository), console: console)
        let assessment = try pipeline.assess(pipeline.scan())
        let shown = DisplayedPath.of(path, repository: repository, outside: file)
        let check = assessment.check(record, recordPath: shown)
        console.out(text(of: check, file: shown, masterList: assessment.workspace.sources.masterList))
        return check.holds ? PhasecertMain.ExitCode.success : PhasecertMain.ExitCode.gateFailed
    }

    private func text(of check: CertificationCheck, file: String, masterList: String?) -> String {
        let recorded = check.recorded.id
        guard let current = check.current else {
            return "Phase \(check.phase): certification \(recorded) has changed: \(masterList ?? "the master list") no longer has phase \(check.phase).\n"
        }
        if check.holds {
            var text = "Phase \(check.phase): certification \(recorded) holds; the repository gives the same evidence digest.\n"
            if check.onlyDateDiffers {
                text += "HEAD's date is now \(current.date ?? "unknown") (the id says \(check.recorded.date ?? "unknown")); "
                    + "only the date differs, so the id today would be \(current.id).\n"
            }
            return text
        }
        var lines = ["Phase \(check.phase): certification \(recorded) has changed; the repository now gives \(current.id)."]
        if !check.recordMatchesDigest {
            lines.append("\(file) was edited after phasecert wrote it: its content does not give the digest it records.")
        }
        lines += section("Tasks", (check.addedTasks.isEmpty ? [] : ["added to the phase: " + check.addedTasks.joined(separator: ", ")])
            + (check.removedTasks.isEmpty ? [] : ["removed from the phase: " + check.removedTasks.joined(separator: ", ")]))
        lines += section("Phase figures", check.phaseFigures.map { figure($0) })
        lines += section("Task figures", check.taskFigures.flatMap { task in task.figures.map { figure($0, task: task.task) } })
        lines += section("Findings", check.newFindings.map { "new: " + finding($0) } + check.resolvedFindings.map { "resolved: " + finding($0) })
        lines += section("Claims", check.claims.map(claim))
        var other = check.otherEvidence.map { "\($0.path): \($0.before ?? "absent") → \($0.after ?? "absent")" }
        if !options.verbose, other.count > Self.otherEvidenceLimit {
            let hidden = other.count - Self.otherEvidenceLimit
            other = Array(other.prefix(Self.otherEvidenceLimit)) + ["… and \(hidden) more (--verbose lists them all)"]
        }
        lines += section("Other evidence", other)
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, _ entries: [String]) -> [String] {
        entries.isEmpty ? [] : ["\(title):"] + entries.map { "  " + Self.oneLine($0) }
    }

    private func figure(_ change: CertificationCheck.FigureChange, task: String? = nil) -> String {
        "\(task.map { $0 + " " } ?? "")\(change.figure): \(change.before ?? "no evidence") → \(change.after ?? "no evidence")"
    }

    private func finding(_ finding: Finding) -> String {
        var place = finding.file.map { " at " + $0 + (finding.line.map { ":\($0)" } ?? "") } ?? ""
        if place.isEmpty, let commit = finding.commit { place = " in commit " + commit.prefix(12) }
        return "\(finding.severity.rawValue) \(finding.rule)\(finding.task.map { " " + $0 } ?? "")\(place): \(ControlText.neutralized(finding.message.en))"
    }

    private func claim(_ change: CertificationCheck.ClaimChange) -> String {
        let source: String
        switch change.claim.source {
        case let .file(path, line): source = path + (line.map { ":\($0)" } ?? "")
        case let .commit(id): source = "commit " + id.prefix(12)
        }
        return "\(change.before) → \(change.after): \(change.claim.kind.rawValue) \"\(ControlText.neutralized(change.claim.text))\" (\(source))"
    }

    /// Untrusted text (claim texts, messages) on one line, so each entry stays one line.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
