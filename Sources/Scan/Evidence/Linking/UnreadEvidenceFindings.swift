import PhaseModel

extension EvidenceFindings {
    /// The finding for a file that looks like evidence but was not read, or repeats one that was.
    static func unread(_ unread: UnreadEvidence) -> Finding {
        let (rule, message) = text(unread)
        return Finding(
            rule: rule, severity: .major, at: .file(unread.path, line: nil),
            message: message,
            remediation: LocalizedText(message: "finding.evidence.unread.remediation")
        )
    }

    /// The rule id and the message for `unread`.
    private static func text(_ unread: UnreadEvidence) -> (rule: FindingRuleID, message: LocalizedText) {
        let path: MessageArgument = .text(unread.path)
        switch unread.reason {
        case .unreadable:
            return (.evidenceUnreadable, LocalizedText(message: "finding.evidence.unreadable.file", ["path": path]))
        case .folderUnreadable:
            return (.evidenceUnreadable, LocalizedText(message: "finding.evidence.unreadable.folder", ["path": path]))
        case .notRegularFile:
            return (.evidenceUnreadable, LocalizedText(message: "finding.evidence.unreadable.not-regular", ["path": path]))
        case .binary:
            return (.evidenceUnrecognised, LocalizedText(message: "finding.evidence.unrecognised.binary", ["path": path]))
        case let .unrecognised(variant):
            return (.evidenceUnrecognised, LocalizedText(
                message: "finding.evidence.unrecognised.message", ["path": path, "why": .localized(Self.why(variant))]))
        case let .duplicate(first):
            return (.evidenceDuplicate, LocalizedText(message: "finding.evidence.duplicate.message", ["path": path, "first": .text(first)]))
        case let .link(problem):
            return (.evidenceUnreadable, LocalizedText(
                message: "finding.evidence.unreadable.link", ["path": path, "why": .localized(Self.why(problem))]))
        }
    }

    /// What is wrong with the link, to follow "a link that".
    private static func why(_ problem: RepositoryTree.LinkProblem) -> LocalizedText {
        switch problem {
        case .loop: LocalizedText(message: "finding.evidence.unreadable.link.loop")
        case .dangling: LocalizedText(message: "finding.evidence.unreadable.link.dangling")
        case .escapesRepository: LocalizedText(message: "finding.evidence.unreadable.link.escapes")
        case .alreadyRead: LocalizedText(message: "finding.evidence.unreadable.link.already-read")
        }
    }

    /// Why the content was not recognised.
    private static func why(_ variant: UnreadEvidence.Variant) -> LocalizedText {
        switch variant {
        case .empty: LocalizedText(message: "finding.evidence.unrecognised.empty")
        case let .unsupportedXML(root, format):
            LocalizedText(message: "finding.evidence.unrecognised.unsupported-xml", ["root": .text(root), "format": .text(format)])
        case let .unexpectedXML(root): LocalizedText(message: "finding.evidence.unrecognised.unexpected-xml", ["root": .text(root)])
        case .unknown: LocalizedText(message: "finding.evidence.unrecognised.unknown")
        }
    }
}
