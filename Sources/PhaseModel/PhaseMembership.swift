/// Which phase a finding, claim or claim text belongs to: the task it is about when it has one
/// (it belongs to the phase that lists that task, even when written in another phase's report),
/// else the phase it names. Reports, `phase.json`, snapshots, the certification digest, the gate's
/// finding counts and the CLI's phase filters all decide by this one rule, through
/// `Phase.owns(task:phase:)` and the workspace's phase slices (`Workspace.claims(of:)`).
public enum PhaseMembership: Hashable, Sendable {
    /// About this task: owned by every phase that lists it, and by no other.
    case task(String)
    /// About no task: owned by the phase with this id.
    case phase(String)
    /// About neither: owned by no phase.
    case none

    public init(task: String?, phase: String?) {
        if let task {
            self = .task(task)
        } else if let phase {
            self = .phase(phase)
        } else {
            self = .none
        }
    }
}
