import PhaseModel
import Scan

/// The pipeline's second stage: the scanned workspace scored, beside what the scan kept (the
/// history and task association the reports show).
public struct Assessment: Sendable {
    /// The scan as it came, but for its workspace's claims, which `workspace` holds judged: its
    /// workspace is not yet scored.
    public var scan: WorkspaceScanner.Outcome
    /// The scored workspace: findings, claim verdicts, gates and certifications.
    public var workspace: Workspace

    public init(scan: WorkspaceScanner.Outcome, workspace: Workspace) {
        self.scan = scan
        self.workspace = workspace
    }

    /// The phases named, checked against the master list; every phase when none is named.
    /// - Parameter context: where the phases were named, for the error (`--phase`, a command).
    /// - Throws: `UnknownPhaseError` (usage) naming each phase the master list does not have.
    public func phases(named ids: [String], context: String = "--phase") throws(UnknownPhaseError) -> [String] {
        try workspace.checkPhases(ids, context: context)
        return ids.isEmpty ? workspace.phases.map(\.id) : ids
    }

    /// Whether a claim is contradicted or inconsistent: what makes `audit` exit 1.
    public var hasBrokenClaims: Bool {
        workspace.claims.contains { $0.verdict == .contradicted || $0.verdict == .inconsistent }
    }
}

extension Workspace {
    /// - Throws: `UnknownPhaseError` when an id is not a phase of the master list.
    func checkPhases(_ ids: [String], context: String) throws(UnknownPhaseError) {
        let unknown = ids.filter { id in phase(id) == nil }
        guard unknown.isEmpty else {
            throw UnknownPhaseError(phases: unknown, masterList: sources.masterList, known: phases.map(\.id), context: context)
        }
    }

    /// The findings the phases with these ids own (`PhaseMembership`), each once, in workspace order.
    public func findings(inPhases ids: [String]) -> [Finding] {
        findings(of: ids.compactMap { phase($0) })
    }

    /// The claims the phases with these ids own (`PhaseMembership`), each once, in workspace order.
    public func claims(inPhases ids: [String]) -> [Claim] {
        claims(of: ids.compactMap { phase($0) })
    }
}

/// A phase was named that the master list does not have: a usage error.
public struct UnknownPhaseError: UserFacingError {
    public var phases: [String]
    public var masterList: String?
    public var known: [String]
    /// Where the phase was named: an option, or the command for a positional argument.
    public var context = "--phase"

    public init(phases: [String], masterList: String?, known: [String], context: String = "--phase") {
        self.phases = phases
        self.masterList = masterList
        self.known = known
        self.context = context
    }

    public var exitCode: Int32 { 2 }

    public var description: String {
        let list = known.isEmpty
            ? LocalizedText(message: "error.phase.unknown.none")
            : LocalizedText(message: "error.phase.unknown.known", ["phases": .text(known.joined(separator: ", "))])
        let arguments: [String: MessageArgument] = [
            "context": .text(context), "phases": .text(phases.joined(separator: ", ")), "list": .localized(list),
            "masterList": .masterList(masterList),
        ]
        return LocalizedText(message: "error.phase.unknown", arguments).en
    }
}

extension MessageArgument {
    /// The master list's path, or "the master list" when the workspace has none to name.
    public static func masterList(_ path: String?) -> MessageArgument {
        path.map { .text($0) } ?? .localized(LocalizedText(message: "error.master-list"))
    }
}
