extension LocalizedText {
    /// The message `key` of the built-in catalogs in every locale, with `arguments` in its
    /// placeholders: `LocalizedText(message: "checklist.deferred.remediation")`.
    ///
    /// `key` is always a string literal, so a test can find every key the code uses and check
    /// that both catalogs define it.
    public init(message key: String, _ arguments: [String: MessageArgument] = [:]) {
        self.init(
            en: MessageCatalog.builtIn(.en).text(key, arguments),
            ru: MessageCatalog.builtIn(.ru).text(key, arguments))
    }
}

extension LocalizedText {
    /// No text in any locale: an optional clause of a message that is left out.
    public static let empty = LocalizedText(en: "", ru: "")
}
