/// One text of a message catalog, split once at the `{name}` places `MessageCatalog.text` may fill,
/// so that filling it in only appends.
///
/// Why it is parsed ahead: every claim's note and finding is worded in both languages, and on a
/// repository of 31,000 claims filling the texts by walking each one `Character` by `Character`
/// per message (grapheme breaking, `Substring` index subscripts), with every argument formatted
/// whether the text used it or not, took 12% of `phase-close --all --dry-run`'s CPU samples.
/// Here the walk is done once per catalog text, and a message formats only the arguments it puts in:
/// a `note.`/`finding.` message in both languages went from 5.5 µs to 0.6 µs (release build), and
/// `LocalizedText(message:)` from 11.7% to 3.0% of that run's samples (PC-014).
///
/// The output is exactly that of the one-pass fill it replaces: a `{` with no `}` after it stays as
/// it is; `{name}` becomes the value of the argument `name`, or stays as it is when there is no
/// such argument (and a `{` inside it may then start a placeholder of its own, as in `{a{b}`);
/// a value is never searched for placeholders again.
struct MessageTemplate: Sendable {
    /// A `{` with a `}` after it: where the argument `name`'s value goes, if there is such an argument.
    struct Placeholder: Sendable {
        /// The index of the `{`.
        var open: String.Index
        /// The index just after the first `}` that follows the `{`.
        var end: String.Index
        /// The text between the two, which may itself hold a `{`.
        var name: String
    }

    /// The catalog text, `{name}`s and all.
    let text: String
    /// One for each `{` with a `}` after it, in the order of the text; they overlap when a name holds a `{`.
    let placeholders: [Placeholder]

    /// `text` split at its placeholders. Braces are found as `Character`s, like the fill before it:
    /// a `{` or `}` carrying a combining mark is no brace.
    init(_ text: String) {
        self.text = text
        var placeholders: [Placeholder] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = text.index(after: open)
            // No `}` after this `{` means none after any later `{` either.
            guard let close = text[afterOpen...].firstIndex(of: "}") else { break }
            placeholders.append(Placeholder(open: open, end: text.index(after: close), name: String(text[afterOpen..<close])))
            rest = text[afterOpen...]
        }
        self.placeholders = placeholders
    }

    /// The text with each placeholder whose name is in `arguments` replaced by that argument in
    /// `locale`, in one pass from the start; a placeholder inside a replaced one is text no more.
    func filled(with arguments: [String: MessageArgument], in locale: ReportLocale) -> String {
        if placeholders.isEmpty { return text }
        var result = ""
        var position = text.startIndex
        for placeholder in placeholders where placeholder.open >= position {
            guard let argument = arguments[placeholder.name] else { continue }
            result += text[position..<placeholder.open]
            result += argument.text(in: locale)
            position = placeholder.end
        }
        result += text[position...]
        return result
    }
}

/// A catalog entry with its texts split (`MessageTemplate`), as `MessageCatalog.text` reads it.
enum ParsedCatalogEntry: Sendable {
    case text(MessageTemplate)
    case plural([PluralCategory: MessageTemplate])

    init(_ entry: CatalogEntry) {
        switch entry {
        case .text(let text): self = .text(MessageTemplate(text))
        case .plural(let forms): self = .plural(forms.mapValues(MessageTemplate.init))
        }
    }
}
