import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Render

/// The SARIF log against GitHub code scanning's upload requirements (`GitHubSARIFRequirements`),
/// which reject logs the schema accepts: a result without a location, a rule without help.
struct SARIFUploadRequirementsTests {
    /// One finding of every catalog rule, in every shape a finding takes: at a file and line, at a
    /// folder, at a commit, about a task only, about nothing in particular.
    static let findings: [Finding] = FindingRule.catalog.enumerated().map { number, rule in
        let provenance: Provenance? = switch number % 4 {
        case 0: .file("src/file \(number).go", line: number + 1)
        case 1: .file("tasks/TN-001-api", line: nil)
        case 2: .commit(String(repeating: "b", count: 40))
        default: nil
        }
        return Finding(
            rule: rule.id, severity: rule.severity, task: number % 3 == 0 ? nil : "TN-001", at: provenance,
            message: LocalizedText(en: "finding \(number)", ru: "находка \(number)"))
    } + [Finding(rule: .other("future.rule"), severity: .minor, message: LocalizedText(en: "unknown", ru: "неизвестно"))]

    static let locator = FindingLocator(masterList: "tasks/TASKS.md", tasks: [
        TaskRecord(id: "TN-001", directories: ["tasks/TN-001-api"], documents: [Document(path: "tasks/TN-001-api/tasks.md", lines: 3, nonBlankLines: 3, bytes: 30)])
    ])

    func driver(_ data: Data) throws -> [String: Any] {
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    }

    @Test(arguments: ["en", "ru"])
    func everyRuleAndEveryShapeOfFindingMeetsGitHubsRequirements(locale: String) throws {
        let data = try SARIFWriter.log(Self.findings, locale: locale, locator: Self.locator)
        #expect(GitHubSARIFRequirements.problems(in: data) == [])
    }

    @Test func theCheckerCatchesWhatGitHubRejects() throws {
        var log = try #require(try JSONSerialization.jsonObject(with: SARIFWriter.log(Self.findings, locator: Self.locator)) as? [String: Any])
        var runs = try #require(log["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        results[0]["locations"] = nil
        results[1]["locations"] = [["physicalLocation": ["artifactLocation": ["uri": "/abs/path.md"], "region": ["startLine": 0]]]]
        runs[0]["results"] = results
        log["runs"] = runs
        let problems = GitHubSARIFRequirements.problems(in: try JSONSerialization.data(withJSONObject: log))
        #expect(problems.contains("runs[0]: results[0]: 0 locations; GitHub needs at least one"))
        #expect(problems.contains("runs[0]: results[1]: uri /abs/path.md is not relative to the repository root"))
        #expect(problems.contains("runs[0]: results[1]: region.startLine missing or below 1"))
    }

    @Test func theDriverNamesItsVersionAndCommit() throws {
        let tool = ToolVersion(version: "1.4.0+2", commit: "a1b2c3d4e5f6")
        let driver = try driver(SARIFWriter.log(Self.findings, tool: tool, locator: Self.locator))
        #expect(driver["version"] as? String == "1.4.0+2")
        #expect(driver["semanticVersion"] as? String == "1.4.0+2")
        #expect((driver["properties"] as? [String: Any])?["commit"] as? String == "a1b2c3d4e5f6")
        #expect(driver["informationUri"] as? String == SARIFWriter.informationURI)
    }

    @Test func ruleHelpComesFromTheCatalogInTheReportsLanguage() throws {
        let english = try #require((try driver(SARIFWriter.log(Self.findings, locator: Self.locator))["rules"] as? [[String: Any]])?.first)
        #expect(english["id"] as? String == "helm.lint-failed")
        #expect((english["fullDescription"] as? [String: Any])?["text"] as? String
            == "A Helm chart the task touched fails helm lint, so it is not ready to install.")
        let help = try #require(english["help"] as? [String: Any])
        #expect((help["text"] as? String)?.contains("What to do: Run helm lint") == true)
        #expect((help["markdown"] as? String)?.hasPrefix("**Helm chart fails lint** (`helm.lint-failed`)") == true)
        #expect(english["helpUri"] as? String == SARIFWriter.rulesURI)

        let russian = try #require((try driver(SARIFWriter.log(Self.findings, locale: "ru", locator: Self.locator))["rules"] as? [[String: Any]])?.first)
        #expect(((russian["help"] as? [String: Any])?["text"] as? String)?.contains("Что делать: Запустите helm lint") == true)

        // A rule the catalog does not describe still has help, which says so.
        let rules = try #require(try driver(SARIFWriter.log(Self.findings, locator: Self.locator))["rules"] as? [[String: Any]])
        let unknown = try #require(rules.first { $0["id"] as? String == "future.rule" })
        #expect((unknown["fullDescription"] as? [String: Any])?["text"] as? String
            == "A finding of rule future.rule, which this phasecert does not describe.")
    }

    @Test func everyRuleIsDescribedInBothLanguages() throws {
        for locale in ReportLocale.allCases {
            let catalog = try Catalog.builtIn(locale)
            for rule in FindingRuleID.allCases {
                #expect(catalog.entries["rule.\(rule).description"] != nil, "\(locale): rule.\(rule).description")
                #expect(catalog.entries["rule.\(rule).help"] != nil, "\(locale): rule.\(rule).help")
                #expect(FindingRule.named(rule).map { !$0.title.text(in: locale).isEmpty } == true, "\(locale): title of \(rule)")
            }
        }
    }

    /// The reverse: a rule the catalogs describe is one phasecert raises, so a renamed rule
    /// does not leave its old wording behind.
    @Test func everyDescribedRuleIsOnePhasecertRaises() throws {
        let notRules: Set<String> = ["unknown", "help"]
        for locale in ReportLocale.allCases {
            let described = try Catalog.builtIn(locale).entries.keys.filter { $0.hasPrefix("rule.") && $0.hasSuffix(".description") }
                .map { String($0.dropFirst("rule.".count).dropLast(".description".count)) }
                .filter { !notRules.contains($0) }
            for id in described {
                #expect(FindingRuleID.allCases.contains(FindingRuleID(rawValue: id)), "\(locale): rule.\(id) describes no rule")
            }
        }
    }

    /// helpUri points at a heading the README has, so the link lands on the rules.
    @Test func theHelpURIsAnchorIsAHeadingOfTheReadme() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let anchor = try #require(SARIFWriter.rulesURI.split(separator: "#").last.map(String.init))
        let anchors = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { heading in
            // GitHub's slug: lower-cased, punctuation other than - and _ removed, spaces to -.
            String(heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
                .map { $0 == " " ? "-" : $0 })
        }
        #expect(anchors.contains(anchor), "README.md has no heading for #\(anchor)")
    }
}
