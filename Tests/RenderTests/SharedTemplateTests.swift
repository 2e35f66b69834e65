import Foundation
import PhaseModel
import Testing
@testable import Render

/// One template per report for every language: the structure in `templates/common/`, the words
/// in each language's catalog, named by the template's `{{@key}}` tags.
struct SharedTemplateTests {
    /// The built-in report templates, by file name.
    static var reportTemplates: [String: String] {
        Dictionary(uniqueKeysWithValues: BuiltInTemplates.files.filter { $0.key.hasPrefix("common/") && $0.key.hasSuffix(".md.mustache") }
            .map { (String($0.key.dropFirst("common/".count)), $0.value) })
    }

    @Test func noTemplateIsWrittenOncePerLanguage() {
        for locale in ReportLocale.allCases {
            let own = BuiltInTemplates.files.keys.filter { $0.hasPrefix(locale.rawValue + "/") && $0.hasSuffix(".mustache") }.sorted()
            #expect(own.isEmpty, "templates/\(locale.rawValue) has its own templates: \(own)")
        }
        #expect(Set(Self.reportTemplates.keys).isSuperset(of: ["audit.md.mustache", "completion.md.mustache", "summary.md.mustache", "task.md.mustache"]))
    }

    @Test func everyTagOfTheTemplatesHasATextInEveryLanguage() throws {
        var used = 0
        for locale in ReportLocale.allCases {
            let catalog = try Catalog.builtIn(locale)
            for (file, template) in Self.reportTemplates.sorted(by: { $0.key < $1.key }) {
                for (key, line) in CatalogTags.keys(in: template) {
                    used += 1
                    guard case .text? = catalog.entries[key] else {
                        Issue.record("templates/common/\(file):\(line): \(key) has no text in templates/\(locale.rawValue)")
                        continue
                    }
                }
            }
        }
        #expect(used > 200)
    }

    @Test func everyTemplateTextOfTheCatalogsIsUsed() throws {
        let used = Set(Self.reportTemplates.values.flatMap { CatalogTags.keys(in: $0).map(\.key) })
        for locale in ReportLocale.allCases {
            let unused = try Catalog.builtIn(locale).entries.keys.filter { $0.hasPrefix("text.") && !used.contains($0) }.sorted()
            #expect(unused.isEmpty, "templates/\(locale.rawValue) has texts no template uses: \(unused)")
        }
    }

    @Test func theTemplatesKeepNoWordsOfTheirOwn() {
        // What is left of a template once tags and Markdown punctuation are taken out: only names
        // that are the same in every language may remain.
        let allowed: Set<String> = ["phasecert", "Helm"]
        for (file, template) in Self.reportTemplates.sorted(by: { $0.key < $1.key }) {
            let untagged = template.replacingOccurrences(of: #"\{\{[^}]*\}\}\}?"#, with: " ", options: .regularExpression)
            let words = untagged.split { !$0.isLetter }.map(String.init)
            #expect(Set(words).subtracting(allowed).isEmpty, "common/\(file) holds words: \(Set(words).subtracting(allowed).sorted())")
        }
    }

    @Test func aTagNamingNoTextIsAnErrorWithItsLine() throws {
        let catalog = try Catalog.builtIn(.ru)
        let template = "# {{title}}\n\n{{@text.audit.intro}}\n{{@text.audit.nothing}}\n"
        #expect(throws: TemplateError.invalid(file: "my.md.mustache:4", reason: "{{@text.audit.nothing}} names no text of the ru catalog")) {
            try CatalogTags.filled(template, from: catalog, origin: "my.md.mustache")
        }
        // A counted noun has no single text to put in.
        #expect(throws: TemplateError.self) { try CatalogTags.filled("{{@noun.task}}", from: catalog, origin: "x") }
        #expect(throws: TemplateError.self) { try CatalogTags.filled("{{@text.audit.intro", from: catalog, origin: "x") }
    }

    @Test func aTagIsReplacedByItsTextTagsIncluded() throws {
        let catalog = try Catalog.builtIn(.en)
        let filled = try CatalogTags.filled("## {{@text.audit.summary.heading}}\n{{@text.report.writtenBy}}\n", from: catalog, origin: "x")
        #expect(filled == "## Summary\nWritten by {{{tool}}}.\n")
        #expect(try CatalogTags.filled("no tags {{x}}\n", from: catalog, origin: "x") == "no tags {{x}}\n")
    }
}
