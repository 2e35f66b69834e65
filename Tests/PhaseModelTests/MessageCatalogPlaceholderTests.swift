import PhaseModel
import Testing

/// `placeholders(of:)`, which the catalog tests compare between languages, names exactly the
/// `{name}`s a text can be filled at.
struct MessageCatalogPlaceholderTests {
    @Test func namesTheFillablePlaceholdersOfATextAndOfEveryPluralForm() {
        let catalog = MessageCatalog(locale: .en, entries: [
            "text": .text("a {x} {not a name} {y{z} {} {w"),
            "plural": .plural([.one: "{count} file in {folder}", .other: "{count} files, {more}"]),
        ])
        #expect(catalog.placeholders(of: "text") == ["x", "z"])
        #expect(catalog.placeholders(of: "plural") == ["count", "folder", "more"])
        #expect(catalog.placeholders(of: "missing") == [])
        #expect(MessageCatalog.builtIn(.en).placeholders(of: "cli.phase-close.dry-run") == ["count", "folder"])
    }
}
