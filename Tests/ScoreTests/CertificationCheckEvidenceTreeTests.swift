import Foundation
import PhaseModel
import Testing
@testable import Score

/// `CertificationCheck.EvidenceTree`: naming every difference between two evidence trees.
struct CertificationCheckEvidenceTreeTests {
    typealias Tree = CertificationCheck.EvidenceTree

    func tree(_ json: String) throws -> Tree {
        try JSONDecoder().decode(Tree.self, from: Data(json.utf8))
    }

    func differences(_ before: String, _ after: String) throws -> [String] {
        try Tree.differences(tree(before), tree(after)).map {
            "\(Tree.display($0.path)): \($0.before?.excerpt ?? "absent") → \($0.after?.excerpt ?? "absent")"
        }
    }

    @Test func valuesKeepTheirJSONTypes() throws {
        #expect(try tree("[null, true, 3, 2.5, \"x\", {\"a\": []}]")
            == .array([.null, .bool(true), .number(3), .number(2.5), .string("x"), .object(["a": .array([])])]))
    }

    @Test func equalTreesHaveNoDifference() throws {
        #expect(try differences("{\"a\": [1, {\"id\": \"x\"}]}", "{\"a\": [1, {\"id\": \"x\"}]}").isEmpty)
    }

    @Test func elementsWithAnIdAreMatchedByItNotByPosition() throws {
        let before = "{\"tasks\": [{\"id\": \"TN-001\", \"lines\": 3}, {\"id\": \"TN-002\", \"lines\": 5}]}"
        let after = "{\"tasks\": [{\"id\": \"TN-000\", \"lines\": 1}, {\"id\": \"TN-001\", \"lines\": 3}, {\"id\": \"TN-002\", \"lines\": 6}]}"
        #expect(try differences(before, after) == [
            "tasks[TN-000]: absent → {\"id\":\"TN-000\",\"lines\":1}",
            "tasks[TN-002].lines: 5 → 6",
        ])
    }

    @Test func documentsChartsAndSubScoresHaveTheirOwnKeys() throws {
        let before = "{\"documents\": [{\"path\": \"a.md\", \"lines\": 1}], \"helm\": [{\"chart\": \"api\", \"status\": \"passed\"}], "
            + "\"subScores\": [{\"name\": \"tests\", \"score\": 1}]}"
        let after = "{\"documents\": [{\"path\": \"b.md\", \"lines\": 1}, {\"path\": \"a.md\", \"lines\": 2}], "
            + "\"helm\": [{\"chart\": \"api\", \"status\": \"failed\"}], \"subScores\": [{\"name\": \"tests\", \"score\": 0.5}]}"
        #expect(try differences(before, after) == [
            "documents[b.md]: absent → {\"lines\":1,\"path\":\"b.md\"}",
            "documents[a.md].lines: 1 → 2",
            "helm[api].status: \"passed\" → \"failed\"",
            "subScores[tests].score: 1 → 0.5",
        ])
    }

    @Test func repeatedKeysAreCountedAndPlainArraysGoByPosition() throws {
        let before = "{\"findings\": [{\"rule\": \"r\", \"task\": \"T\", \"line\": 1}], \"items\": [\"a\", \"b\"]}"
        let after = "{\"findings\": [{\"rule\": \"r\", \"task\": \"T\", \"line\": 4}, {\"rule\": \"r\", \"task\": \"T\", \"line\": 9}], \"items\": [\"a\"]}"
        #expect(try differences(before, after) == [
            "findings[r T].line: 1 → 4",
            "findings[r T](2): absent → {\"line\":9,\"rule\":\"r\",\"task\":\"T\"}",
            "items[1]: \"b\" → absent",
        ])
    }

    @Test func anIdThatLooksLikeAPositionIsStillComparedOnce() throws {
        let before = "{\"xs\": [{\"id\": \"1\"}, 5]}"
        #expect(try differences(before, "{\"xs\": [7]}").count == 2)
    }

    @Test func aClaimIsKeyedByKindTextScopeAndSourceFile() {
        let claim = Claim(kind: .loc, text: "design.md (1,970 LOC)", source: .file("r.md", line: 3), task: "TN-001", subject: "design.md")
        #expect(Tree.component(of: claim, in: "claims") == "[loc \"design.md (1,970 LOC)\" design.md TN-001 @r.md]")
    }

    @Test func explainedPathsCoverWhatIsBelowThemAndRepeatedKeys() {
        let explained = [["tasks", "[TN-001]", "checklist"], ["findings", "[r T]"]]
        #expect(Tree.isExplained(["tasks", "[TN-001]", "checklist", "sections", "[0]"], by: explained))
        #expect(Tree.isExplained(["findings", "[r T](2)", "line"], by: explained))
        #expect(!Tree.isExplained(["tasks", "[TN-001]", "checklistFile"], by: explained))
        #expect(!Tree.isExplained(["tasks", "[TN-001]"], by: explained))
        #expect(!Tree.isExplained(["findings", "[r T2]"], by: explained))
    }

    @Test func longValuesAreCutAndStringsAreEscaped() throws {
        #expect(Tree.string(String(repeating: "x", count: 200)).excerpt.count == 120)
        #expect(Tree.string("a \"b\"/c").excerpt == "\"a \\\"b\\\"/c\"")
        #expect(Tree.number(1e20).excerpt == "1e+20")
    }
}
