import Foundation
import PropertyBased
import Testing
@testable import TaskNaming

/// Relative Markdown links into a renamed folder are rewritten; every other byte stays.
struct MarkdownLinkRewriterTests {
    static let redis = FolderRename(from: "tasks/TN-99-redis-statefulset", to: "tasks/TN-099-redis-statefulset")

    func rewrite(_ text: String, file: String = "docs/notes.md", renames: [FolderRename] = [Self.redis]) -> String {
        let bytes = Array(text.utf8)
        let edits = MarkdownLinkRewriter(renames: renames).edits(in: bytes, file: file)
        return String(decoding: MarkdownLinkRewriter.applying(edits, to: bytes), as: UTF8.self)
    }

    @Test(arguments: [
        ("[req](../tasks/TN-99-redis-statefulset/requirements.md#x)", "[req](../tasks/TN-099-redis-statefulset/requirements.md#x)"),
        ("![diagram](../tasks/TN-99-redis-statefulset/img/a.png \"Title\")", "![diagram](../tasks/TN-099-redis-statefulset/img/a.png \"Title\")"),
        ("[r](<../tasks/TN-99-redis-statefulset/a b.md>)", "[r](<../tasks/TN-099-redis-statefulset/a b.md>)"),
        ("[r]( ../tasks/TN-99-redis-statefulset/a.md?x=1#y 'title' )", "[r]( ../tasks/TN-099-redis-statefulset/a.md?x=1#y 'title' )"),
        ("[folder](../tasks/TN-99-redis-statefulset/)", "[folder](../tasks/TN-099-redis-statefulset/)"),
        ("[folder](../tasks/TN-99-redis-statefulset)", "[folder](../tasks/TN-099-redis-statefulset)"),
        ("[root](/tasks/TN-99-redis-statefulset/a.md)", "[root](/tasks/TN-099-redis-statefulset/a.md)"),
        ("[dots](./../tasks/./x/../TN-99-redis-statefulset/a.md)", "[dots](./../tasks/./x/../TN-099-redis-statefulset/a.md)"),
        ("[enc](../tasks/TN%2D99-redis-statefulset/a%20b.md)", "[enc](../tasks/TN-099-redis-statefulset/a%20b.md)"),
        ("[esc](../tasks/TN\\-99-redis-statefulset/a.md)", "[esc](../tasks/TN-099-redis-statefulset/a.md)"),
        ("[paren](../tasks/TN-99-redis-statefulset/a(1).md)", "[paren](../tasks/TN-099-redis-statefulset/a(1).md)"),
        ("[r]: ../tasks/TN-99-redis-statefulset/a.md \"t\"", "[r]: ../tasks/TN-099-redis-statefulset/a.md \"t\""),
        ("[r]: <../tasks/TN-99-redis-statefulset/a.md>", "[r]: <../tasks/TN-099-redis-statefulset/a.md>"),
        ("- [r]: ../tasks/TN-99-redis-statefulset/a.md", "- [r]: ../tasks/TN-099-redis-statefulset/a.md"),
        ("> see [a](../tasks/TN-99-redis-statefulset/a.md)", "> see [a](../tasks/TN-099-redis-statefulset/a.md)"),
        ("[![b](../tasks/TN-99-redis-statefulset/b.svg)](../tasks/TN-99-redis-statefulset/)",
         "[![b](../tasks/TN-099-redis-statefulset/b.svg)](../tasks/TN-099-redis-statefulset/)"),
        ("| a | [x](../tasks/TN-99-redis-statefulset/a.md) |\n|---|---|", "| a | [x](../tasks/TN-099-redis-statefulset/a.md) |\n|---|---|"),
    ])
    func linksIntoTheFolderAreRewritten(text: String, expected: String) {
        #expect(rewrite(text) == expected)
    }

