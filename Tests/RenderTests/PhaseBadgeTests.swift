import Foundation
import PhaseModel
import Testing
@testable import Render

/// A phase as a shields.io endpoint badge: label, completion and grade, colour by gate verdict.
struct PhaseBadgeTests {
    static func phase(done: Double, of total: Int, grade: String?, passed: Bool?, critical: Int = 0) -> Phase {
        var phase = Phase(id: "5", name: "Release", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-001"])
        phase.completion = Completion(done: done, total: total)
        phase.grade = grade
        phase.findings = FindingCounts(critical: critical)
        phase.gate = passed.map { passed in
            Gate(conditions: [GateCondition(id: .minCompletion, comparison: ">=", threshold: 100, actual: 80, passed: passed)])
        }
        return phase
    }

    func badge(_ phase: Phase, _ locale: ReportLocale = .en) throws -> [String: Any] {
        let badge = PhaseBadge(phase: phase, text: ViewText(catalog: try Catalog.builtIn(locale)))
        return try #require(try JSONSerialization.jsonObject(with: CanonicalJSON.encode(badge)) as? [String: Any])
    }

    @Test func theBadgeIsShieldsEndpointJSON() throws {
        let json = try badge(Self.phase(done: 4, of: 5, grade: "B", passed: false))
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["label"] as? String == "phase 5")
        #expect(json["message"] as? String == "80% · B")
        #expect(json["color"] as? String == "orange")
        #expect(Set(json.keys) == ["schemaVersion", "label", "message", "color"])
    }

    @Test func theColourFollowsTheGate() throws {
        #expect(try badge(Self.phase(done: 5, of: 5, grade: "A", passed: true))["color"] as? String == "brightgreen")
        #expect(try badge(Self.phase(done: 5, of: 5, grade: "D", passed: false, critical: 1))["color"] as? String == "red")
        #expect(try badge(Self.phase(done: 5, of: 5, grade: "A", passed: nil))["color"] as? String == "lightgrey")
    }

    @Test func completionIsRoundedDownAndMissingFiguresSaySo() throws {
        #expect(try badge(Self.phase(done: 2.999, of: 3, grade: nil, passed: true))["message"] as? String == "99.9% · n/a")
        var none = Self.phase(done: 0, of: 0, grade: nil, passed: nil)
        none.completion = nil
        #expect(try badge(none)["message"] as? String == "n/a · n/a")
    }

    @Test func theLabelIsInTheReportsLanguage() throws {
        let json = try badge(Self.phase(done: 4, of: 5, grade: "B", passed: false), .ru)
        #expect(json["label"] as? String == "фаза 5")
        #expect(json["message"] as? String == "80\u{00A0}% · B")
    }
}
