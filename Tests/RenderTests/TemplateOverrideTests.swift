import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Render

/// A user's `templates/` folder replaces built-in files one by one and cannot reach outside itself.
struct TemplateOverrideTests {
    @Test func aUserFileReplacesTheBuiltInOneOfThatNameOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write("en/style.html.mustache", "<style>body { color: teal; }</style>\n")
        try folder.write("en/catalog.yml", "value.none: nothing found\n")
        let templates = try ReportTemplates(locale: .en, userFolder: folder.path)
        #expect(templates.catalog.text("value.none") == "nothing found")
        // Keys the user's catalog does not have keep their built-in text.
        #expect(templates.catalog.text("severity.critical") == "critical")
        let page = try templates.render("page", ["lang": "en", "title": "T", "body": "<p>x</p>"])
        #expect(page.contains("color: teal"))
        // The Russian templates are untouched.
        let russian = try ReportTemplates(locale: .ru, userFolder: folder.path)
        #expect(russian.catalog.text("value.none") == "нет данных")
    }

    @Test func aLinkOutOfTheFolderIsRefused() throws {
        let outside = try TemporaryFolder()
        let secret = try outside.write("secret.txt", "password\n")
        let folder = try TemporaryFolder()
        try folder.makeFolder("en")
        try folder.link("en/completion.md.mustache", to: secret)
        #expect(throws: TemplateError.self) { try ReportTemplates(locale: .en, userFolder: folder.path) }
        do {
            _ = try ReportTemplates(locale: .en, userFolder: folder.path)
        } catch let error as TemplateError {
            #expect(error.description.contains("outside the templates folder"))
        }
    }

    @Test func aPartialNamingAPathIsAnErrorNotAFileRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("en/completion.md.mustache", "# x\n{{> ../../etc/passwd}}\n")
        #expect(throws: TemplateError.missingPartial(file: folder.path + "/en/completion.md.mustache", partial: "../../etc/passwd")) {
            try ReportTemplates(locale: .en, userFolder: URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path)
        }
    }

    @Test func aBrokenTemplateOrCatalogNamesItsFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("ru/catalog.yml", "noun.task: [unclosed\n")
        #expect(throws: TemplateError.self) { try ReportTemplates(locale: .ru, userFolder: folder.path) }
        let other = try TemporaryFolder()
        try other.write("en/completion.md.mustache", "{{#open}}never closed\n")
        do {
            _ = try ReportTemplates(locale: .en, userFolder: other.path)
            Issue.record("an unclosed section was accepted")
        } catch let error as TemplateError {
            #expect(error.description.contains("en/completion.md.mustache"))
        }
    }

    @Test func markdownTemplatesEscapeValuesForMarkdownAndHTMLTemplatesForHTML() throws {
        let folder = try TemporaryFolder()
        try folder.write("en/completion.md.mustache", "| {{title}} |\n")
        let templates = try ReportTemplates(locale: .en, userFolder: folder.path)
        let markdown = try templates.render("completion", ["title": "a | <b>\n**c**"])
        #expect(markdown == "| a \\| \\<b\\> \\*\\*c\\*\\* |\n")
        let page = try templates.render("page", ["lang": "en", "title": "<script>", "body": ""])
        #expect(page.contains("<title>&lt;script&gt;</title>"))
    }
}

/// Counted nouns through the catalogs: CLDR categories in Russian, one/other in English.
struct CatalogCountTests {
    @Test(arguments: [
        (1.0, "1 задача"), (2, "2 задачи"), (5, "5 задач"), (11, "11 задач"), (21, "21 задача"), (22, "22 задачи"),
        (0, "0 задач"), (1.5, "1,5 задачи"), (111, "111 задач"), (7321, "7\u{00A0}321 задача"),
    ])
    func russianTasks(value: Double, expected: String) throws {
        #expect(try Catalog.builtIn(.ru).counted(value, "noun.task") == expected)
    }

    @Test(arguments: [(1.0, "1 task"), (2, "2 tasks"), (0, "0 tasks"), (1.5, "1.5 tasks"), (7321, "7,321 tasks")])
    func englishTasks(value: Double, expected: String) throws {
        #expect(try Catalog.builtIn(.en).counted(value, "noun.task") == expected)
    }

    @Test func everyCountedNounHasAFormForEveryCountUpTo130InBothLanguages() throws {
        for locale in ReportLocale.allCases {
            let catalog = try Catalog.builtIn(locale)
            for (key, entry) in catalog.entries {
                guard case .plural = entry else { continue }
                for count in 0...130 {
                    let text = catalog.counted(count, key)
                    #expect(!text.contains("⟦") && text.hasPrefix(locale.number(Double(count), fractionDigits: 0) + " "), "\(locale) \(key) \(count)")
                }
            }
        }
    }

    @Test func aMissingKeyShowsItselfInsteadOfVanishing() throws {
        let catalog = try Catalog.builtIn(.en)
        #expect(catalog.text("no.such.key") == "⟦no.such.key⟧")
        #expect(catalog.text("completion.title", ["id": "7"]) == "Phase 7")
    }
}
