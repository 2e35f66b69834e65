import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Scan

struct StubMarkerTests {
    static let ids = try! TaskIDPattern()

    /// `line marker task` for each marker found, for compact expectations.
    private func found(_ source: String, in path: String) -> [String] {
        StubMarkerScanner.markers(in: Data(source.utf8), path: path, ids: Self.ids).map { "\($0.line) \($0.marker) \($0.task)" }
    }

    // MARK: Languages

    @Test func swiftLineAndNestedBlockComments() {
        let source = """
            let x = 1 // TODO(TN-099): finish
            /* outer /* inner */ FIXME TN-100 still in the comment */
            let s = "TODO TN-101 // XXX TN-102"
            let m = \"""
                // HACK TN-103
                \"""
            let r = #"a"b // TODO TN-104"#
            #if DEBUG // XXX: TN-105
            #endif
            """
        #expect(found(source, in: "Sources/A.swift") == ["1 TODO TN-099", "2 FIXME TN-100", "8 XXX TN-105"])
    }

    @Test func goCommentsButNotRawOrInterpretedStrings() {
        let source = """
            package main
            // TODO TN-99
            var s = `
            // FIXME TN-5
            `
            var r = '"' /* HACK: see TN-7 */
            var t = "/* TODO TN-8 */"
            """
        #expect(found(source, in: "main.go") == ["2 TODO TN-099", "6 HACK TN-007"])
    }

    @Test func pythonHashCommentsButNotDocstringsOrStrings() {
        let source = """
            def f():
                \"""TODO TN-1: docstrings are strings.

                FIXME TN-2
                \"""
                x = '# TODO TN-3'
                y = "a" # HACK: see TN-099
                return f"{x!r} # XXX TN-4"
            """
        #expect(found(source, in: "tool.py") == ["7 HACK TN-099"])
    }

    @Test func javaScriptCommentsButNotTemplatesOrStrings() {
        let source = """
            const a = `line
            // TODO TN-1 inside a template
            `;
            const b = '//'; // XXX TN-4
            /* FIXME [tn-099] later */
            """
        #expect(found(source, in: "web/app.ts") == ["4 XXX TN-004", "5 FIXME TN-099"])
    }

    @Test func yamlHashCommentsAfterSpaceOnly() {
        let source = """
            image: repo/app:1.2 # TODO TN-1 pin the digest
            url: http://x/a#TODO-TN-2
            quoted: "# TODO TN-3"
            plain: don't # FIXME TN-4
            # HACK TN-5
            """
        #expect(found(source, in: "charts/app/values.yaml") == ["1 TODO TN-001", "4 FIXME TN-004", "5 HACK TN-005"])
    }

    @Test func shellHashCommentsAtWordStart() {
        let source = """
            #!/bin/sh
            echo $# # TODO TN-1
            echo "# TODO TN-2" '# FIXME TN-3'
            x=a#TODO-TN-4
            ls; # HACK TN-5
            """
        #expect(found(source, in: "scripts/run.sh") == ["2 TODO TN-001", "5 HACK TN-005"])
    }

    @Test func otherLanguages() {
        #expect(found("SELECT '-- TODO TN-2'; -- TODO TN-1\n/* FIXME TN-3 */", in: "db/init.sql") == ["1 TODO TN-001", "2 FIXME TN-003"])
        #expect(found("FROM alpine\nRUN echo hi # FIXME TN-2\n# TODO TN-1", in: "Dockerfile") == ["2 FIXME TN-002", "3 TODO TN-001"])
        #expect(found("# TODO TN-1", in: "deploy/Dockerfile.prod") == ["1 TODO TN-001"])
        #expect(found("fn f<'a>(x: &'a str) {} // TODO TN-1\nlet c = '\"'; // FIXME TN-2", in: "src/lib.rs") == ["1 TODO TN-001", "2 FIXME TN-002"])
        #expect(found("class A { /* TODO TN-1 */ String s = \"// XXX TN-2\"; }", in: "A.java") == ["1 TODO TN-001"])
        #expect(found("{{/* TODO TN-1 */}}", in: "charts/app/templates/_helpers.tpl") == ["1 TODO TN-001"])
        #expect(found("all: # TODO TN-1\n\techo ok", in: "Makefile") == ["1 TODO TN-001"])
        #expect(found("x = 1 # HACK TN-1", in: "lib/a.rb") == ["1 HACK TN-001"])
    }

