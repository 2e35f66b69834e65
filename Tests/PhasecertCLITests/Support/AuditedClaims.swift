import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// The claims `phasecert audit --json` judges in a fixture repository, for tests that check
/// verdicts end to end.
enum AuditedClaims {
    static func of(_ repository: GitRepositoryBuilder) throws -> [Claim] {
        let result = CapturedConsole.run(["audit", "--json"], in: repository.path)
        #expect(result.code <= 1, "\(result.err)")
        return try CanonicalJSON.decode(Workspace.self, from: Data(result.out.utf8)).claims
    }
}
