import TextSupport

/// Finds the link destinations of a Markdown text, as byte ranges, so they can be replaced
/// without touching any other byte.
///
/// Destinations of inline links and images (`[t](dest "title")`, `![a](<dest>)`) and of link
/// reference definitions (`[r]: dest`). Code is skipped: fenced and indented code blocks and HTML
/// blocks (found by cmark-gfm, which knows the block structure of lists and quotes) and code
/// spans (matched here, as CommonMark matches backtick runs). Time grows linearly with the text:
/// a search that found no closing backtick run or quote is not repeated.
enum MarkdownLinkScanner {
    /// One destination: its bytes (inside `<…>` when written so), and the 1-based line it starts on.
    struct Destination: Equatable {
        var range: Range<Int>
        var line: Int
    }

    static func destinations(in bytes: [UInt8]) -> [Destination] {
        let lines = Lines(bytes)
        let excluded = excludedLines(bytes, lineCount: lines.count)
        var found: [Destination] = []
        var line = 0
        while line < lines.count {
            guard !excluded[line], !lines.isBlank(line, in: bytes) else {
                line += 1
                continue
            }
            var last = line
            while last + 1 < lines.count, !excluded[last + 1], !lines.isBlank(last + 1, in: bytes) { last += 1 }
            var block = Block(bytes: bytes, range: lines.start(line)..<lines.end(last))
            found += block.inlineDestinations().map { Destination(range: $0, line: lines.line(containing: $0.lowerBound) + 1) }
            var definitionAllowed = true
            for current in line...last {
                let range = lines.start(current)..<lines.end(current)
                if definitionAllowed, let destination = referenceDefinition(bytes, range) {
                    found.append(Destination(range: destination, line: current + 1))
                    continue
                }
                // A definition cannot interrupt a paragraph; after a heading or at a new list item it can start one.
                definitionAllowed = isATXHeading(bytes, range)
                if current + 1 <= last { definitionAllowed = definitionAllowed || startsListItem(bytes, lines.start(current + 1)..<lines.end(current + 1)) }
            }
            line = last + 1
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: - Blocks cmark marks as code

    /// Lines (0-based) inside code blocks and HTML blocks.
    private static func excludedLines(_ bytes: [UInt8], lineCount: Int) -> [Bool] {
        var excluded = [Bool](repeating: false, count: lineCount)
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .codeBlock, .htmlBlock:
                // cmark counts lines as `Lines` does; the bounds are clamped all the same.
                let first = min(max(node.startLine - 1, 0), lineCount)
                let end = min(max(node.endLine, node.startLine), lineCount)
                for line in first..<max(first, end) { excluded[line] = true }
            default:
                node.children.forEach(visit)
            }
        }
        visit(MarkdownParser.parse(String(decoding: bytes, as: UTF8.self)))
        return excluded
    }

    // MARK: - Reference definitions

    /// The destination of a reference definition filling the line `range` (`[label]: dest`, an
    /// optional title after white space), after any block-quote and list markers.
    private static func referenceDefinition(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var index = skipContainerMarkers(bytes, range)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        let labelStart = index
        while index < range.upperBound, bytes[index] != UInt8(ascii: "]") {
            if bytes[index] == UInt8(ascii: "[") { return nil }
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard index < range.upperBound, index - labelStart <= 999,
            bytes[labelStart..<index].contains(where: { !isWhitespace($0) }),
            index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: ":")
        else { return nil }
        index = skipSpaces(bytes, index + 2, range.upperBound)
        guard index < range.upperBound, let (destination, end) = destination(bytes, index, range.upperBound, allowEmpty: false)
        else { return nil }
        let after = skipSpaces(bytes, end, range.upperBound)
        if after == range.upperBound { return destination }
        // A title must be set apart by white space and start with a quote or parenthesis.
        guard after > end, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(bytes[after]) else { return nil }
        return destination
    }

