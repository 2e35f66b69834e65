import Foundation
import TextSupport

/// Cheap content checks on the first bytes of a file (`EvidenceSniffer.headLength`), one per test result
/// format. They look for structure a format cannot do without, so a Markdown page or a log that merely
/// mentions a format is not taken for it.
extension JUnitParser {
    /// Whether the first element of the document is `testsuites` or `testsuite`.
    public static func sniff(_ head: Data) -> Bool {
        guard let name = XMLHead.rootName(head) else { return false }
        return name == "testsuites" || name == "testsuite"
    }
}

extension GoTestParser {
    /// Whether a line of the head is a test2json event: a JSON object, with any JSON white space, whose
    /// `Action` is one test2json writes. Lines that are not JSON may come first or in between, as
    /// `go test -json 2>&1` mixes `go: downloading …` and compiler messages into the stream.
    public static func sniffJSON(_ head: Data) -> Bool {
        // Most files have no `"Action"` at all; only those are split into lines and decoded.
        guard head.containsBytes(actionKey) else { return false }
        return HeadLines(head).lines.contains { line in
            let text = line.trimmingBlanks()
            guard text.hasPrefix("{"), let action = Event(json: text)?.Action else { return false }
            return test2jsonActions.contains(action)
        }
    }

    private static let actionKey = Data(#""Action""#.utf8)

    /// Every `Action` test2json writes (Go 1.24 added the build ones).
    static let test2jsonActions: Set<String> = [
        "start", "run", "pause", "cont", "pass", "bench", "fail", "output", "skip", "build-output", "build-fail",
    ]

    /// Whether some line has the shape only `go test -v` writes: `=== RUN`, `--- PASS:`, `ok  \tpkg`, `FAIL\tpkg`.
    public static func sniffText(_ head: Data) -> Bool {
        textMarkers.contains { marker in
            head.starts(with: marker.dropFirst()) || head.containsBytes(marker)
        }
    }

    /// Line starts only `go test -v` writes, each with the newline before it.
    private static let textMarkers: [Data] = ["=== RUN   ", "--- PASS: ", "--- FAIL: ", "--- SKIP: ", "ok  \t", "FAIL\t"].map {
        Data(("\n" + $0).utf8)
    }
}

extension TAPParser {
    /// Whether the stream opens like TAP: a version line; or a plan or test point first, then a plan
    /// and a test point, or two numbered test points (`ok 1`, `not ok 2`), so prose that starts with
    /// "ok" is not taken for TAP.
    public static func sniff(_ head: Data) -> Bool {
        // Cheap refusal first: TAP's first content is a version line, a plan, a test point or a comment.
        guard let start = head.firstIndex(where: { !HeadLines.isBlank($0) }),
            [0x54, 0x31, 0x6F, 0x6E, 0x23].contains(head[start])
        else { return false }
        let lines = HeadLines(head).lines.filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }
        guard let first = lines.first else { return false }
        if first.hasPrefix("TAP version ") { return true }
        guard isPlan(first) || isTestPoint(first) else { return false }
        let plans = lines.filter(isPlan).count
        if plans > 0, lines.contains(where: isTestPoint) { return true }
        // `1..0 # SKIP reason` alone: a whole file skipped.
        if lines.count == 1, isPlan(first), first.lowercased().contains("# skip") { return true }
        return lines.filter(isNumberedTestPoint).count >= 2
    }

    private static func isNumberedTestPoint(_ line: Substring) -> Bool {
        guard isTestPoint(line) else { return false }
        let rest = line.hasPrefix("ok") ? line.dropFirst(2) : line.dropFirst(6)
        return rest.dropFirst().first?.isNumber == true
    }

    private static func isPlan(_ line: Substring) -> Bool {
        guard let dots = line.range(of: "..") else { return false }
        let from = line[..<dots.lowerBound]
        let to = line[dots.upperBound...].prefix { $0.isNumber }
        return from == "1" && !to.isEmpty
    }

    private static func isTestPoint(_ line: Substring) -> Bool {
        let rest = line.hasPrefix("ok") ? line.dropFirst(2) : line.hasPrefix("not ok") ? line.dropFirst(6) : nil
        guard let rest else { return false }
        return rest.isEmpty || rest.first == " "
    }
}

/// The complete lines of a file's first bytes; the last line is dropped when the head cut it.
struct HeadLines {
    let lines: [Substring]

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    init(_ head: Data, complete: Bool = false) {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        if !complete, head.count >= EvidenceSniffer.headLength, lines.count > 1 { lines.removeLast() }
        self.lines = lines
    }
}

/// Finds the root element's name in the first bytes of an XML document.
enum XMLHead {
    static func rootName(_ head: Data) -> String? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while true {
            bytes = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            guard bytes.first == 0x3C else { return nil }
            if bytes.starts(with: Array("<?".utf8)) {
                guard let end = find(Array("?>".utf8), in: bytes) else { return nil }
                bytes = bytes[(end + 2)...]
            } else if bytes.starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes) else { return nil }
                bytes = bytes[(end + 3)...]
            } else if bytes.starts(with: Array("<!".utf8)) {
                // DOCTYPE: an internal subset is rare in result files; skip to the first `>` after any `]`.
                let close = find(Array("]>".utf8), in: bytes) ?? find([0x3E], in: bytes)
                guard let close else { return nil }
                bytes = bytes[(bytes[close] == 0x5D ? close + 2 : close + 1)...]
            } else {
                let name = bytes.dropFirst().prefix { byte in
                    byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 && byte != 0x3E && byte != 0x2F
                }
                return String(decoding: name, as: UTF8.self)
            }
        }
    }

    private static func find(_ pattern: [UInt8], in bytes: Data.SubSequence) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
