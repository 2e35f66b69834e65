import Testing
import PhaseModel
@testable import Scan

/// Plans say what is to be built, so their figures are targets, not claims: Spec Kit's and
/// Kiro's plan documents are left out of the audit like `requirements.md` and `design.md`.
struct PlanDocumentsTests {
    @Test(arguments: [
        "tasks/TN-001-x/requirements.md", "tasks/TN-001-x/design.md", "specs/015-auth/spec.md",
        "specs/015-auth/plan.md", "specs/015-auth/research.md", ".kiro/specs/auth/Design.md",
    ])
    func planDocumentsAreRecognisedByName(path: String) {
        #expect(WorkspaceClaimReader.isPlan(path))
    }

    /// A name whose first or last word is a plan's (`planning`, `spec`) names a plan.
    @Test(arguments: ["docs/planning.md", "specs/015-auth/spec-notes.md"])
    func namesStartingWithAPlanWordArePlans(path: String) {
        #expect(WorkspaceClaimReader.isPlan(path))
    }

    @Test(arguments: [
        "specs/015-auth/tasks.md", "tasks/TN-001-x/REPORT.md", "docs/notes-on-specs.md", "docs/FINAL_STATUS.md",
    ])
    func otherDocumentsAreNotPlans(path: String) {
        #expect(!WorkspaceClaimReader.isPlan(path))
    }

    @Test func aTasksPlanIsNotReadForClaims() {
        let task = TaskRecord(id: "TN-001", documents: [
            Document(path: "tasks/TN-001-x/plan.md", lines: 3, nonBlankLines: 3, bytes: 30),
            Document(path: "tasks/TN-001-x/STATUS.md", lines: 3, nonBlankLines: 3, bytes: 30),
        ])
        let documents = WorkspaceClaimReader.documents(masterList: nil, tasks: [task], workTree: [], configuration: Configuration())
        #expect(documents.paths == ["tasks/TN-001-x/STATUS.md"])
    }
}
