import PhaseModel
import Testing

@testable import Scan

struct ClaimPhraseLexerTests {
    private func tokens(_ text: String) -> [PhraseToken] { PhraseLexer.tokens(in: ClaimScalars(text)) }

    @Test func emphasisAndBlanksMakeNoTokens() {
        let found = tokens("**39/39** _tests_ ~~old~~")
        #expect(found.map(\.text) == ["39", "/", "39", "tests", "old"])
        #expect(found.map(\.kind) == [.number, .symbol, .number, .word, .word])
    }

    @Test func wordKeysAreLowerCaseWithYoReadAsYe() {
        #expect(tokens("ЗАВЕРШЁН Tests").map(\.key) == ["завершен", "tests"])
    }

    @Test func digitsInsideIdentifiersAreCode() {
        let found = tokens("x86_64 TN-099 4h 2025-11-30 sha256")
        #expect(found.filter { $0.kind == .code }.map(\.text) == ["x86_64", "099", "4h", "2025-11-30", "sha256"])
        #expect(found.allSatisfy { $0.kind != .number })
    }

    @Test func backtickSpansAreMarkedAsCode() {
        let found = tokens("`39 tests` and 40 tests, ``a`b`` 7")
        #expect(found.filter(\.isCode).map(\.text) == ["39", "tests", "a", "b"])
        #expect(found.filter { !$0.isCode && $0.kind == .number }.map(\.text) == ["40", "7"])
        // An unclosed backtick is literal text.
        #expect(tokens("`39 tests").allSatisfy { !$0.isCode })
    }

    @Test func wordsJoinedToPathsAreMarked() {
        let found = tokens("tasks.md docs/design COMPLETE_REPORT in-progress")
        #expect(found.filter { $0.kind == .word && !$0.isPathPart }.map(\.text) == ["in", "progress"])
    }

    @Test func glueIsRecorded() {
        let found = tokens("A+ B +")
        #expect(found.map(\.isGlued) == [false, true, false, false])
    }

    @Test func codeBackedByNoNumberStopsBeforeTheNextNumber() {
        let text = "2,600+ LOC (~600)"
        let found = tokens(text)
        #expect(found.map(\.text) == ["2,600+", "LOC", "(", "~600", ")"])
    }
}
