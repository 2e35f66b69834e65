/// YAML front matter (`---` … `---` at the top of a Markdown file).
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences.
    public var yaml: String
    /// 1-based line of the first YAML line, for error positions.
    public var firstLine: Int

    /// Splits `text` into its front matter and a body in which the front-matter lines are
    /// blank, so that Markdown line numbers stay those of the file.
    public static func split(_ text: String) -> (frontMatter: FrontMatter?, body: String) {
        guard text.hasPrefix("---") else { return (nil, text) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingCR == "---" else { return (nil, text) }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingCR == "---" || $0.trimmingTrailingCR == "..." })
        else { return (nil, text) }
        let yaml = lines[1..<end].map { String($0.trimmingTrailingCR) }.joined(separator: "\n")
        for index in 0...end { lines[index] = "" }
        return (FrontMatter(yaml: yaml, firstLine: 2), lines.joined(separator: "\n"))
    }
}

extension Substring {
    fileprivate var trimmingTrailingCR: Substring { last == "\r" ? dropLast() : self }
}
