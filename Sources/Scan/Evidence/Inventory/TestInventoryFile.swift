/// The tests one source file defines.
public struct TestInventoryFile: Sendable, Equatable, Codable {
    /// Repository-relative path, as given to the scanner.
    public var path: String
    public var language: TestLanguage
    /// In source order.
    public var tests: [DefinedTest]

    public init(path: String, language: TestLanguage, tests: [DefinedTest]) {
        self.path = path
        self.language = language
        self.tests = tests
    }
}
