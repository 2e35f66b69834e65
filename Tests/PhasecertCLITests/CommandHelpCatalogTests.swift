import PhaseModel
import Testing

/// Command help is worded from the message catalogs (`messages/<lang>/cli.yml`), where each long
/// discussion is a YAML string of escaped line breaks: both languages keep its paragraphs, and the
/// example commands that close it, indented and the same in both.
struct CommandHelpCatalogTests {
    static let discussions = [
        "cli.phasecert.discussion", "cli.scan.discussion", "cli.report.discussion", "cli.audit.discussion",
        "cli.phase-close.discussion", "cli.check-names.discussion", "cli.verify.discussion", "cli.init.discussion",
        "cli.evidence.discussion",
    ]

    @Test(arguments: discussions)
    func aDiscussionKeepsItsParagraphsAndExamplesInEveryLanguage(key: String) {
        let text = LocalizedText(message: key)
        let english = text.en.components(separatedBy: "\n\n")
        let russian = text.ru.components(separatedBy: "\n\n")
        #expect(english.count == russian.count, "\(key): \(english.count) paragraphs in English, \(russian.count) in Russian")
        let examples = { (paragraph: String?) in paragraph?.split(separator: "\n").dropFirst().map(String.init) ?? [] }
        #expect(!examples(english.last).isEmpty)
        #expect(examples(english.last).allSatisfy { $0.hasPrefix("  phasecert ") }, "\(key)")
        #expect(examples(english.last) == examples(russian.last), "\(key)")
    }

    @Test func helpTextIsTheCatalogs() {
        #expect(LocalizedText(message: "cli.init.discussion").en.hasSuffix("\n\nExample:\n  phasecert init --templates"))
        #expect(LocalizedText(message: "cli.options.quiet.help").en == "Print only results and errors.")
        #expect(LocalizedText(message: "cli.options.quiet.help").ru == "Печатать только результаты и ошибки.")
    }
}
