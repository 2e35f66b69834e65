import Foundation
import PhaseModel
import Testing
@testable import Scan

/// A file's lines by each counting rule, with the comment syntax of its language.
struct SourceLineCounterTests {
    private func counts(_ text: String, path: String) -> LineCounts {
        let (lines, nonBlank) = LineCounter.count(Array(text.utf8))
        return SourceLineCounter.counts(text: text, path: path, physical: lines, nonBlank: nonBlank)
    }

    @Test func cFamilyBlockAndLineCommentsAreCountedApart() {
        let text = "/*\n * header\n */\n\nlet a = 1 // trailing\n// whole line\nlet b = 2 /* inline */\n"
        #expect(counts(text, path: "x.swift") == LineCounts(physical: 7, nonBlank: 6, withoutLineComments: 5, code: 2))
    }

    @Test func aCommentMarkInsideAStringOpensNoComment() {
        let text = "const glob = \"src/**/*.ts\";\nconst url = 'http://x';\nrun();\n"
        #expect(counts(text, path: "a.ts").code == 3)
    }

    @Test func hashAndDashCommentsByExtension() {
        #expect(counts("# note\nx = 1\n\n", path: "a.py").withoutLineComments == 1)
        #expect(counts("key: 1 # note\n# only\n", path: "a.yaml").code == 1)
        #expect(counts("-- note\nSELECT 1;\n/* a\n b */\n", path: "q.sql").code == 1)
        #expect(counts("# note\nRUN x\n", path: "app/Dockerfile").code == 1)
    }

    /// cloc counts Python's triple-quoted strings as comments: a module of a docstring and two
    /// statements holds two lines of code.
    @Test func pythonDocstringsAreCommentsForTheCodeRule() {
        let module = "\"\"\"\nModule.\n\nMore.\n\"\"\"\n\nfrom a import B\n\n__all__ = [\"B\"]\n"
        #expect(counts(module, path: "pkg/__init__.py") == LineCounts(physical: 9, nonBlank: 6, withoutLineComments: 6, code: 2))
        let single = "def f():\n    '''One line.'''\n    text = \"\"\"a\n    b\"\"\" + s\n    return text\n"
        // `text = """a` and `b""" + s` hold code beside the string; a `"` alone opens no block.
        #expect(counts(single, path: "m.py").code == 4)
        #expect(counts("x = \"a\"  # c\ny = ''\n", path: "m.py").code == 2)
    }

    @Test func anUnknownLanguageHasOnlyAllAndNonBlankLines() {
        let result = counts("// a\n\nb\n", path: "notes.unknownext")
        #expect(result == LineCounts(physical: 3, nonBlank: 2))
    }
}
