/// A value put into a message's `{placeholder}`.
///
/// Messages carry their figures as data and the catalogs give the words; an argument is either the
/// same in every language (a task id, a path, quoted evidence) or already worded per language (a
/// note, a figure with locale separators).
public enum MessageArgument: Sendable, Equatable, Hashable {
    /// Text that reads the same in every language.
    case text(String)
    /// Text that differs between languages.
    case localized(LocalizedText)
    /// A whole number, printed as plain digits, that chooses a plural message's form when named `count`.
    case count(Int)
}

extension MessageArgument {
    /// The argument as it reads in `locale`.
    public func text(in locale: ReportLocale) -> String {
        switch self {
        case .text(let text): text
        case .localized(let text): text.text(in: locale)
        case .count(let value): String(value)
        }
    }
}
