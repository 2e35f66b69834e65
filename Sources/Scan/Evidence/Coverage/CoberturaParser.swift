import Foundation
import PhaseModel

/// Streaming reader for Cobertura XML line coverage (coverage.py `coverage xml`, gcovr `--cobertura`,
/// Cobertura itself and the many tools that imitate it).
///
/// Lines come from every `<line number=".." hits="..">` inside a `<class filename="..">`. A class's
/// `<methods><method><lines>` repeat lines of the class's own `<lines>`, and one source file may be split
/// over several classes (Java inner classes, gcovr per function); all are merged per file and line, so no
/// line counts twice. The root's `lines-valid`/`lines-covered`, when present, are checked against the
/// lines read; a disagreement is a problem and the lines win.
///
/// Paths: a filename is joined to the `<source>` only when that is unambiguous — exactly one non-empty
/// `<source>` that is itself relative (`src` + `app/x.py` → `src/app/x.py`). With an absolute source
/// (coverage.py and gcovr write the absolute project root), none, an empty one (coverage.py
/// `relative_files`), or several, the filename is kept as written, and the caller maps it to the repository
/// by suffix. An absolute filename is always kept. Memory holds the open element stack and one line set per
/// file, never the document.
///
/// Reading stops at the first malformed XML, keeping the lines before it. Invalid UTF-8 is one problem, and
/// names holding it are read with replacement characters. Besides UTF-8, the single-byte encodings
/// `XMLScanner` knows may be declared, and UTF-16 with a byte-order mark is read (`EvidenceTextDecoder`).
public enum CoberturaParser {
    /// Reads `handle` to its end; `file` names it in problems.
    public static func parse(handle: FileHandle, file: String) -> CoverageReport {
        parse(source: XMLByteSource(handle: handle), file: file)
    }

    /// Reads a document held in memory (tests, small files).
    public static func parse(data: Data, file: String) -> CoverageReport {
        parse(source: XMLByteSource(data: data), file: file)
    }

    /// Whether `head` (the first ≤ 8 KiB of a file, possibly cut anywhere) is Cobertura XML: after the XML
    /// declaration, comments and DOCTYPE, the root element is `coverage` and either carries a Cobertura
    /// attribute (`line-rate`, `lines-valid`, `lines-covered`, `branch-rate`), or the DOCTYPE names a
    /// Cobertura DTD, or its first child is `sources` or `packages`. (Clover's root is `coverage` too, with
    /// none of these.)
    public static func sniff(_ head: Data) -> Bool {
        let head = CoverageHead(head)
        guard !head.binary else { return false }
        var text = Substring(head.lines.joined(separator: "\n"))
        var coberturaDoctype = false
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("<?") || text.hasPrefix("<!--") {
                let end = text.hasPrefix("<?") ? "?>" : "-->"
                guard let close = text.range(of: end) else { return false }
                text = text[close.upperBound...]
            } else if text.hasPrefix("<!DOCTYPE") {
                guard let close = text.firstIndex(of: ">") else { return false }
                let doctype = text[..<close].lowercased()
                coberturaDoctype = doctype.hasPrefix("<!doctype coverage") && doctype.contains("cobertura")
                text = text[text.index(after: close)...]
            } else {
                break
            }
        }
        guard text.hasPrefix("<coverage"), let after = text.dropFirst("<coverage".count).first,
            after.isWhitespace || after == ">" || after == "/"
        else { return false }
        if coberturaDoctype { return true }
        let tagEnd = text.firstIndex(of: ">") ?? text.endIndex
        let tag = text[..<tagEnd]
        if ["line-rate", "lines-valid", "lines-covered", "branch-rate"].contains(where: { tag.contains($0 + "=") }) {
            return true
        }
        guard tagEnd < text.endIndex else { return false }
        var rest = text[text.index(after: tagEnd)...]
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("<!--"), let close = rest.range(of: "-->") else { break }
            rest = rest[close.upperBound...]
        }
        return ["<sources", "<packages"].contains { rest.hasPrefix($0) }
    }

    private static func parse(source: XMLByteSource, file: String) -> CoverageReport {
        // `XMLScanner` skips DOCTYPEs without fetching or expanding them: Cobertura files name a DTD on the
        // web, and an entity bomb must not cost more than its own bytes.
        var scanner = XMLScanner(source: source, handler: CoberturaHandler(file: file))
        let end = scanner.scan()
        return scanner.handler.finish(end)
    }

    /// The report path of `filename` given the `<source>` elements read (see the type's documentation).
    static func resolve(_ filename: String, sources: [String]) -> String {
        let nonEmpty = sources.filter { !$0.isEmpty }
        guard nonEmpty.count == 1, let source = nonEmpty.first, !isAbsolute(source), !isAbsolute(filename) else {
            return filename
        }
        let parts = (source.split(separator: "/") + filename.split(separator: "/")).filter { $0 != "." }
        return parts.isEmpty ? filename : parts.joined(separator: "/")
    }

    /// `/x`, `\\server\x`, `C:\x` and `C:/x` are absolute; Windows tools write the latter forms.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        let start = Array(path.utf8.prefix(3))
        guard start.count == 3, start[1] == UInt8(ascii: ":") else { return false }
        let drive = start[0] | 0x20  // lower case
        return drive >= UInt8(ascii: "a") && drive <= UInt8(ascii: "z")
            && (start[2] == UInt8(ascii: "/") || start[2] == UInt8(ascii: "\\"))
    }
}

