import Foundation
import PropertyBased
import Testing
@testable import PhaseModel

/// Findings, their texts and severities are written member by member without `encode(to:)`:
/// the bytes are those Foundation writes through it, alone, in an object and in arrays long
/// enough to be written on several cores.
struct CanonicalJSONFindingTests {
    static let texts = ["", "plain", "a \"quoted\" ü\n\t", "Утверждение «готово» — 39/39", "\u{0}\u{1F}\u{7F}", "😀 ✅", "/path/to"]

    static let lines: [Int?] = [nil, 0, 7, -1, Int.max]

    /// A finding made of choices: each number picks one member's value (`nil` for the last text).
    static func finding(_ picks: [Int]) -> Finding {
        func text(_ index: Int) -> String? { picks[index] < texts.count ? texts[picks[index]] : nil }
        let line = lines[picks[4] % lines.count]
        let place: Provenance? = picks[5] % 3 == 0 ? .commit(text(2) ?? "abc") : line.map { .file(text(3) ?? "f.md", line: $0) }
        return Finding(
            rule: FindingRuleID(rawValue: text(0) ?? ""), severity: Severity.allCases[picks[1] % Severity.allCases.count], task: text(2),
            phase: text(3), at: place, message: LocalizedText(en: text(6) ?? "", ru: text(7) ?? ""),
            remediation: text(6).map { LocalizedText(en: $0, ru: text(7) ?? "") })
    }

    static let picks = Gen<Int>.int(in: 0...texts.count).array(of: 8...8)

    struct Holder: Codable, Sendable, Equatable {
        var findings: [Finding]
        var first: Finding?
        var note: LocalizedText
        var severity: Severity
    }

    @Test func theMembersAreTheOnesTheFastPathWrites() {
        // A member added to `Finding` or `LocalizedText` must be written by its `writeMembers(to:)` too.
        #expect(Finding.CodingKeys.allCases.map(\.stringValue) == [
            "commit", "file", "line", "message", "phase", "remediation", "rule", "severity", "task",
        ])
        let text = try? CanonicalJSON.foundationEncoder(pretty: false).encode(LocalizedText(en: "e", ru: "r"))
        #expect(text.map { String(decoding: $0, as: UTF8.self) } == #"{"en":"e","ru":"r"}"#)
    }

    @Test(arguments: [true, false])
    func findingsAreWrittenAsFoundationWritesThem(pretty: Bool) async throws {
        await propertyCheck(count: 300, input: Self.picks) { picks throws in
            let finding = Self.finding(picks)
            #expect(try CanonicalJSONEncoder.encode(finding, pretty: pretty) == (try foundation(finding, pretty: pretty)))
            let holder = Holder(findings: [finding, finding], first: finding, note: finding.message, severity: finding.severity)
            #expect(try CanonicalJSONEncoder.encode(holder, pretty: pretty) == (try foundation(holder, pretty: pretty)))
        }
    }

    @Test(arguments: [true, false])
    func aLongArrayOfFindingsIsWrittenAsFoundationWritesIt(pretty: Bool) async throws {
        // Every member's choices in turn, as many findings as make the array be written on every core.
        let findings = (0..<(CanonicalJSONEncoder.parallelMinimum * 3)).map { index in
            Self.finding((0..<8).map { member in (index / (member + 1) + member) % (Self.texts.count + 1) })
        }
        let holder = Holder(findings: findings, first: nil, note: LocalizedText(en: "", ru: ""), severity: .critical)
        #expect(try CanonicalJSONEncoder.encode(holder, pretty: pretty) == (try foundation(holder, pretty: pretty)))
    }

    private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        try [UInt8](CanonicalJSON.foundationEncoder(pretty: pretty).encode(value)) + [0x0A]
    }
}