    @Test func sourcePathsByExtensionOrName() {
        for path in [
            "a.swift", "b.GO", "c.py", "d.ts", "e.tsx", "f.java", "g.kt", "h.c", "i.hpp", "j.rs", "k.rb", "l.sh", "m.yaml",
            "n.yml", "Dockerfile", "x/Dockerfile.dev", "o.sql", "Makefile", "p.tf", "q.tpl", "r.toml",
        ] {
            #expect(StubMarkerScanner.isSource(path: path), "\(path)")
        }
        for path in ["README.md", "docs/x.markdown", "a.json", "logo.png", "notes.txt", "archive.tar.gz", ".gitignore", "Makefile.md", "swift"] {
            #expect(!StubMarkerScanner.isSource(path: path), "\(path)")
        }
        #expect(found("# TODO TN-1", in: "README.md").isEmpty)
    }

    // MARK: Ids and words

    @Test func spellingsOfIDsAreCanonicalised() {
        let source = "// TODO TN-99\n// todo tn-099\n// Todo: TN-0099\n// TODO(TN-099): x"
        #expect(found(source, in: "a.swift") == ["1 TODO TN-099", "2 TODO TN-099", "3 TODO TN-099", "4 TODO TN-099"])
    }

    @Test func oneMarkerPerIDNamed() {
        #expect(found("// TODO: TN-099 and TN-100, again TN-99", in: "a.go") == ["1 TODO TN-099", "1 TODO TN-100"])
        #expect(found("// TN-050: TODO finish", in: "a.go") == ["1 TODO TN-050"])
        #expect(found("// TODO TN-1 FIXME TN-2", in: "a.go") == ["1 TODO TN-001", "1 FIXME TN-002"])
    }

    @Test func markerWithoutIDIsNotReturned() {
        #expect(found("// TODO: later\n// see TN-1\n# FIXME", in: "a.swift").isEmpty)
        #expect(found("/* TODO: rework\n   once TN-1 lands */", in: "a.swift").isEmpty)
        #expect(found("// TN-1 is done", in: "a.swift").isEmpty)
    }

    @Test func markerWordsAreWholeWordsInAnyCase() {
        for comment in ["TODO TN-1", "todo TN-1", "Todo TN-1", "tOdO TN-1", "FIXME TN-1", "fixme: TN-1", "XXX TN-1", "xxx TN-1", "HACK TN-1",
                        "TODO:TN-1", "[HACK] TN-1", "TODO-TN-1", "TODO(TN-1)", "TODO\u{2014}TN-1", "TODO's TN-1"] {
            #expect(found("//\(comment)", in: "a.swift").count == 1, "\(comment)")
        }
        for comment in ["TODOS TN-1", "todos TN-1", "xxxl TN-1", "HACKED TN-1", "_TODO TN-1", "TODO_TN-1", "TODO1 TN-1", "XX TN-1", "XXXX TN-1", "FIXMES TN-1"] {
            #expect(found("//\(comment)", in: "a.swift").isEmpty, "\(comment)")
        }
    }

    @Test func markerWordIsNotTakenForAnIDPrefix() {
        #expect(found("// TODO-99 and XXX-1", in: "a.swift").isEmpty)
    }

    // MARK: Lines and text

    @Test func linesAreExactWithAnyLineEnd() {
        #expect(found("a\r\n// TODO TN-1\r\nb\r// FIXME TN-2\n\n// XXX TN-3", in: "a.swift") == ["2 TODO TN-001", "4 FIXME TN-002", "6 XXX TN-003"])
        let block = "/*\n * Notes.\n * TODO TN-7 after the refactor\n */\nlet x = 1 /* HACK TN-8 */"
        let markers = StubMarkerScanner.markers(in: Data(block.utf8), path: "a.swift", ids: Self.ids)
        #expect(markers.map(\.line) == [3, 5])
        #expect(markers.map(\.text) == ["TODO TN-7 after the refactor", "HACK TN-8"])
    }

