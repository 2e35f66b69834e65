import PhaseModel
import Testing

/// `Workspace.unreadEvidenceFindings` is the unread-evidence findings among all, in order, after any change.
struct UnreadEvidenceIndexTests {
    private static func finding(_ rule: String, _ file: String) -> Finding {
        Finding(rule: FindingRuleID(rawValue: rule), severity: .major, at: .file(file, line: 1), message: LocalizedText(en: file, ru: file))
    }

    private static func filtered(_ workspace: Workspace) -> [Finding] {
        workspace.findings.filter { FindingRule.unreadEvidence.contains($0.rule) }
    }

    @Test func theUnreadEvidenceFindingsAreThoseOfTheirRulesInOrder() {
        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [],
            findings: [
                Self.finding("evidence.malformed", "b.xml"), Self.finding("claim.contradicted", "a.md"),
                Self.finding("evidence.unreadable", "a.xml"), Self.finding("evidence.duplicate", "c.xml"),
                Self.finding("evidence.unrecognised", "d.json"), Self.finding("task.no-commits", "TASKS.md"),
            ])
        #expect(workspace.unreadEvidenceFindings == Self.filtered(workspace))
        #expect(workspace.unreadEvidenceFindings.map(\.file) == ["b.xml", "a.xml", "c.xml", "d.json"])
        // A change to the findings is seen at once, whole or in place.
        workspace.findings[1].rule = .evidenceUnreadable
        #expect(workspace.unreadEvidenceFindings == Self.filtered(workspace))
        workspace.findings.removeFirst()
        #expect(workspace.unreadEvidenceFindings == Self.filtered(workspace))
        workspace.findings = []
        #expect(workspace.unreadEvidenceFindings.isEmpty)
    }
}
