import Foundation
import PhaseModel
import Scan

extension Pipeline {
    /// Where the output of the command `request` (its name and the options that shape what it
    /// writes) is kept between runs on this repository's work tree, and the key it is kept under
    /// (`ScanOutputCache`); `nil` when no output is kept: for a commit's tree (`--at`), when helm
    /// is run (its answers depend on the program found, not only on the repository), without the
    /// identity of the build, or outside a git repository.
    public func scanOutputCache(request: String) -> (cache: ScanOutputCache, key: String)? {
        guard source.commit == nil, !configuration.evidence.runHelm, let executable = context.executable,
            let salt = BuildIdentity.of(executable),
            let cache = ScanOutputCache(repository: source.repository, configuration: configuration)
        else { return nil }
        let text = "\(salt)\n\(context.tool)\n\(request)\n\(source.repository)\n\(configurationFile ?? "-")\n"
            + ReportSetCache.stableDescription(of: configuration)
        return (cache, ContentDigest.sha256Hex(of: Array(text.utf8)))
    }
}
