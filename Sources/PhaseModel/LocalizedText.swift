/// A sentence in every locale phasecert writes (English and Russian).
public struct LocalizedText: Codable, Sendable, Equatable, Hashable {
    public var en: String
    public var ru: String

    public init(en: String, ru: String) {
        self.en = en
        self.ru = ru
    }
}

extension LocalizedText {
    /// The text in `locale`.
    public func text(in locale: ReportLocale) -> String {
        switch locale {
        case .en: en
        case .ru: ru
        }
    }
}
