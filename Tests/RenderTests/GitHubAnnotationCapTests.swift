import PhaseModel
import Testing
@testable import Render

/// GitHub shows at most 10 annotations of each level per step: the rest are summed up in one.
struct GitHubAnnotationCapTests {
    static func findings(_ count: Int, _ severity: Severity) -> [Finding] {
        (0..<count).map { index in
            Finding(
                rule: .docsMissing, severity: severity, at: .file("docs/\(severity.rawValue)-\(100 + index).md", line: index + 1),
                message: LocalizedText(en: "Missing \(index).", ru: "Нет \(index)."))
        }
    }

    static func lines(_ level: String, in commands: [String]) -> [String] {
        commands.filter { $0.hasPrefix("::\(level) ") }
    }

    @Test(arguments: [0, 1, 10])
    func upToTenOfALevelAreAllAnnotated(count: Int) {
        for (severity, level) in [(Severity.major, "error"), (.minor, "warning"), (.info, "notice")] {
            let commands = GitHubAnnotations.commands(for: Self.findings(count, severity), locale: .en, detailsPath: "x.sarif")
            #expect(commands.count == count)
            #expect(Self.lines(level, in: commands).count == count)
            #expect(!commands.contains { $0.contains("not annotated") })
        }
    }

    @Test func elevenGiveNineAndOneSummaryNamingTheRestAndWhereTheyAre() {
        let commands = GitHubAnnotations.commands(
            for: Self.findings(11, .minor), locale: .en, detailsPath: "reports/phase-13/findings.sarif")
        #expect(commands.count == 10)
        #expect(commands.prefix(9).allSatisfy { $0.hasPrefix("::warning file=docs/minor-") })
        #expect(commands.prefix(9).last?.contains("minor-108.md") == true)
        #expect(commands.last == "::warning title=Findings not annotated::"
            + "2 more findings at level warning are not annotated; reports/phase-13/findings.sarif lists every finding.")
    }

    @Test func twentyFiveOfEachLevelGiveTenOfEachAndNoMore() {
        let findings = [Severity.critical, .major, .minor, .info].flatMap { Self.findings(25, $0) }
        let commands = GitHubAnnotations.commands(for: findings.shuffled(), locale: .en, detailsPath: "f.sarif")
        #expect(commands.count == 30)
        for level in ["error", "warning", "notice"] {
            let lines = Self.lines(level, in: commands)
            #expect(lines.count == 10)
            #expect(lines.filter { $0.contains("title=Findings not annotated::") }.count == 1)
        }
        // Errors are critical and major together: 50, of which 9 are shown, all critical.
        #expect(Self.lines("error", in: commands).prefix(9).allSatisfy { $0.contains("docs/critical-") })
        #expect(commands.contains("::error title=Findings not annotated::"
            + "41 more findings at level error are not annotated; f.sarif lists every finding."))
        #expect(commands.contains("::notice title=Findings not annotated::"
            + "16 more findings at level notice are not annotated; f.sarif lists every finding."))
        // Most severe level first, the summary closing its level.
        #expect(commands[9].hasPrefix("::error title=") && commands[10].hasPrefix("::warning file="))
    }

    @Test func theSummaryIsRussianInRussianAndWorksWithoutADetailsPath() {
        let russian = GitHubAnnotations.commands(for: Self.findings(12, .info), locale: .ru, detailsPath: nil)
        #expect(russian.last == "::notice title=Замечания без аннотаций::Без аннотаций осталось ещё 3 замечания уровня notice.")
        let many = GitHubAnnotations.commands(for: Self.findings(14, .info), locale: .ru, detailsPath: "f.sarif")
        #expect(many.last == "::notice title=Замечания без аннотаций::"
            + "Без аннотаций осталось ещё 5 замечаний уровня notice; все замечания перечислены в f.sarif.")
        let english = GitHubAnnotations.commands(for: Self.findings(12, .info), locale: .en, detailsPath: nil)
        #expect(english.last == "::notice title=Findings not annotated::3 more findings at level notice are not annotated.")
    }

    @Test func theCapIsDeterministic() {
        let findings = Self.findings(30, .major) + Self.findings(3, .info)
        let first = GitHubAnnotations.commands(for: findings, locale: .en, detailsPath: "f.sarif")
        for _ in 0..<5 {
            #expect(GitHubAnnotations.commands(for: findings.shuffled(), locale: .en, detailsPath: "f.sarif") == first)
        }
    }
}
