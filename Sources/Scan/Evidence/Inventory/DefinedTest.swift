/// One test as its source file defines it, before (or without) any run.
///
/// A definition is what the framework would collect as one test function or test call:
/// a parametrized test (pytest `parametrize`, Swift Testing `arguments:`, Jest `.each`)
/// is one definition however many cases it runs, and subtests (Go `t.Run`) are none.
public struct DefinedTest: Sendable, Equatable, Codable {
    /// Function name (Go, Swift, Python), or the title given to `it`/`test` (JavaScript,
    /// the literal's text without quotes, else the source text of the first argument).
    public var name: String
    /// Enclosing Swift type path (`Outer.Inner`), Python test class path (`TestA.TestB`),
    /// or JavaScript `describe` titles joined by ` > `; nil at top level and for Go.
    public var suite: String?
    /// 1-based line of the declaration: the `func` or `def` keyword (not the `@Test`
    /// attribute or decorator above it), or the `it`/`test` identifier of the call.
    public var line: Int

    public init(name: String, suite: String? = nil, line: Int) {
        self.name = name
        self.suite = suite
        self.line = line
    }
}
