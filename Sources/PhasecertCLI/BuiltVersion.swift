import PhaseModel

extension ToolVersion {
    /// This binary: the version from the last version tag before the commit it was built from (else
    /// `ToolVersion.release`), and that commit, as the `StampVersion` build plugin read them.
    public static let built = ToolVersion(describe: BuildStamp.describe, commit: BuildStamp.commit)
}
