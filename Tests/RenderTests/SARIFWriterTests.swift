import Foundation
import PhaseModel
import Testing
@testable import Render

/// Findings as SARIF 2.1.0: rules, levels, locations, fingerprints, escaping and determinism.
struct SARIFWriterTests {
    static let hostile = "<script>alert(1)</script> | `code` **bold**\nвторая строка"

    let findings = [
        Finding(
            rule: .testsFailing, severity: .critical, task: "TN-001", phase: "1", at: .file("tests/cart test.go", line: 12),
            message: LocalizedText(en: "2 tests fail: " + hostile, ru: "2 теста падают: " + hostile),
            remediation: LocalizedText(en: "Fix them.", ru: "Исправьте их.")),
        Finding(
            rule: .docsMissing, severity: .minor, task: "TN-002", phase: "1", at: .file("tasks/TN-002-задача", line: nil),
            message: LocalizedText(en: "requirements.md is missing", ru: "нет requirements.md")),
        Finding(
            rule: .claimContradicted, severity: .major, task: "TN-001", phase: "1", at: .commit(String(repeating: "a", count: 40)),
            message: LocalizedText(en: "subject claims 9 tests", ru: "в теме коммита 9 тестов")),
        Finding(rule: .gitHistoryIncomplete, severity: .info, message: LocalizedText(en: "shallow", ru: "неполный")),
    ]

    func decode(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func levelsFollowSeverity() {
        #expect(SARIFWriter.level(.critical) == "error")
        #expect(SARIFWriter.level(.major) == "error")
        #expect(SARIFWriter.level(.minor) == "warning")
        #expect(SARIFWriter.level(.info) == "note")
    }

    @Test func rulesAreTheCatalogRulesUsedInCatalogOrder() throws {
        let log = try decode(SARIFWriter.log(findings))
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let driver = try #require((try run(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "phasecert")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["tests.failing", "docs.missing", "claim.contradicted", "git.history-incomplete"])
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "Tests fail or error")
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    }

    @Test func resultsCarryLocationLevelRuleIndexAndProperties() throws {
        let results = try #require(try run(decode(SARIFWriter.log(findings)))["results"] as? [[String: Any]])
        #expect(results.count == 4)
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, 1, 2, 3])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "error", "note"])

        let physical = try #require(((results[0]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "tests/cart%20test.go")
        #expect(artifact["uriBaseId"] as? String == "SRCROOT")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 12)

        // A folder without a line starts at line 1 (GitHub needs a line); Cyrillic in a path is percent-encoded.
        let folder = try #require(((results[1]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((folder["region"] as? [String: Any])?["startLine"] as? Int == 1)
        #expect((folder["artifactLocation"] as? [String: Any])?["uri"] as? String
            == "tasks/TN-002-%D0%B7%D0%B0%D0%B4%D0%B0%D1%87%D0%B0")

        // A commit is not a file: the location is the repository's (see FindingLocatorTests), the commit in the properties.
        let anchored = try #require(((results[2]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((anchored["artifactLocation"] as? [String: Any])?["uri"] as? String == "README.md")
        #expect((results[2]["properties"] as? [String: Any])?["commit"] as? String == String(repeating: "a", count: 40))
        #expect((results[0]["properties"] as? [String: Any])?["severity"] as? String == "critical")
        #expect((results[0]["properties"] as? [String: Any])?["remediation"] as? String == "Fix them.")
    }

    @Test func untrustedTextComesOutIntactAndInert() throws {
        let data = try SARIFWriter.log(findings, locale: "ru")
        let text = String(decoding: data, as: UTF8.self)
        // JSON escapes the newline and quotes; nothing is cut or changed on the way back.
        #expect(!text.contains("\nвторая"))
        let results = try #require(try run(decode(data))["results"] as? [[String: Any]])
        #expect((results[0]["message"] as? [String: Any])?["text"] as? String == "2 теста падают: " + Self.hostile)
    }

    @Test func fingerprintsIgnoreTheLineButNotTheRuleOrFile() {
        var moved = findings[0]
        moved.line = 40
        #expect(SARIFWriter.fingerprint(moved) == SARIFWriter.fingerprint(findings[0]))
        var other = findings[0]
        other.file = "tests/other.go"
        #expect(SARIFWriter.fingerprint(other) != SARIFWriter.fingerprint(findings[0]))
        #expect(SARIFWriter.fingerprint(findings[0]).count == 32)
    }

    @Test func sameFindingsGiveTheSameBytes() throws {
        #expect(try SARIFWriter.log(findings) == SARIFWriter.log(findings))
    }

    @Test func noFindingsIsAnEmptyRun() throws {
        let run = try run(decode(SARIFWriter.log([])))
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }
}
