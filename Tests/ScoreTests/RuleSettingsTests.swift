import PhaseModel
import Testing
@testable import Score

@Suite struct RuleSettingsTests {
    let findings = [
        Finding(rule: .docsMissing, severity: .minor, message: LocalizedText(en: "a", ru: "а")),
        Finding(rule: .taskNoCommits, severity: .minor, message: LocalizedText(en: "b", ru: "б")),
        Finding(rule: .testsFailing, severity: .critical, message: LocalizedText(en: "c", ru: "в")),
    ]

    @Test func overrideChangesSeverityAndOffRemoves() {
        let settings: [String: Severity?] = ["docs.missing": .major, "task.no-commits": Severity?.none]
        let applied = RuleSettings.apply(settings, to: findings)
        #expect(applied.map(\.rule) == [.docsMissing, .testsFailing])
        #expect(applied.map(\.severity) == [.major, .critical])
    }

    @Test func noSettingsKeepEverything() {
        #expect(RuleSettings.apply([:], to: findings) == findings)
    }
}
