import Foundation
import PhaseModel

/// The certification id of a phase (docs/design/certification.md#certification-id):
/// `<PHASE>-<yyyymmdd>-<completion>PCT-<grade>-<digest8>`.
///
/// The date is HEAD's commit date, never the clock; completion is rounded down, so an id never
/// shows more than was done; the digest is SHA-256 over the canonical JSON of the phase's
/// evidence, so the same repository state always gives the same id.
public enum CertificationID {
    /// What the digest covers: the phase as assessed (without its certification) and its tasks,
    /// findings and claims. Scores are included, so a change of config that changes a figure
    /// changes the id too.
    struct Evidence: Encodable {
        var schemaVersion: Int
        var phase: Phase
        var tasks: [TaskRecord]
        var findings: [Finding]
        var claims: [Claim]

        // In canonical (byte) order, so that the writer never moves a phase's evidence to sort it.
        enum CodingKeys: String, CodingKey, CaseIterable {
            case claims, findings, phase, schemaVersion, tasks
        }
    }

    /// The certification of `phase` in `workspace` (whose tasks, findings and claims are final).
    public static func certify(_ phase: Phase, in workspace: Workspace) -> Certification {
        let evidence = self.evidence(of: phase, in: workspace)
        // Canonical JSON of value types with sorted keys cannot fail to encode.
        let data = (try? CanonicalJSON.encode(evidence, pretty: false)) ?? Data()
        let digest = ContentDigest.sha256Hex(of: data)
        let date = workspace.git?.headDate
        let day = date.map { $0.replacingOccurrences(of: "-", with: "") } ?? "00000000"
        let completion = phase.completion?.percent.map { Int(($0 + GateEvaluator.epsilon).rounded(.down)) }
        let id = [
            phase.id, day, completion.map { "\($0)PCT" } ?? "NAPCT", phase.grade ?? "NA", String(digest.prefix(8)),
        ].joined(separator: "-")
        return Certification(id: id, date: date, digest: digest)
    }

    /// What the digest of `phase` covers: the phase without its certification, and the tasks,
    /// findings and claims of `workspace` that belong to it.
    ///
    /// The commit ids of the `git` blocks are left out: they trace the figures, which the digest
    /// covers, and a history rewritten to the same figures (or a record written before the ids
    /// were listed) certifies the same.
    static func evidence(of phase: Phase, in workspace: Workspace) -> Evidence {
        var bare = phase
        bare.certification = nil
        bare.git?.commitIDs = nil
        var tasks = workspace.tasks(of: phase)
        for index in tasks.indices { tasks[index].git?.commitIDs = nil }
        return Evidence(
            schemaVersion: Workspace.currentSchemaVersion,
            phase: bare,
            tasks: tasks,
            findings: workspace.findings(of: phase),
            claims: workspace.claims(of: phase))
    }
}