// MARK: - Handler

/// Turns XML events into line sets per file and the root's declared totals.
private struct CoberturaHandler: XMLScanHandler {
    let file: String
    var problems: [EvidenceProblem] = []
    var dropped = 0
    var depth = 0
    var rootSeen = false
    /// The root is `coverage` but not yet shown to be Cobertura's (no Cobertura attribute so far).
    var rootPending = false
    var recognized = false
    var declared: [(attribute: String, value: String)] = []
    var rootLine = 1
    /// The latest `malformed` report. The scanner sends at most one that is not fatal (invalid UTF-8) and
    /// nothing after a fatal one, so how the scan ended tells which this is.
    var lastMalformed: (line: Int, reason: String)?
    var invalidUTF8Line: Int?

    var sources: [String] = []
    /// Text of the `<source>` being read, and that element's depth.
    var sourceText: String?
    var sourceDepth = 0
    /// Files named by `<class filename>`, in the order first seen, and their lines (same indices).
    var names: [String] = []
    var lineSets: [CoverageLineSet] = []
    var fileIndex: [String: Int] = [:]
    /// The open `<class>` elements: index into `names` (nil when the class has no filename) and depth.
    var classes: [(file: Int?, depth: Int)] = []

    static let problemLimit = EvidenceProblemLog.limit
    /// Paths are short; a runaway text node is not a path anyway.
    static let sourceLimit = 4096

    init(file: String) { self.file = file }

    var wantsText: Bool {
        guard let sourceText else { return false }
        return sourceText.utf8.count < Self.sourceLimit
    }

    mutating func problem(_ line: Int?, _ message: @autoclosure () -> LocalizedText) {
        if problems.count < Self.problemLimit {
            problems.append(EvidenceProblem(file: file, line: line, message: message()))
        } else {
            dropped += 1
        }
    }

    mutating func startElement(_ tag: XMLTag) -> Bool {
        depth += 1
        if !rootSeen {
            rootSeen = true
            rootLine = tag.line
            guard tag.isNamed("coverage") else { return false }
            let rates = [tag.attribute("line-rate"), tag.attribute("branch-rate")]
            if let valid = tag.attribute("lines-valid") { declared.append(("lines-valid", valid)) }
            if let covered = tag.attribute("lines-covered") { declared.append(("lines-covered", covered)) }
            if !declared.isEmpty || rates.contains(where: { $0 != nil }) {
                recognized = true
            } else {
                rootPending = true
            }
            return true
        }
        if rootPending {
            // Clover also has a `coverage` root; Cobertura's children are `sources` and `packages`.
            guard depth == 2, tag.isNamed("sources") || tag.isNamed("packages") else { return false }
            rootPending = false
            recognized = true
        }
        if tag.isNamed("line") {
            if let open = classes.last, let index = open.file { addLine(tag, to: index) }
        } else if tag.isNamed("class") {
            openClass(tag)
        } else if tag.isNamed("source") {
            sourceText = ""
            sourceDepth = depth
        }
        return true
    }

