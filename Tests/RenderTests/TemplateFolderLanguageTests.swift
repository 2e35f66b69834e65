import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Render

/// A user's `templates/` folder with the shared templates: a `common/` template serves every
/// language, a `<lang>/` one (as `phasecert init --templates` wrote them before the templates were
/// shared) still serves its language alone, and a `<lang>/` catalog changes that language's words.
struct TemplateFolderLanguageTests {
    static let view = ["title": "T", "tool": "phasecert"]

    @Test func aTemplateInALanguageFolderServesThatLanguageOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write("en/completion.md.mustache", "# Our report. {{title}}\n")
        #expect(try ReportTemplates(locale: .en, userFolder: folder.path).render("completion", Self.view) == "# Our report. T\n")
        let russian = try ReportTemplates(locale: .ru, userFolder: folder.path).render("completion", Self.view)
        #expect(russian.hasPrefix("# Отчёт о завершении. T\n"))
    }

    @Test func aCommonTemplateServesEveryLanguageWithItsCatalog() throws {
        let folder = try TemporaryFolder()
        try folder.write("common/completion.md.mustache", "# {{@text.completion.heading}}\n\n{{@text.report.writtenBy}}\n")
        #expect(try ReportTemplates(locale: .en, userFolder: folder.path).render("completion", Self.view)
            == "# Completion report. T\n\nWritten by phasecert.\n")
        #expect(try ReportTemplates(locale: .ru, userFolder: folder.path).render("completion", Self.view)
            == "# Отчёт о завершении. T\n\nОтчёт записан программой phasecert.\n")
    }

    @Test func theLanguageFolderWinsOverCommon() throws {
        let folder = try TemporaryFolder()
        try folder.write("common/task.md.mustache", "shared\n")
        try folder.write("ru/task.md.mustache", "своя\n")
        #expect(try ReportTemplates(locale: .en, userFolder: folder.path).render("task", Self.view) == "shared\n")
        #expect(try ReportTemplates(locale: .ru, userFolder: folder.path).render("task", Self.view) == "своя\n")
    }

    @Test func aUserCatalogChangesTheWordsOfItsLanguageOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write("ru/text-completion.yml", "text.completion.heading: \"Итоги. {{title}}\"\n")
        let russian = try ReportTemplates(locale: .ru, userFolder: folder.path).render("completion", Self.view)
        #expect(russian.hasPrefix("# Итоги. T\n"))
        // The built-in texts the user's catalog leaves out are still there.
        #expect(russian.contains("\n## Состояние\n"))
        let english = try ReportTemplates(locale: .en, userFolder: folder.path).render("completion", Self.view)
        #expect(english.hasPrefix("# Completion report. T\n"))
    }

    @Test func aTagNamingNoTextNamesTheUsersFileAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("common/task.md.mustache", "# {{title}}\n{{@text.task.nothing}}\n")
        let root = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
        for locale in ReportLocale.allCases {
            #expect(throws: TemplateError.invalid(
                file: root + "/common/task.md.mustache:2",
                reason: "{{@text.task.nothing}} names no text of the \(locale.rawValue) catalog"
            )) {
                try ReportTemplates(locale: locale, userFolder: root)
            }
        }
    }
}
