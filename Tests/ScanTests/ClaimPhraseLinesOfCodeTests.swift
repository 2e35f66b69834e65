import Testing

@testable import Scan

struct ClaimPhraseLinesOfCodeTests {
    @Test func totalsHaveNoSubject() {
        expectPhrases("1,970 lines", [.init(kind: .loc, text: "1,970 lines", claimed: 1970)])
        expectPhrases("(4,683 LOC, 167%)", [.init(kind: .loc, text: "4,683 LOC", claimed: 4683)])
        expectPhrases("~600 LOC", [.init(kind: .loc, text: "~600 LOC", claimed: 600)])
        expectPhrases("7 321 строк кода", [.init(kind: .loc, text: "7 321 строк кода", claimed: 7321)])
        expectPhrases("7\u{A0}321 строк", [.init(kind: .loc, text: "7\u{A0}321 строк", claimed: 7321)])
        expectPhrases("7321 строк", [.init(kind: .loc, text: "7321 строк", claimed: 7321)])
        expectPhrases("1,970 lines of code", [.init(kind: .loc, text: "1,970 lines of code", claimed: 1970)])
        expectPhrases("2,600+ LOC", [.init(kind: .loc, text: "2,600+ LOC", claimed: 2600)])
    }

    @Test func aPathWrittenBeforeIsTheSubject() {
        expectPhrases(
            "design.md (1,970 LOC)",
            [.init(kind: .loc, text: "design.md (1,970 LOC)", subject: "design.md", claimed: 1970)])
        expectPhrases(
            "design.md (1,970 LOC, 246%) - 12 sections",
            [.init(kind: .loc, text: "design.md (1,970 LOC, 246%)", subject: "design.md", claimed: 1970)])
        expectPhrases(
            "`Sources/x/y.swift` (120 LOC)",
            [.init(kind: .loc, text: "`Sources/x/y.swift` (120 LOC)", subject: "Sources/x/y.swift", claimed: 120)])
        expectPhrases(
            "Sources/x/y.swift: 120 lines",
            [.init(kind: .loc, text: "Sources/x/y.swift: 120 lines", subject: "Sources/x/y.swift", claimed: 120)])
        expectPhrases(
            "**requirements.md** — 962 строк",
            [.init(kind: .loc, text: "requirements.md** — 962 строк", subject: "requirements.md", claimed: 962)])
    }

    @Test func wordsAndVersionsBeforeAreNoSubject() {
        expectPhrases("Phase 1: 4,683 LOC", [.init(kind: .loc, text: "4,683 LOC", claimed: 4683)])
        expectPhrases("v1.2 (300 LOC)", [.init(kind: .loc, text: "300 LOC", claimed: 300)])
        expectPhrases("Comprehensive design (1,970 LOC)", [.init(kind: .loc, text: "1,970 LOC", claimed: 1970)])
    }

    @Test func labelsBeforeTheFigure() {
        expectPhrases("LOC: 1,970", [.init(kind: .loc, text: "LOC: 1,970", claimed: 1970)])
        expectPhrases("Total LOC: 7,321", [.init(kind: .loc, text: "Total LOC: 7,321", claimed: 7321)])
        expectPhrases("Lines of Code: ~5,000", [.init(kind: .loc, text: "Lines of Code: ~5,000", claimed: 5000)])
        expectPhrases("Строк кода: 7 321", [.init(kind: .loc, text: "Строк кода: 7 321", claimed: 7321)])
    }

    @Test(arguments: [
        "values.yaml (+38 LOC)", "Line 32", "Строка: 32", "-5 LOC", "at least 300 LOC", "Target: 800 LOC",
    ])
    func changesLineNumbersAndTargetsAreNoLengths(span: String) {
        expectNoPhrases(span)
    }

    @Test func pathsAreRecognisedByDirectoryOrExtension() {
        #expect(PathSubject.looksLikePath("design.md"))
        #expect(PathSubject.looksLikePath("docs/guide"))
        #expect(PathSubject.looksLikePath("a.tar.gz"))
        #expect(!PathSubject.looksLikePath("v1.2"))
        #expect(!PathSubject.looksLikePath("1.5"))
        #expect(!PathSubject.looksLikePath("README"))
        #expect(!PathSubject.looksLikePath("end."))
        #expect(!PathSubject.looksLikePath(".gitignore"))
    }
}