    private mutating func openClass(_ tag: XMLTag) {
        let filename = tag.attribute("filename")?.trimmingBlanks() ?? ""
        guard !filename.isEmpty else {
            let arguments: [String: MessageArgument] = ["class": .text(tag.attribute("name") ?? ""), "line": .count(tag.line)]
            problem(tag.line, LocalizedText(message: "problem.cobertura.class-without-filename", arguments))
            classes.append((nil, depth))
            return
        }
        // A file with no lines (coverage.py lists empty `__init__.py`) is still a file the report names.
        let index: Int
        if let known = fileIndex[filename] {
            index = known
        } else {
            index = names.count
            names.append(filename)
            lineSets.append(CoverageLineSet())
            fileIndex[filename] = index
        }
        classes.append((index, depth))
    }

    private mutating func addLine(_ tag: XMLTag, to index: Int) {
        // Nearly every element of a large report is a `<line>` with plain digits; reading those from the tag's
        // bytes leaves decoding and trimming strings to the odd value.
        if let number = tag.digits("number").flatMap(CoberturaDigits.value), let hits = tag.digits("hits") {
            lineSets[index].add(line: number, hit: CoberturaDigits.isNonZero(hits))
            return
        }
        let line = tag.line
        let numberText = tag.attribute("number")
        guard let numberText, let number = Int(numberText.trimmingBlanks()), number >= 0 else {
            let arguments: [String: MessageArgument] = ["line": .count(line), "number": .text(numberText ?? "")]
            problem(line, LocalizedText(message: "problem.cobertura.line-number-invalid", arguments))
            return
        }
        let hitsText = tag.attribute("hits")?.trimmingBlanks() ?? ""
        switch CoverageCount(hitsText) {
        case .value(let hits):
            lineSets[index].add(line: number, hit: hits > 0)
        case .negative:
            let arguments: [String: MessageArgument] = [
                "file": .text(names[index]), "number": .count(number), "hits": .text(hitsText), "line": .count(line),
            ]
            problem(line, LocalizedText(message: "problem.cobertura.hits-negative", arguments))
            lineSets[index].add(line: number, hit: false)
        case .invalid:
            let arguments: [String: MessageArgument] = [
                "file": .text(names[index]), "number": .count(number), "hits": .text(String(hitsText.prefix(40))), "line": .count(line),
            ]
            problem(line, LocalizedText(message: "problem.cobertura.hits-invalid", arguments))
        }
    }

    mutating func text(_ text: String) {
        sourceText? += text
    }

    mutating func endElement(line: Int) {
        defer { depth -= 1 }
        if let text = sourceText, depth == sourceDepth {
            sources.append(text.trimmingBlanksAndNewlines())
            sourceText = nil
        } else if classes.last?.depth == depth {
            classes.removeLast()
        }
    }

    mutating func malformed(line: Int, _ reason: String) {
        if let earlier = lastMalformed, invalidUTF8Line == nil { invalidUTF8Line = earlier.line }
        lastMalformed = (line, reason)
    }

