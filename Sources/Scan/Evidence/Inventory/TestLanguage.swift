/// A language whose test definitions the inventory can count.
public enum TestLanguage: String, Sendable, Codable, CaseIterable {
    case go, swift, python, javascript, typescript
}
