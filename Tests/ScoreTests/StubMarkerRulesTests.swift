import PhaseModel
import Testing
@testable import Score

struct StubMarkerRulesTests {
    func workspace(_ markers: [StubMarker]) -> Workspace {
        var workspace = RulesFixture.workspace([RulesFixture.task("TN-001", line: 2), RulesFixture.task("TN-099")])
        workspace.stubMarkers = markers
        return workspace
    }

    @Test func eachMarkerIsAMajorFindingAtItsLineQuotingTheComment() throws {
        let marker = StubMarker(file: "src/cache/lru.go", line: 41, marker: "FIXME", task: "TN-099", text: "FIXME(TN-099): evict by size")
        let found = RulesFixture.findings(workspace([marker]), rule: .codeStubMarker)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .major)
        #expect(finding.task == "TN-099")
        #expect(finding.phase == "13")
        #expect(finding.file == "src/cache/lru.go")
        #expect(finding.line == 41)
        #expect(finding.message.en == "FIXME at src/cache/lru.go:41 names TN-099: \"FIXME(TN-099): evict by size\".")
        #expect(finding.message.ru == "Пометка FIXME в src/cache/lru.go:41 ссылается на задачу TN-099: «FIXME(TN-099): evict by size».")
        #expect(finding.remediation?.en.contains("reopen TN-099") == true)
        #expect(finding.remediation?.ru.contains("TN-099") == true)
    }

    @Test func markersOfSeveralTasksFollowTheTaskOrder() {
        let markers = [
            StubMarker(file: "a.swift", line: 1, marker: "TODO", task: "TN-099", text: "TODO TN-099"),
            StubMarker(file: "z.swift", line: 5, marker: "TODO", task: "TN-001", text: "TODO TN-001"),
            StubMarker(file: "b.swift", line: 2, marker: "HACK", task: "TN-001", text: "HACK TN-001"),
        ]
        let found = RulesFixture.findings(workspace(markers), rule: .codeStubMarker)
        #expect(found.map(\.task) == ["TN-001", "TN-001", "TN-099"])
        #expect(found.map(\.file) == ["b.swift", "z.swift", "a.swift"])
    }

    @Test func noMarkersNoFindings() {
        #expect(RulesFixture.findings(workspace([]), rule: .codeStubMarker).isEmpty)
    }

    @Test func aLongCommentIsCutInTheMessage() {
        let text = "TODO TN-001 " + String(repeating: "word ", count: 60)
        let marker = StubMarker(file: "a.py", line: 3, marker: "TODO", task: "TN-001", text: text)
        let message = RulesFixture.findings(workspace([marker]), rule: .codeStubMarker).first?.message.en ?? ""
        #expect(message.contains("…\""))
        #expect(message.count < 240)
    }
}