    mutating func finish(_ end: XMLScanEnd) -> CoverageReport {
        var fatal: (line: Int, reason: String)?
        if end == .failed {
            fatal = lastMalformed
        } else if let warning = lastMalformed, invalidUTF8Line == nil {
            invalidUTF8Line = warning.line
        }
        // The scanner's wording for these two; neither is malformed XML.
        if let fatal, !rootSeen, fatal.reason == LocalizedText(message: "problem.xml.empty").en {
            return .unrecognized(problems: [EvidenceProblem(file: file, line: nil, message: LocalizedText(message: "problem.cobertura.empty"))])
        }
        if let fatal {
            if fatal.reason.hasPrefix("read error") {
                problem(nil, LocalizedText(en: fatal.reason, ru: fatal.reason))
            } else {
                problem(fatal.line, LocalizedText(message: "problem.xml.malformed", ["line": .count(fatal.line), "reason": .text(fatal.reason)]))
            }
        }
        if let line = invalidUTF8Line {
            // First because it qualifies every name read: they hold replacement characters.
            let message = LocalizedText(message: "problem.xml.invalid-utf8-at", ["line": .count(line)])
            problems.insert(EvidenceProblem(file: file, line: line, message: message), at: 0)
        }
        // A document that broke, or stopped, before showing it was Cobertura is not reported as Cobertura.
        guard recognized else { return .unrecognized(problems: finishedProblems()) }

        var merged: [String: CoverageLineSet] = [:]
        for (name, set) in zip(names, lineSets) {
            merged[CoberturaParser.resolve(name, sources: sources), default: CoverageLineSet()].merge(set)
        }
        let files = merged.map { FileCoverage(path: $0.key, linesFound: $0.value.foundCount, linesHit: $0.value.hitCount) }
        var report = CoverageReport(format: .cobertura, recognized: true, files: files, problems: [])
        // Totals of a document that broke off are partial by nature; comparing them would only repeat that.
        if fatal == nil { check(report) }
        report.problems = finishedProblems()
        return report
    }

    private mutating func check(_ report: CoverageReport) {
        for (attribute, value) in declared {
            let counted = attribute == "lines-valid" ? report.linesFound : report.linesHit
            let trimmed = value.trimmingBlanks()
            // Some writers print counts as decimals ("17.0").
            guard let number = DecimalText.parse(trimmed), number.rounded() == number else {
                let arguments: [String: MessageArgument] = [
                    "line": .count(rootLine), "attribute": .text(attribute), "value": .text(String(value.prefix(40))), "counted": .count(counted),
                ]
                problem(rootLine, LocalizedText(message: "problem.cobertura.total-not-a-count", arguments))
                continue
            }
            if Int(exactly: number) != counted {
                let arguments: [String: MessageArgument] = [
                    "line": .count(rootLine), "attribute": .text(attribute), "value": .text(trimmed), "counted": .count(counted),
                ]
                problem(rootLine, attribute == "lines-valid"
                    ? LocalizedText(message: "problem.cobertura.total-differs.lines", arguments)
                    : LocalizedText(message: "problem.cobertura.total-differs.hits", arguments))
            }
        }
    }

    private func finishedProblems() -> [EvidenceProblem] {
        guard dropped > 0 else { return problems }
        return problems + [EvidenceProblem(file: file, line: nil, message: LocalizedText(message: "problem.more-not-listed", ["count": .count(dropped)]))]
    }
}

// MARK: - Plain digits

extension XMLTag {
    /// The bytes of attribute `name` when they are one or more ASCII digits between optional blanks (no
    /// entity, sign or other character); `nil` otherwise, and the caller takes the decoded value instead.
    /// Valid only during `startElement`, like the tag itself.
    fileprivate func digits(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let value = rawValue(name) else { return nil }
        var start = 0
        var end = value.count
        while start < end, CoberturaDigits.isBlank(value[start]) { start += 1 }
        while end > start, CoberturaDigits.isBlank(value[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        for byte in value[start..<end] where byte < 0x30 || byte > 0x39 { return nil }
        return UnsafeBufferPointer(rebasing: value[start..<end])
    }
}

/// Values of attributes that `XMLTag.digits` found to be plain digits.
private enum CoberturaDigits {
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The number, or `nil` when it does not fit an `Int` (the slow path then reports it as a problem).
    static func value(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        DecimalText.integer(digits)
    }

    /// Whether the count is above zero; its size never matters, so one too large for any integer is fine.
    static func isNonZero(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        digits.contains { $0 != 0x30 }
    }
}
