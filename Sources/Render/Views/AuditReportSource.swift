import PhaseModel

/// Everything one phase's audit report is made from, taken out of the report input, and nothing
/// more: `AuditView` is built from this alone (`ReportSource`).
struct AuditReportSource: ReportSource {
    static let kind = "audit-report"
    static let version = 1

    var phaseID: String
    var phaseName: String?
    /// The tasks the phase lists, in its order.
    var tasks: [String]
    var tool: ToolVersion
    /// The claims the phase owns, in the order the report lists them (`AuditView.claimOrder`).
    var claims: [Claim]
    /// The phase's `report.arithmetic` findings, in workspace order.
    var arithmeticFindings: [Finding]

    /// The source of the audit report of the phase `phaseID` in `input`.
    /// - Throws: `UnknownSubjectError` when the workspace has no such phase.
    init(phase phaseID: String, input: ReportInput) throws {
        let workspace = input.workspace
        guard let phase = workspace.phase(phaseID) else {
            throw UnknownSubjectError(kind: "phase", id: phaseID, known: workspace.phases.map(\.id))
        }
        self.phaseID = phase.id
        phaseName = phase.name
        tasks = phase.tasks
        tool = input.tool
        claims = workspace.claims(of: phase).sorted(by: AuditView.claimOrder)
        arithmeticFindings = workspace.findings(of: phase).filter { $0.rule == .reportArithmetic }
    }
}
