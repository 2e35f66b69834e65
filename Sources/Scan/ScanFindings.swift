import PhaseModel

/// The findings the scan stage raises about its own input, worded from the message catalogs.
///
/// Rule ids are stable: CI scripts and config overrides refer to them.
enum ScanFindings {
    static func duplicateTask(_ id: String, first: Provenance, firstPhase: String?, again: Provenance, againPhase: String?) -> Finding {
        func standing(_ phase: String?) -> MessageArgument {
            .localized(phase.map { LocalizedText(message: "finding.masterlist.duplicate-task.phase", ["phase": .text($0)]) }
                ?? LocalizedText(message: "finding.masterlist.duplicate-task.no-phase"))
        }
        return Finding(
            rule: .masterlistDuplicateTask, severity: .major, task: id, phase: againPhase, at: again,
            message: LocalizedText(message: "finding.masterlist.duplicate-task.message", [
                "task": .text(id), "first": standing(firstPhase), "firstAt": .text(first.description),
                "again": standing(againPhase), "againAt": .text(again.description),
            ]),
            remediation: LocalizedText(message: "finding.masterlist.duplicate-task.remediation", ["task": .text(id)])
        )
    }

    static func duplicatePhase(_ id: String, first: Provenance, again: Provenance) -> Finding {
        Finding(
            rule: .masterlistDuplicatePhase, severity: .minor, phase: id, at: again,
            message: LocalizedText(
                message: "finding.masterlist.duplicate-phase.message",
                ["phase": .text(id), "first": .text(first.description), "again": .text(again.description)]),
            remediation: LocalizedText(message: "finding.masterlist.duplicate-phase.remediation")
        )
    }

    static func noMasterList(tasksRoot: String) -> Finding {
        Finding(
            rule: .masterlistMissing, severity: .info, at: .file(tasksRoot, line: nil),
            message: LocalizedText(message: "finding.masterlist.missing.message", ["root": .text(tasksRoot)]),
            remediation: LocalizedText(message: "finding.masterlist.missing.remediation", ["root": .text(tasksRoot)])
        )
    }

    static func unreadable(_ path: String, problem: TextFileProblem, task: String? = nil) -> Finding {
        let message: LocalizedText
        switch problem {
        case .binary:
            message = LocalizedText(message: "finding.scan.unreadable.binary", ["path": .text(path)])
        case let .tooLarge(bytes, limit):
            message = LocalizedText(
                message: "finding.scan.unreadable.too-large", ["path": .text(path), "bytes": .count(bytes), "limit": .count(limit)])
        case let .unreadable(reason):
            // The reason is English in both languages, as phase.json has always stored it.
            message = LocalizedText(message: "finding.scan.unreadable.message", ["path": .text(path), "reason": .text(reason)])
        }
        return Finding(
            rule: .scanUnreadable, severity: .minor, task: task, at: .file(path, line: nil),
            message: message,
            remediation: LocalizedText(message: "finding.scan.unreadable.remediation")
        )
    }

    static func invalidUTF8(_ path: String, task: String? = nil) -> Finding {
        Finding(
            rule: .scanInvalidUTF8, severity: .info, task: task, at: .file(path, line: nil),
            message: LocalizedText(message: "finding.scan.invalid-utf8.message", ["path": .text(path)]),
            remediation: LocalizedText(message: "finding.scan.invalid-utf8.remediation")
        )
    }

    static func skippedLink(_ path: String, problem: RepositoryTree.LinkProblem) -> Finding {
        let reason = switch problem {
        case .loop: LocalizedText(message: "finding.scan.link-skipped.loop")
        case .dangling: LocalizedText(message: "finding.scan.link-skipped.dangling")
        case .escapesRepository: LocalizedText(message: "finding.scan.link-skipped.escapes")
        case .alreadyRead: LocalizedText(message: "finding.scan.link-skipped.already-read")
        }
        return Finding(
            rule: .scanLinkSkipped, severity: .info, at: .file(path, line: nil),
            message: LocalizedText(message: "finding.scan.link-skipped.message", ["path": .text(path), "reason": .localized(reason)]),
            remediation: LocalizedText(message: "finding.scan.link-skipped.remediation")
        )
    }

    /// `problem` is the reader's English detail, kept in the Russian message too: translating it
    /// would change phase.json, and so certification ids, before a schemaVersion change.
    static func invalidMetadata(_ source: Provenance, task: String, problem: String) -> Finding {
        Finding(
            rule: .taskMetadataInvalid, severity: .minor, task: task, at: source,
            message: LocalizedText(
                message: "finding.task.metadata-invalid.message", ["source": .text(source.description), "problem": .text(problem)]),
            remediation: LocalizedText(message: "finding.task.metadata-invalid.remediation")
        )
    }
}
