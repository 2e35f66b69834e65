import ArgumentParser
import PhaseModel
import PhasecertKit
import Score

/// `phasecert verify`: whether a phase's certification still holds for the repository as it is now.
struct VerifyCommand: PhasecertCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: LocalizedText(message: "cli.verify.abstract").en,
        discussion: LocalizedText(message: "cli.verify.discussion").en
    )

    /// Most "other evidence" lines shown without `--verbose`.
    static let otherEvidenceLimit = 20

    @OptionGroup var options: CommonOptions

    @Argument(help: ArgumentHelp(LocalizedText(message: "cli.verify.file.help").en, valueName: "phase.json"))
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
        var arguments: [String: MessageArgument] = ["phase": .text(check.phase), "recorded": .text(check.recorded.id)]
        guard let current = check.current else {
            arguments["masterList"] = .masterList(masterList)
            return LocalizedText(message: "cli.verify.phase-gone", arguments).en + "\n"
        }
        arguments["current"] = .text(current.id)
        if check.holds {
            var text = LocalizedText(message: "cli.verify.holds", arguments).en + "\n"
            if check.onlyDateDiffers {
                let unknown = LocalizedText(message: "cli.verify.unknown-date")
                arguments["date"] = current.date.map { .text($0) } ?? .localized(unknown)
                arguments["recordedDate"] = check.recorded.date.map { .text($0) } ?? .localized(unknown)
                text += LocalizedText(message: "cli.verify.only-date", arguments).en + "\n"
            }
            return text
        }
        var lines = [LocalizedText(message: "cli.verify.changed", arguments).en]
        if !check.recordMatchesDigest {
            lines.append(LocalizedText(message: "cli.verify.record-edited", ["file": .text(file)]).en)
        }
        let added = check.addedTasks.joined(separator: ", ")
        let removed = check.removedTasks.joined(separator: ", ")
        lines += section("Tasks", (added.isEmpty ? [] : [LocalizedText(message: "cli.verify.added", ["tasks": .text(added)]).en])
            + (removed.isEmpty ? [] : [LocalizedText(message: "cli.verify.removed", ["tasks": .text(removed)]).en]))
        lines += section("Phase figures", check.phaseFigures.map { figure($0) })
        lines += section("Task figures", check.taskFigures.flatMap { task in task.figures.map { figure($0, task: task.task) } })
        lines += section("Findings", check.newFindings.map { "new: " + finding($0) } + check.resolvedFindings.map { "resolved: " + finding($0) })
        lines += section("Claims", check.claims.map(claim))
        var other = check.otherEvidence.map { "\($0.path): \($0.before ?? "absent") → \($0.after ?? "absent")" }
        if !options.verbose, other.count > Self.otherEvidenceLimit {
            let hidden = other.count - Self.otherEvidenceLimit
            other = Array(other.prefix(Self.otherEvidenceLimit)) + [LocalizedText(message: "cli.verify.more", ["count": .count(hidden)]).en]
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
