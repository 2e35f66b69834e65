import PhaseModel
import Testing

@testable import Scan

/// A figure that states a limit, a size reached or the length of something named is no claim
/// about the lines a text or commit wrote: `holds every run to 15 lines` says each run is at most
/// 15 lines long, and `the reader is 465 lines` how long the reader is, not that 465 lines were
/// added. Such figures are left unread, never judged against a commit's line count.
struct ClaimPhraseLimitTests {
    static func lineClaims(_ text: String) -> [Double?] {
        ClaimPhraseScanner.claims(in: text).filter { $0.kind == .loc }.map(\.claimed)
    }

    @Test(arguments: [
        "a test holds every command's run to 15 lines",
        "cut the configuration loader to 441 lines",
        "keep each function under 60 lines",
        "сократил загрузчик до 441 строки",
        "the checklist says the reader is 465 lines",
        "`Sources/Scan/Reader.swift` is 465 lines",
        "загрузчик теперь составляет 441 строки",
    ])
    func aSizeReachedIsNoLineClaim(text: String) {
        #expect(Self.lineClaims(text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        "at most 15 lines per function",
        "no more than 400 lines in a file",
        "up to 400 lines of code",
        "не более 400 строк в файле",
        "maximum file length: 400 lines",
        "лимит: 400 строк",
    ])
    func anUpperBoundIsAPlanNotAClaim(text: String) {
        #expect(Self.lineClaims(text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("PC-012: judge commit claims, 120 lines added", 120.0),
        ("`Sources/Scan/Reader.swift`: 465 lines", 465),
        ("added 1,970 LOC to the reader", 1970),
        ("добавлено 300 строк кода", 300),
    ])
    func aLineCountStillReads(text: String, claimed: Double) {
        #expect(Self.lineClaims(text) == [claimed], "\(text)")
    }
}