    private static func skipContainerMarkers(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while true {
            index = skipSpaces(bytes, index, range.upperBound)
            guard index < range.upperBound else { return index }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                continue
            }
            if let marker = listMarkerEnd(bytes, index, range.upperBound) {
                index = marker
                continue
            }
            return index
        }
    }

    /// The end of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `index` followed by white space.
    private static func listMarkerEnd(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        var cursor = index
        if [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")].contains(bytes[cursor]) {
            cursor += 1
        } else {
            while cursor < end, cursor - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) { cursor += 1 }
            guard cursor > index, cursor < end, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ")") else { return nil }
            cursor += 1
        }
        guard cursor < end, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") else { return nil }
        return cursor + 1
    }

    private static func startsListItem(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = skipSpaces(bytes, range.lowerBound, range.upperBound)
        while index < range.upperBound, bytes[index] == UInt8(ascii: ">") { index = skipSpaces(bytes, index + 1, range.upperBound) }
        return index < range.upperBound && listMarkerEnd(bytes, index, range.upperBound) != nil
    }

    private static func isATXHeading(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = skipSpaces(bytes, range.lowerBound, range.upperBound)
        let start = index
        while index < range.upperBound, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - start
        return (1...6).contains(level) && (index == range.upperBound || isWhitespace(bytes[index]))
    }

    // MARK: - Destinations

    /// A destination at `index`: `<…>` (no line break, no unescaped `<`), or a run without white
    /// space or control characters whose parentheses balance. Returns the destination's bytes
    /// (without the angle brackets) and where it ends.
    fileprivate static func destination(_ bytes: [UInt8], _ index: Int, _ end: Int, allowEmpty: Bool) -> (Range<Int>, Int)? {
        if bytes[index] == UInt8(ascii: "<") {
            var cursor = index + 1
            while cursor < end {
                switch bytes[cursor] {
                case UInt8(ascii: ">"):
                    return (allowEmpty || cursor > index + 1) ? ((index + 1)..<cursor, cursor + 1) : nil
                case UInt8(ascii: "<"), 0x0A, 0x0D:
                    return nil
                case UInt8(ascii: "\\"):
                    cursor += 2
                default:
                    cursor += 1
                }
            }
            return nil
        }
        var cursor = index
        var depth = 0
        while cursor < end {
            let byte = bytes[cursor]
            if byte <= 0x20 || byte == 0x7F { break }
            if byte == UInt8(ascii: "\\"), cursor + 1 < end, isASCIIPunctuation(bytes[cursor + 1]) {
                cursor += 2
                continue
            }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            cursor += 1
        }
        guard depth == 0, allowEmpty || cursor > index else { return nil }
        return (index..<cursor, cursor)
    }

    static func skipSpaces(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int {
        var cursor = index
        while cursor < end, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        return cursor
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}

/// The lines of a text: `\n`, `\r\n` and a lone `\r` end a line, as cmark counts them.
private struct Lines {
    private var starts: [Int] = [0]
    private var ends: [Int] = []

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                ends.append(index)
                starts.append(index + 1)
            case 0x0D:
                ends.append(index)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            default:
                break
            }
            index += 1
        }
        ends.append(bytes.count)
    }

    var count: Int { starts.count }
    func start(_ line: Int) -> Int { starts[line] }
    /// Where the line's content ends (its terminator excluded).
    func end(_ line: Int) -> Int { ends[line] }

    func isBlank(_ line: Int, in bytes: [UInt8]) -> Bool {
        bytes[starts[line]..<ends[line]].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The 0-based line holding byte `offset`.
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// Consecutive lines outside code, scanned for inline links with code spans skipped.
private struct Block {
    let bytes: [UInt8]
    let range: Range<Int>
    /// For a backtick run length, or a closing character, the position from which a search found none.
    private var noCloserFrom: [Int: Int] = [:]

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.range = range
    }

    mutating func inlineDestinations() -> [Range<Int>] {
        var found: [Range<Int>] = []
        var openBrackets = 0
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += index + 1 < end && MarkdownLinkScanner.isASCIIPunctuation(bytes[index + 1]) ? 2 : 1
            case UInt8(ascii: "`"):
                index = afterCodeSpan(at: index)
            case UInt8(ascii: "["):
                openBrackets += 1
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                guard openBrackets > 0 else { continue }
                openBrackets -= 1
                if index < end, bytes[index] == UInt8(ascii: "("), let (destination, after) = inlineDestination(at: index + 1) {
                    found.append(destination)
                    index = after
                }
            default:
                index += 1
            }
        }
        return found
    }

    /// Past the code span opened by the backtick run at `index`, or past the run when nothing closes it.
    private mutating func afterCodeSpan(at index: Int) -> Int {
        let end = range.upperBound
        var cursor = index
        while cursor < end, bytes[cursor] == UInt8(ascii: "`") { cursor += 1 }
        let length = cursor - index
        if let failed = noCloserFrom[length], cursor >= failed { return cursor }
        var search = cursor
        while search < end {
            guard bytes[search] == UInt8(ascii: "`") else {
                search += 1
                continue
            }
            var runEnd = search
            while runEnd < end, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
            if runEnd - search == length { return runEnd }
            search = runEnd
        }
        noCloserFrom[length] = cursor
        return cursor
    }

    /// The destination of `(dest "title")` starting after `(` at `index`, and the index after `)`;
    /// `nil` when the parentheses do not make a link (unclosed, junk after the destination).
    private mutating func inlineDestination(at index: Int) -> (Range<Int>, Int)? {
        let end = range.upperBound
        var cursor = skipWhitespace(index)
        guard cursor < end, bytes[cursor] != UInt8(ascii: ")"),
            let (destination, after) = MarkdownLinkScanner.destination(bytes, cursor, end, allowEmpty: true)
        else { return nil }
        cursor = skipWhitespace(after)
        guard cursor < end else { return nil }
        let opener = bytes[cursor]
        if opener == UInt8(ascii: ")") { return (destination, cursor + 1) }
        guard cursor > after else { return nil }
        let closer: UInt8
        switch opener {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): closer = opener
        case UInt8(ascii: "("): closer = UInt8(ascii: ")")
        default: return nil
        }
        guard let titleEnd = unescaped(closer, from: cursor + 1, forbidding: opener == closer ? nil : opener) else { return nil }
        cursor = skipWhitespace(titleEnd + 1)
        guard cursor < end, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        return (destination, cursor + 1)
    }

    /// The next unescaped `byte` from `start`; `nil` when there is none, or when an unescaped
    /// `forbidden` comes first.
    private mutating func unescaped(_ byte: UInt8, from start: Int, forbidding forbidden: UInt8?) -> Int? {
        let key = -Int(byte)
        if let failed = noCloserFrom[key], start >= failed { return nil }
        var cursor = start
        while cursor < range.upperBound {
            let current = bytes[cursor]
            if current == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if current == byte { return cursor }
            if current == forbidden { return nil }
            cursor += 1
        }
        noCloserFrom[key] = start
        return nil
    }

    private func skipWhitespace(_ index: Int) -> Int {
        var cursor = index
        while cursor < range.upperBound, MarkdownLinkScanner.isWhitespace(bytes[cursor]) { cursor += 1 }
        return cursor
    }
}
