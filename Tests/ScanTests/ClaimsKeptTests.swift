import PhaseModel
import Testing
@testable import Scan

/// Which claims a scan for some phases keeps (`WorkspaceClaimReader.kept(_:where:)`).
struct ClaimsKeptTests {
    private func claim(_ text: String, task: String?, line: Int) -> Claim {
        Claim(kind: .ratio, text: text, source: .file("tasks/TASKS.md", line: line), task: task)
    }

    @Test func ownedClaimsAndThoseOnTheirLinesAreKeptInOrder() {
        let claims = [
            claim("a", task: "TN-002", line: 1),
            claim("b", task: "TN-001", line: 2),
            claim("c", task: "TN-002", line: 2),
            claim("d", task: nil, line: 3),
            claim("e", task: "TN-001", line: 4),
            Claim(kind: .loc, text: "f", source: .commit(String(repeating: "1", count: 40)), task: "TN-001"),
            Claim(kind: .loc, text: "g", source: .commit(String(repeating: "1", count: 40)), task: nil),
            Claim(kind: .loc, text: "h", source: .commit(String(repeating: "2", count: 40)), task: "TN-002"),
            Claim(kind: .ratio, text: "i", source: .file("other.md", line: 2), task: "TN-002"),
        ]
        let kept = WorkspaceClaimReader.kept(claims) { $0.task == "TN-001" }
        #expect(kept.map(\.text) == ["b", "c", "e", "f", "g"])
        #expect(WorkspaceClaimReader.kept(claims) { _ in false }.isEmpty)
        #expect(WorkspaceClaimReader.kept(claims) { _ in true } == claims)
    }
}
