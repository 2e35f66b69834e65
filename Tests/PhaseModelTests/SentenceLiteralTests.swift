import Foundation
import Testing

/// Every user-visible sentence lives in the message catalogs (`messages/<lang>/*.yml`), never in a
/// Swift string literal (docs/design/pipeline.md#message-catalogs). This test reads the sources of
/// every module and fails on a literal that holds a sentence.
///
/// The rule: a literal holds a sentence when three or more of its white-space-separated tokens
/// contain a letter, its interpolations left out. Keys (`finding.docs.missing.message`), ids, paths,
/// format strings and single words have fewer. Three kinds of literal are exempt because they are
/// read by a program or a developer, not written to a user: a regular expression (the literal
/// follows `pattern:`), text another program prints that the code looks for (the argument of
/// `hasPrefix(`, `hasSuffix(` or `contains(`), and the message of a precondition that stops on a
/// bug (`preconditionFailure(`, `assertionFailure(`, `fatalError(`). Any other literal that only a
/// program or a developer of phasecert reads (a marker phasecert looks for in another tool's output,
/// HTML markup, the error of a broken built-in catalog, which cannot word itself) says so with the
/// comment `// program text:` and the reason, on the line the literal opens.
struct SentenceLiteralTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The source folders whose sentences are all in the catalogs: every module of phasecert.
    static let migratedFolders = [
        "Sources/PhaseModel", "Sources/TextSupport", "Sources/Scan", "Sources/Score", "Sources/Render", "Sources/TaskNaming",
        "Sources/PhasecertKit", "Sources/PhasecertCLI", "Sources/phasecert",
    ]

    /// Source folders left out, each with the reason: no user of phasecert ever reads their text.
    static let exemptFolders = [
        // The build tool SwiftPM runs to embed templates/ and messages/; it speaks only to someone
        // building phasecert, and it cannot read the catalogs it is embedding.
        "Sources/TemplateEmbedder",
        // C libraries, wrapped by Swift modules; no Swift in them.
        "Sources/CCmarkGFM", "Sources/CGlibcMalloc", "Sources/CLibGit2",
    ]

    /// What the code before a literal ends with when the literal is for a program or a developer.
    static let exemptContexts = [
        "pattern:", "hasPrefix(", "hasSuffix(", "contains(", "preconditionFailure(", "assertionFailure(", "fatalError(",
    ]

    /// One literal that holds a sentence.
    struct Sentence: Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        var text: String
        var description: String { "\(file):\(line): \"\(text)\"" }
    }

    /// The comment that marks a literal only a program reads, followed by the reason.
    static let programTextMarker = "// program text:"

    /// Whether `literal` holds a sentence by the rule above; `lines` are the source's lines.
    static func holdsSentence(_ literal: SwiftStringLiteral, lines: [Substring] = []) -> Bool {
        if exemptContexts.contains(where: literal.codeBefore.hasSuffix) { return false }
        if lines.indices.contains(literal.line - 1), lines[literal.line - 1].contains(programTextMarker) { return false }
        // An escape (`\n`, `\u{FEFF}`) is a character, not a word: its letters do not count.
        let text = literal.text.replacing(/\\(?:u\{[0-9A-Fa-f]+\}|.)/, with: "")
        let words = text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
        return words.count >= 3
    }

    /// The sentences in the Swift files under `folder`, a path relative to the package root.
    static func sentences(under folder: String) throws -> [Sentence] {
        let base = root.appending(path: folder)
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var found: [Sentence] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let source = try String(contentsOf: file, encoding: .utf8)
            let relative = String(file.path.dropFirst(root.path.count + 1))
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            for literal in SwiftStringLiterals.literals(in: source) where holdsSentence(literal, lines: lines) {
                found.append(Sentence(file: relative, line: literal.line, text: literal.text))
            }
        }
        return found
    }

    @Test(arguments: migratedFolders)
    func noSentenceInALiteral(folder: String) throws {
        #expect(FileManager.default.fileExists(atPath: Self.root.appending(path: folder).path), "\(folder) does not exist")
        let sentences = try Self.sentences(under: folder)
        #expect(sentences.isEmpty, "sentences outside the message catalogs:\n\(sentences.map(\.description).joined(separator: "\n"))")
    }

    /// A new module cannot stay outside the test by being forgotten.
    @Test func everySourceFolderIsHeldOrExempt() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appending(path: "Sources").path)
            .filter { !$0.hasPrefix(".") }.map { "Sources/" + $0 }
        let listed = Set(Self.migratedFolders + Self.exemptFolders)
        #expect(Set(folders).subtracting(listed).isEmpty, "neither held nor exempt: \(Set(folders).subtracting(listed).sorted())")
        #expect(listed.subtracting(folders).isEmpty, "listed but gone: \(listed.subtracting(folders).sorted())")
    }

    @Test func theRuleFindsSentencesAndLeavesTechnicalLiterals() {
        let source = #"""
            // A comment may say "this is a sentence" freely.
            let message = "\(task) is marked complete, but \(count) items are open."
            let key = "finding.docs.missing.message"
            let format = "%@ of %@"
            let two = "\(a) not done"
            let escapes = "\(salt)\n\(path)\t\u{FEFF}"
            let pattern = try NSRegularExpression(pattern: "deferred|out of scope|next phase")
            preconditionFailure("\(id) is not in the catalog")
            if output.hasPrefix("unable to load chart") { return }
            /* "a block comment with words" */ let russian = "Задача \(id) отмечена как завершённая"
            let multi = """
                three words here
                """
            """#
        let flagged = SwiftStringLiterals.literals(in: source).filter { Self.holdsSentence($0) }.map(\.line)
        #expect(flagged == [2, 10, 11])
    }

    @Test func aMarkedLiteralIsProgramText() {
        let source = #"""
            let markers = ["Use the debug flag", // program text: printed by helm, looked for here
                "not marked at all here"]
            let comment = "a comment elsewhere says" // program text is not the marker without a colon
            """#
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let flagged = SwiftStringLiterals.literals(in: source).filter { Self.holdsSentence($0, lines: lines) }.map(\.line)
        #expect(flagged == [2, 3])
    }

    @Test func literalsInsideInterpolationsAreRead() {
        let source = #"let a = "\(flag ? "one two three four" : "x")""#
        let texts = SwiftStringLiterals.literals(in: source).map(\.text)
        #expect(texts == [" ", "one two three four", "x"])
    }
}
