import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// A file a report counted and that is gone since is counted as the report's commit had it, also
/// when the report writes only the end of its path (`providers/old.py` for
/// `services/app/providers/old.py`), as a deliverable gone since is found.
struct GoneFileLineCountTests {
    @Test func aGoneFileNamedByTheEndOfItsPathIsCountedAtTheReportsCommit() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Providers\n")
        try repository.write("services/app/providers/old.py", (1...28).map { "value_\($0) = \($0)\n" }.joined())
        try repository.write("services/app/providers/kept.py", (1...12).map { "kept_\($0) = \($0)\n" }.joined())
        try repository.write("docs/REPORT.md", """
            # Providers

            | File | Before | After |
            |------|--------|-------|
            | `providers/old.py` | 140 lines | 28 lines |
            | `providers/kept.py` | 90 lines | 12 lines |
            """)
        try repository.commit("feat(TN-001): providers")
        try repository.remove("services/app/providers/old.py")
        try repository.commit("feat(TN-001): old provider removed")

        let claims = try AuditedClaims.of(repository).filter { $0.kind == .loc && $0.subject != nil }
        let gone = try #require(claims.first { $0.subject == "providers/old.py" })
        #expect(gone.verdict == .verified)
        #expect(gone.verified == 28)
        #expect(gone.verifiedValue == "services/app/providers/old.py")
        #expect(claims.first { $0.subject == "providers/kept.py" }?.verdict == .verified)
    }

    @Test func aGoneFileInADocumentKeptOverTimeIsCountedWhenItsLineWasWritten() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Providers\n")
        try repository.write("services/app/providers/old.py", (1...118).map { "value_\($0) = \($0)\n" }.joined())
        try repository.write("docs/LOG.md", "# Log\n\n- `providers/old.py` (119 lines) added\n")
        try repository.commit("feat(TN-001): old provider")
        // Shrunk later, while the log went on; then removed.
        try repository.write("services/app/providers/old.py", (1...27).map { "value_\($0) = \($0)\n" }.joined())
        try repository.write("docs/LOG.md", "# Log\n\n- `providers/old.py` (119 lines) added\n- providers consolidated\n")
        try repository.commit("feat(TN-001): providers consolidated")
        try repository.remove("services/app/providers/old.py")
        try repository.commit("feat(TN-001): old provider removed")

        let claim = try #require(try AuditedClaims.of(repository).first { $0.kind == .loc && $0.subject == "providers/old.py" })
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 118)
    }
}
