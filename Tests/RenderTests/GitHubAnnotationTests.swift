import PhaseModel
import PropertyBased
import Testing
@testable import Render

/// GitHub Actions annotations for findings: levels, properties and the runner's escaping.
struct GitHubAnnotationTests {
    static func finding(
        _ rule: FindingRuleID = .namingNoncanonical, _ severity: Severity = .minor, at provenance: Provenance? = nil,
        en: String = "Folder name is not canonical.", ru: String = "Имя папки не каноническое.", remediation: LocalizedText? = nil
    ) -> Finding {
        Finding(rule: rule, severity: severity, at: provenance, message: LocalizedText(en: en, ru: ru), remediation: remediation)
    }

    /// What GitHub's runner does to a message (ActionCommand.cs): `%0D`, `%0A`, then `%25`.
    static func unescapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }

    @Test func severitiesBecomeErrorWarningAndNotice() {
        let findings = [
            Self.finding(.testsFailing, .critical), Self.finding(.testsNotRun, .major),
            Self.finding(.docsMissing, .minor), Self.finding(.namingMissingDirectory, .info),
        ]
        let levels = GitHubAnnotations.commands(for: findings, locale: .en, detailsPath: nil).map { $0.prefix { $0 != " " } }
        #expect(levels == ["::error", "::error", "::warning", "::notice"])
    }

    @Test func aFileFindingNamesItsFileLineAndRule() {
        let finding = Self.finding(at: .file("tasks/TN-99-redis", line: 3), remediation: LocalizedText(en: "Rename it.", ru: "Переименуйте."))
        #expect(GitHubAnnotations.commands(for: [finding], locale: .en, detailsPath: nil) == [
            "::warning file=tasks/TN-99-redis,line=3,title=naming.noncanonical%3A Task folder name not canonical::"
                + "Folder name is not canonical.%0ARename it."
        ])
    }

    @Test func aFileWithoutALineGetsNoLineProperty() {
        let finding = Self.finding(at: .file("tasks/TN-99-redis", line: nil))
        let line = GitHubAnnotations.commands(for: [finding], locale: .en, detailsPath: nil)[0]
        #expect(line.hasPrefix("::warning file=tasks/TN-99-redis,title=naming.noncanonical%3A "))
        #expect(!line.contains("line="))
    }

    @Test func aCommitFindingHasNoFileAndNamesTheCommitInItsMessage() {
        let commit = "0123456789abcdef0123456789abcdef01234567"
        let finding = Self.finding(.other("claims.unverifiable"), .info, at: .commit(commit), en: "No evidence.", ru: "Нет данных.")
        #expect(GitHubAnnotations.commands(for: [finding], locale: .en, detailsPath: nil) == [
            "::notice title=claims.unverifiable::No evidence.%0Acommit 0123456789ab"
        ])
        let russian = GitHubAnnotations.commands(for: [finding], locale: .ru, detailsPath: nil)[0]
        #expect(russian.hasPrefix("::notice title=claims.unverifiable::Нет данных.%0A"))
        #expect(!russian.contains("file="))
    }

    @Test func anUnknownRuleIsItsOwnTitleAndAFindingWithoutPlaceHasNoProperties() {
        let finding = Self.finding(.other("custom.rule"), .major, en: "Something.")
        #expect(GitHubAnnotations.commands(for: [finding], locale: .en, detailsPath: nil) == ["::error title=custom.rule::Something."])
    }

    @Test func messagesEscapePercentCarriageReturnAndLineFeedOnly() {
        let finding = Self.finding(en: "100% done\r\nnext: a,b\rend\nРедис %0A")
        let line = GitHubAnnotations.commands(for: [finding], locale: .en, detailsPath: nil)[0]
        let message = line.components(separatedBy: "::").dropFirst(2).joined(separator: "::")
        #expect(message == "100%25 done%0D%0Anext: a,b%0Dend%0AРедис %250A")
        #expect(Self.unescapeData(message) == "100% done\r\nnext: a,b\rend\nРедис %0A")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        let finding = Self.finding(at: .file("docs/a,b:c%d\r\ne/Редис.md", line: 7))
        let line = GitHubAnnotations.commands(for: [finding], locale: .en, detailsPath: nil)[0]
        #expect(line.hasPrefix("::warning file=docs/a%2Cb%3Ac%25d%0D%0Ae/Редис.md,line=7,title=naming.noncanonical%3A Task"))
    }

    @Test func titlesAreEscapedAsProperties() {
        #expect(WorkflowCommand.escapeProperty("rule: a, b % \n") == "rule%3A a%2C b %25 %0A")
        #expect(WorkflowCommand.escapeData("rule: a, b % \n") == "rule: a, b %25 %0A")
        #expect(WorkflowCommand.escapeProperty("Тесты падают") == "Тесты падают")
    }

    @Test func russianTitlesAndMessagesAreLeftAsTheyAre() {
        let finding = Self.finding(.testsFailing, .critical, at: .file("tests/юнит.swift", line: 1), ru: "Тест «Редис» падает")
        #expect(GitHubAnnotations.commands(for: [finding], locale: .ru, detailsPath: nil) == [
            "::error file=tests/юнит.swift,line=1,title=tests.failing%3A Тесты падают или завершаются ошибкой::Тест «Редис» падает"
        ])
    }

    @Test func findingsComeInListOrderWhateverTheInputOrder() {
        let findings = [
            Self.finding(.docsMissing, .minor, at: .file("b.md", line: nil)),
            Self.finding(.testsFailing, .critical),
            Self.finding(.docsMissing, .minor, at: .file("a.md", line: nil)),
        ]
        let forward = GitHubAnnotations.commands(for: findings, locale: .en, detailsPath: nil)
        #expect(forward == GitHubAnnotations.commands(for: findings.reversed(), locale: .en, detailsPath: nil))
        #expect(forward.map { $0.contains("a.md") } == [false, true, false])
        #expect(forward[0].hasPrefix("::error "))
    }

    /// Text that stresses the escaping: its special characters, escapes already written out,
    /// CR LF (one Swift character), separators and Cyrillic.
    static let pieces = ["%", "\r", "\n", "\r\n", "%25", "%0A", "%0D", ":", ",", "::", "=", "Редис", "a", " ", "\u{2028}", "🙂", "\n\r"]

    @Test func anyMessageSurvivesTheRoundTripOnOneLine() async {
        await propertyCheck(input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { parts in
            let message = parts.compactMap { $0 }.joined()
            let line = GitHubAnnotations.commands(for: [Self.finding(en: message)], locale: .en, detailsPath: nil)[0]
            #expect(!line.unicodeScalars.contains("\r") && !line.unicodeScalars.contains("\n"))
            let prefix = "::warning title=naming.noncanonical%3A Task folder name not canonical::"
            #expect(line.hasPrefix(prefix))
            #expect(Self.unescapeData(String(line.dropFirst(prefix.count))) == message)
        }
    }
}