    @Test func textIsTheTrimmedCommentLineAtMost200Characters() throws {
        let markers = StubMarkerScanner.markers(in: Data("x /// TODO(TN-1): tidy   \n#".utf8), path: "src/a.swift", ids: Self.ids)
        #expect(markers == [StubMarker(file: "src/a.swift", line: 1, marker: "TODO", task: "TN-001", text: "TODO(TN-1): tidy")])
        let long = "# TODO TN-1 " + String(repeating: "é", count: 300)
        let text = try #require(StubMarkerScanner.markers(in: Data(long.utf8), path: "a.py", ids: Self.ids).first?.text)
        #expect(text.count == 200)
        #expect(text.hasPrefix("TODO TN-1 éé"))
    }

    @Test func unterminatedBlockCommentRunsToTheEnd() {
        #expect(found("let a = 1\n/* never closed\n FIXME TN-3", in: "a.swift") == ["3 FIXME TN-003"])
    }

    // MARK: Robustness

    @Test func binaryFilesHaveNoMarkers() {
        let data = Data("// TODO TN-1\n".utf8) + Data([0x00, 0x01, 0x02])
        #expect(StubMarkerScanner.markers(in: data, path: "a.swift", ids: Self.ids).isEmpty)
    }

    @Test func invalidUTF8IsScannedWithReplacement() throws {
        let data = Data("// TODO ".utf8) + Data([0xFF, 0xC3]) + Data(" TN-1\n\"".utf8) + Data([0xE2, 0x82])
        let markers = StubMarkerScanner.markers(in: data, path: "a.swift", ids: Self.ids)
        #expect(markers.map(\.task) == ["TN-001"])
        #expect(try #require(markers.first).text.contains("\u{FFFD}"))
    }

    @Test func emptyAndDegenerateInputs() {
        for source in ["", "/", "/*", "//", "#", "\"", "'", "`", "#\"", "r#\"", "--", "\"\"\"", "TODO TN-1"] {
            for path in ["a.swift", "a.go", "a.py", "a.js", "a.yaml", "a.sh", "a.sql", "a.rs"] {
                #expect(found(source, in: path).isEmpty, "\(source) in \(path)")
            }
        }
    }

    // MARK: Property

    /// Random files of comment lines naming ids (counted) and of noise that must not count:
    /// markers in strings, markers without ids, ids without markers, marker-like words.
    @Test func exactlyTheCommentMarkersNamingIDsAreFound() async {
        struct Language {
            var path: String
            var comment: (String) -> String
            var string: (String) -> String
        }
        let languages = [
            Language(path: "a.swift", comment: { "foo() // \($0)" }, string: { "let s = \"\($0)\"" }),
            Language(path: "a.swift", comment: { "/* \($0) */ foo()" }, string: { "let s = #\"// \($0)\"#" }),
            Language(path: "a.go", comment: { "// \($0)" }, string: { "s := `// \($0)`" }),
            Language(path: "a.py", comment: { "x = 1  # \($0)" }, string: { "'''# \($0)'''" }),
            Language(path: "a.js", comment: { "/* \($0) */" }, string: { "const s = '// \($0)';" }),
            Language(path: "a.yaml", comment: { "k: v # \($0)" }, string: { "k: \"# \($0)\"" }),
            Language(path: "a.sh", comment: { "# \($0)" }, string: { "echo '# \($0)'" }),
            Language(path: "a.sql", comment: { "-- \($0)" }, string: { "SELECT '-- \($0)';" }),
        ]
        let words = ["TODO", "todo", "FIXME", "XXX", "Hack"]
        await propertyCheck(input: Gen.int(in: 0...(languages.count - 1)), Gen.int(in: 0...9999).array(of: 0...25)) { which, seeds in
            let language = languages[which]
            var lines: [String] = []
            var expected: [String] = []
            for seed in seeds {
                let word = words[seed % words.count]
                let id = "TN-\(seed / 40)"
                let canonical = Self.ids.canonical(id)!
                switch (seed / words.count) % 6 {
                case 0:
                    lines.append(language.comment("\(word): \(id) tidy"))
                    expected.append("\(lines.count) \(word.uppercased()) \(canonical)")
                case 1: lines.append(language.string("\(word) \(id)"))
                case 2: lines.append(language.comment("\(word) later"))
                case 3: lines.append(language.comment("see \(id)"))
                case 4: lines.append(language.comment("\(word)s \(id)"))
                default: lines.append("x = 1")
                }
            }
            #expect(found(lines.joined(separator: "\n"), in: language.path) == expected, "\(language.path)")
        }
    }
}
