import Foundation
import Testing

/// Code and tests cite the rules they implement by design note and heading
/// (`docs/design/README.md`). These tests fail when a citation names a note or a heading that does
/// not exist, when a link between the notes is broken, and when the product spec that used to be
/// cited from outside the repository is cited again.
struct DesignNoteCitationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where the notes live, relative to the package root; what a citation starts with.
    static let notesFolder = "docs/design/"

    /// The folders whose files cite the notes.
    static let citingFolders = ["Sources", "Tests", "templates", "schema"]

    /// How the external spec's sections were cited, assembled so that this file does not cite it.
    static let specSectionMark = "SPEC" + " §"

    /// One mention of a design note in a file.
    struct Citation: Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        /// The note's file name, `scoring.md`.
        var note: String
        /// The heading's anchor, `grade-scale`; `nil` for the note as a whole.
        var anchor: String?

        var description: String {
            "\(file):\(line) cites \(DesignNoteCitationTests.notesFolder)\(note)" + (anchor.map { "#\($0)" } ?? "")
        }
    }

    @Test func everyCitedNoteAndHeadingExists() throws {
        let citations = try Self.citingFiles().flatMap { Self.citations(in: $0.text, file: $0.path) }
        // A scan that found nothing would pass vacuously; the stages cite the notes throughout.
        #expect(citations.count >= 20, "only \(citations.count) citations found")
        var headings: [String: Set<String>] = [:]
        for note in Set(citations.map(\.note)) { headings[note] = try? Self.anchors(ofNote: note) }
        for citation in citations {
            guard let anchors = headings[citation.note] else {
                Issue.record("\(citation), which does not exist")
                continue
            }
            if let anchor = citation.anchor {
                #expect(anchors.contains(anchor), "\(citation), which has no such heading")
            }
        }
    }

    @Test func theExternalSpecIsNotCitedAgain() throws {
        for file in try Self.citingFiles() {
            for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(Self.specSectionMark) {
                Issue.record("\(file.path):\(index + 1) cites the spec; cite the design note that states the rule")
            }
        }
    }

    @Test func linksBetweenTheNotesResolve() throws {
        let folder = Self.root.appendingPathComponent(Self.notesFolder)
        let notes = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(notes.contains("README.md"))
        for note in notes {
            let text = try String(contentsOf: folder.appendingPathComponent(note), encoding: .utf8)
            for target in Self.linkTargets(in: text) where !target.contains("://") {
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let path = parts[0].isEmpty ? note : parts[0]
                let file = folder.appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: file.path), "\(Self.notesFolder)\(note) links to \(target)")
                if parts.count == 2, path.hasSuffix(".md"), !path.contains("/") {
                    let anchors = try Self.anchors(ofNote: path)
                    #expect(anchors.contains(parts[1]), "\(Self.notesFolder)\(note) links to \(target), which has no such heading")
                }
            }
        }
    }

    @Test func theReadmeLinksTheNotes() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("](\(Self.notesFolder)README.md)"))
    }

    @Test(arguments: [
        ("Grade scale", "grade-scale"),
        ("Errors and exit codes", "errors-and-exit-codes"),
        ("`schemaVersion`, snapshots & verify", "schemaversion-snapshots--verify"),
        ("Claims and verdicts", "claims-and-verdicts"),
    ])
    func anchorsAreHeadingsAsGitHubSpellsThem(heading: String, anchor: String) {
        #expect(Self.anchor(ofHeading: heading) == anchor)
    }

    @Test func aCitationIsReadWithItsHeadingAndWithoutTheSentenceAroundIt() {
        let text = """
            /// Grades (docs/design/scoring.md#grade-scale), capped.
            /// See docs/design/model.md.
            /// The notes live in `docs/design/`.
            """
        let found = Self.citations(in: text, file: "X.swift").map(\.description)
        #expect(found == ["X.swift:1 cites docs/design/scoring.md#grade-scale", "X.swift:2 cites docs/design/model.md"])
    }

    // MARK: Reading

    /// Every file under `citingFolders`, as text, in path order.
    static func citingFiles() throws -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = []
        for folder in citingFolders {
            let base = root.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
                continue
            }
            for case let url as URL in walk {
                guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
                let relative = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.path
                files.append((folder + "/" + relative, String(decoding: try Data(contentsOf: url), as: UTF8.self)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The citations of design notes in `text`: `docs/design/<note>.md`, optionally followed by
    /// `#<anchor>`. A sentence's closing full stop is not part of the note's name.
    static func citations(in text: String, file: String) -> [Citation] {
        let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let anchorCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        var found: [Citation] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let start = rest.range(of: notesFolder) {
                let afterFolder = rest[start.upperBound...]
                var name = String(afterFolder.prefix { nameCharacters.contains($0) })
                var after = afterFolder.dropFirst(name.count)
                rest = after
                while name.hasSuffix(".") { name.removeLast() }
                guard !name.isEmpty else { continue }
                var anchor: String?
                if after.first == "#" {
                    after = after.dropFirst()
                    anchor = String(after.prefix { anchorCharacters.contains($0) })
                }
                found.append(Citation(file: file, line: index + 1, note: name, anchor: anchor))
            }
        }
        return found
    }

    /// The anchors of a note's headings (outside code blocks); throws when the note does not exist.
    static func anchors(ofNote note: String) throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent(notesFolder + note), encoding: .utf8)
        var anchors: Set<String> = []
        var inCode = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inCode.toggle() }
            let level = line.prefix { $0 == "#" }.count
            guard !inCode, (1...6).contains(level), line.dropFirst(level).first == " " else { continue }
            anchors.insert(anchor(ofHeading: String(line.dropFirst(level + 1))))
        }
        return anchors
    }

    /// The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen.
    static func anchor(ofHeading heading: String) -> String {
        String(
            heading.trimmingCharacters(in: .whitespaces).lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            })
    }

    /// The targets of the Markdown links `[text](target)` in `text`.
    static func linkTargets(in text: String) -> [String] {
        var targets: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "](") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: ")") else { break }
            targets.append(String(after[..<end]))
            rest = after[end...]
        }
        return targets
    }
}