    @Test(arguments: [
        "[abs](https://example.com/tasks/TN-99-redis-statefulset/a.md)",
        "[mail](mailto:TN-99-redis-statefulset@example.com)",
        "[net](//host/tasks/TN-99-redis-statefulset/a.md)",
        "[anchor](#TN-99-redis-statefulset)",
        "[other](../tasks/TN-99-redis-statefulset-old/a.md)",
        "[up](../../../tasks/TN-99-redis-statefulset/a.md)",
        "[sibling](tasks/TN-99-redis-statefulset/a.md)",
        "Use `[c](../tasks/TN-99-redis-statefulset/a.md)` in text.",
        "Use ``a ` [c](../tasks/TN-99-redis-statefulset/a.md)`` in text.",
        "```\n[c](../tasks/TN-99-redis-statefulset/a.md)\n```",
        "~~~md\n[c](../tasks/TN-99-redis-statefulset/a.md)\n~~~",
        "Text.\n\n    [c](../tasks/TN-99-redis-statefulset/a.md)\n",
        "- item\n\n  ```\n  [c](../tasks/TN-99-redis-statefulset/a.md)\n  ```\n",
        "<div>\n[c](../tasks/TN-99-redis-statefulset/a.md)\n</div>",
        "\\[c](../tasks/TN-99-redis-statefulset/a.md)",
        "text\n[r]: ../tasks/TN-99-redis-statefulset/a.md",
        "[r]: ../tasks/TN-99-redis-statefulset/a.md junk",
        "plain tasks/TN-99-redis-statefulset/a.md mention",
    ])
    func everythingElseIsLeftAlone(text: String) {
        #expect(rewrite(text) == text)
    }

    @Test func aLinkToAFolderAtTheRepositoryRootOfTheFileResolvesFromTheFilesFolder() {
        #expect(rewrite("[a](tasks/TN-99-redis-statefulset/a.md)", file: "README.md") == "[a](tasks/TN-099-redis-statefulset/a.md)")
        #expect(rewrite("[a](TN-99-redis-statefulset/a.md)", file: "tasks/TASKS.md") == "[a](TN-099-redis-statefulset/a.md)")
    }

    @Test func insideTheFolderOnlyLinksThatNameItAreRewritten() {
        let file = "tasks/TN-99-redis-statefulset/requirements.md"
        #expect(rewrite("[t](../TN-99-redis-statefulset/tasks.md)", file: file) == "[t](../TN-099-redis-statefulset/tasks.md)")
        #expect(rewrite("[t](./tasks.md) [u](tasks.md) [d](../../docs/x.md)", file: file) == "[t](./tasks.md) [u](tasks.md) [d](../../docs/x.md)")
        // After the move the file is in the new folder; the same links resolve the same way.
        let moved = "tasks/TN-099-redis-statefulset/requirements.md"
        #expect(rewrite("[t](../TN-99-redis-statefulset/tasks.md)", file: moved) == "[t](../TN-099-redis-statefulset/tasks.md)")
    }

    @Test func aPercentEncodedSegmentGetsThePercentEncodedName() {
        let rename = FolderRename(from: "tasks/TN-9-Кэш", to: "tasks/TN-009-кэш")
        #expect(rewrite("[k](../tasks/TN-9-%D0%9A%D1%8D%D1%88/a.md)", renames: [rename]) == "[k](../tasks/TN-009-%D0%BA%D1%8D%D1%88/a.md)")
        #expect(rewrite("[k](../tasks/TN-9-Кэш/a.md)", renames: [rename]) == "[k](../tasks/TN-009-кэш/a.md)")
    }

