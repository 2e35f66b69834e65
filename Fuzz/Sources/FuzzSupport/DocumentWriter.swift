/// Text being written by a harness, with the 1-based line it has reached, so the harness knows the
/// line each element it writes starts on.
public struct DocumentWriter {
    public private(set) var text = ""
    public private(set) var line = 1
    /// Written for every line break the document itself adds ("\n" or "\r\n").
    public let lineEnd: String

    /// A writer whose text will stand at line `line` of the document (a body written before the
    /// tag around it, whose attributes count what the body holds).
    public init(startingAt line: Int = 1, lineEnd: String = "\n") {
        self.line = line
        self.lineEnd = lineEnd
    }

    public mutating func write(_ piece: String) {
        text += piece
        line += piece.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// `piece` and a line end.
    public mutating func writeLine(_ piece: String = "") {
        write(piece + lineEnd)
    }
}
