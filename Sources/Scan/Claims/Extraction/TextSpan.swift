import TextSupport

/// The visible text of one block of Markdown (a heading, a paragraph, a table cell) with the
/// source line of every part of it.
///
/// Soft and hard line breaks become single spaces, as `MarkdownNode.plainText` has them, so a
/// phrase wrapped over two lines is still one phrase; the offsets of the breaks are kept so that
/// a claim found in the text can be given the line it stands on, and so that a paragraph of
/// `**Key**: value` lines can be looked at line by line.
struct TextSpan {
    private(set) var text = ""
    /// The source line of the start of the text.
    let firstLine: Int
    /// UTF-8 offsets into `text` where each following source line starts.
    private var breaks: [Int] = []

    /// The span of `inlines` (the children of a heading, paragraph or table cell) starting at `line`.
    init(_ inlines: [MarkdownNode], line: Int) {
        firstLine = line
        for node in inlines { append(node) }
    }

    /// A span of plain text on one line (a commit subject, a master-list claim text).
    init(text: String, line: Int) {
        self.text = text
        firstLine = line
    }

    private mutating func append(_ node: MarkdownNode) {
        switch node.kind {
        case .text, .code:
            text += node.literal ?? ""
        case .softBreak, .lineBreak:
            text += " "
            breaks.append(text.utf8.count)
        case .image, .htmlInline, .htmlBlock:
            break
        default:
            for child in node.children { append(child) }
        }
    }

    /// The source line of the character at `index`.
    func line(at index: String.Index) -> Int {
        let offset = text.utf8.distance(from: text.startIndex, to: index)
        // The breaks stand in order: count those at or before `offset` by binary search, since a
        // long paragraph has thousands of lines and claims.
        return firstLine + breaks.partitionPoint { $0 > offset }
    }

    /// The text of each source line, with its range in `text` and its line number.
    var lines: [(range: Range<String.Index>, line: Int)] {
        var result: [(Range<String.Index>, Int)] = []
        var start = text.startIndex
        for (number, offset) in breaks.enumerated() {
            let end = text.utf8.index(text.startIndex, offsetBy: offset)
            result.append((start..<end, firstLine + number))
            start = end
        }
        result.append((start..<text.endIndex, firstLine + breaks.count))
        return result
    }
}