    @Test func editsNameTheirLineAndSeveralRenamesApplyInOneText() {
        let other = FolderRename(from: "tasks/tn-7-Cache", to: "tasks/TN-007-cache")
        let text = "# Notes\r\n\r\nSee [a](../tasks/TN-99-redis-statefulset/a.md).\r\nAnd [b][b].\r\n\r\n[b]: ../tasks/tn-7-Cache/b.md\r\n"
        let edits = MarkdownLinkRewriter(renames: [Self.redis, other]).edits(in: Array(text.utf8), file: "docs/notes.md")
        #expect(edits.map(\.line) == [3, 6])
        #expect(edits.map(\.rename) == [Self.redis, other])
        #expect(rewrite(text, renames: [Self.redis, other])
            == "# Notes\r\n\r\nSee [a](../tasks/TN-099-redis-statefulset/a.md).\r\nAnd [b][b].\r\n\r\n[b]: ../tasks/TN-007-cache/b.md\r\n")
    }

    @Test func aReferenceDefinitionMayFollowAHeadingOrAnotherDefinition() {
        let text = "# Links\n[a]: ../tasks/TN-99-redis-statefulset/a.md\n[b]: ../tasks/TN-99-redis-statefulset/b.md\n"
        #expect(rewrite(text) == text.replacingOccurrences(of: "TN-99-", with: "TN-099-"))
    }

    // MARK: - Malformed input

    @Test(arguments: [
        "[unclosed(../tasks/TN-99-redis-statefulset/a.md)",
        "[t](../tasks/TN-99-redis-statefulset/a.md",
        "[t](../tasks/TN-99-redis-statefulset/a.md \"title never closed)",
        "[t](<../tasks/TN-99-redis-statefulset/a.md)",
        "[t](../tasks/TN-99-redis-statefulset/a.md \"t\" junk)",
        "[t](../tasks/TN-99-redis-statefulset/(a.md)",
        "]](((([[[[",
        "```\nnever closed [t](../tasks/TN-99-redis-statefulset/a.md)\n",
        "[r]:",
        "[]: ../tasks/TN-99-redis-statefulset/a.md",
        "",
    ])
    func malformedLinksAreNotRewrittenAndNothingCrashes(text: String) {
        #expect(rewrite(text) == text)
    }

    @Test func anUnclosedCodeSpanIsLiteralBackticks() {
        #expect(rewrite("a ` b [t](../tasks/TN-99-redis-statefulset/a.md)") == "a ` b [t](../tasks/TN-099-redis-statefulset/a.md)")
    }

    @Test func aHugeTextOfUnclosedConstructsIsScannedInLinearTime() {
        // Quadratic scanning of these would take minutes; linear takes well under a second each.
        let pieces = [
            String(repeating: "[", count: 400_000), String(repeating: "` `` ", count: 100_000),
            String(repeating: "[a](b \"", count: 60_000), String(repeating: "](", count: 200_000),
        ]
        for piece in pieces {
            let text = piece + "\n[t](../tasks/TN-99-redis-statefulset/a.md)\n"
            let start = Date()
            let result = rewrite(text)
            #expect(Date().timeIntervalSince(start) < 20)
            #expect(result.hasSuffix("\n[t](../tasks/TN-099-redis-statefulset/a.md)\n") || result == text)
            #expect(result.utf8.count == text.utf8.count + 1 || result == text)
        }
    }

    @Test func aHugeTextWithManyLinksRewritesEachOnce() {
        let line = "- [x](../tasks/TN-99-redis-statefulset/a.md) and [y](https://example.com)\n"
        let text = String(repeating: line, count: 20_000)
        let result = rewrite(text)
        #expect(result == String(repeating: line.replacingOccurrences(of: "TN-99-", with: "TN-099-"), count: 20_000))
    }

    // MARK: - Properties

    /// Text pieces with every construct the scanner knows, none of which points into the folder.
    static let pieces = [
        "[", "]", "(", ")", "<", ">", "`", "``", "\\", "!", "\n", "\r\n", "\n\n", "    ", "> ", "- ", "1. ", "#", "```", "~~~",
        ":", "\"", "'", " ", "%", "%2D", "../", "./", "/", "tasks/", "TN-99-redis", "TN-099-redis-statefulset/", "a.md",
        "https://x/", "Кэш", "🙂", "[r]: ", "](", "#x", "?q",
    ]

    @Test func textWithoutLinksIntoTheFolderIsLeftByteForByte() async {
        await propertyCheck(input: Gen<String?>.element(of: Self.pieces).array(of: 0...60)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(rewrite(text) == text)
        }
    }

    @Test func rewritingTwiceChangesNothingMoreAndOnlyTheLinkChanges() async {
        let link = "[t](../tasks/TN-99-redis-statefulset/a.md)"
        await propertyCheck(input: Gen<String?>.element(of: Self.pieces).array(of: 0...30), Gen<String?>.element(of: Self.pieces).array(of: 0...30)) { before, after in
            let head = before.compactMap { $0 }.joined() + "\n\n"
            let tail = "\n\n" + after.compactMap { $0 }.joined()
            let once = rewrite(head + link + tail)
            #expect(rewrite(once) == once)
            // The link changes, or it is inside code a fence in the pieces opened: nothing changes.
            #expect(once == head + "[t](../tasks/TN-099-redis-statefulset/a.md)" + tail || once == head + link + tail)
        }
    }
}
