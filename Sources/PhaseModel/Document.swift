/// A document in a task folder and its size.
public struct Document: Codable, Sendable, Equatable {
    /// Work-tree path, relative to the repository root.
    public var path: String
    /// Lines as an editor shows them: line terminators, plus one for a last line without one.
    public var lines: Int
    /// Lines holding something other than white space.
    public var nonBlankLines: Int
    public var bytes: Int

    public init(path: String, lines: Int, nonBlankLines: Int, bytes: Int) {
        self.path = path
        self.lines = lines
        self.nonBlankLines = nonBlankLines
        self.bytes = bytes
    }
}
