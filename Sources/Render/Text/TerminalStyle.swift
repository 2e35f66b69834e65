/// Colour for terminal text: on only when standard output is a terminal, `NO_COLOR` is unset or
/// empty (no-color.org) and `TERM` is not `dumb`. Files and pipes never get escape codes.
public struct TerminalStyle: Sendable, Equatable {
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    /// The style for a stream that is (or is not) a terminal, in `environment`.
    public init(isTerminal: Bool, environment: [String: String]) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        colored = isTerminal && !noColor && environment["TERM"] != "dumb"
    }

    /// Text that reads as good news: a passed gate or condition.
    public func good(_ text: String) -> String { paint(text, code: "32") }
    /// Text that reads as bad news: a failed gate or condition.
    public func bad(_ text: String) -> String { paint(text, code: "31") }
    /// A heading line.
    public func strong(_ text: String) -> String { paint(text, code: "1") }

    private func paint(_ text: String, code: String) -> String {
        // ANSI select graphic rendition: ESC [ code m, then ESC [ 0 m to reset.
        let escape = "\u{1B}["
        return colored ? escape + code + "m" + text + escape + "0m" : text
    }
}
