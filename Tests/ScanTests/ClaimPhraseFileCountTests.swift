import Testing

@testable import Scan

struct ClaimPhraseFileCountTests {
    @Test func countsOfFiles() {
        expectPhrases("16 files", [.init(kind: .fileCount, text: "16 files", claimed: 16)])
        expectPhrases("17 файлов", [.init(kind: .fileCount, text: "17 файлов", claimed: 17)])
        expectPhrases("4 test files", [.init(kind: .fileCount, text: "4 test files", claimed: 4)])
        expectPhrases("16 deliverables", [.init(kind: .fileCount, text: "16 deliverables", claimed: 16)])
        expectPhrases("Всего: 50+ файлов", [.init(kind: .fileCount, text: "50+ файлов", claimed: 50)])
    }

    @Test func totalsAfterAFileWord() {
        expectPhrases("Files Created (16 total)", [.init(kind: .fileCount, text: "16 total", claimed: 16)])
        expectPhrases("Deliverables: 16 total", [.init(kind: .fileCount, text: "Deliverables: 16 total", claimed: 16)])
        expectPhrases("Файлы (17 всего)", [.init(kind: .fileCount, text: "17 всего", claimed: 17)])
        expectPhrases("Files Created: 26", [.init(kind: .fileCount, text: "Files Created: 26", claimed: 26)])
    }

    @Test(arguments: ["16 total", "Tasks (11 total)", "1.5 files", "at least 16 files", "files/16", "Target: 10 files"])
    func totalsOfOtherThingsAndPlansAreNoFileCounts(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .fileCount }, "\(span)")
    }
}
