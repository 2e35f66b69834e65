import Foundation
import PhaseModel
import Testing
@testable import Scan

/// The record an entry of `DocumentClaimCache` is written as: it reads back exactly what version
/// 1's JSON read back, for every member of the types it writes, and a field that is not what its
/// place holds makes the line no entry.
struct DocumentClaimCacheRecordTests {
    typealias Entry = DocumentClaimCache.Entry
    typealias Record = DocumentClaimCache.Record

    /// `entry` written as a record and read back; `nil` when it does not read back.
    static func roundTrip(_ entry: Entry) -> Entry? {
        let line = Record.line(key: "k", entry: entry)
        return Record.entry(in: line[1..<(line.count - 1)])
    }

    @Test func aRecordReadsBackWhatJSONDid() throws {
        let entries = DocumentClaimCacheFormatTests.entries(200, seed: 5)
        for entry in entries.values {
            let viaJSON = try JSONDecoder().decode(Entry.self, from: JSONEncoder().encode(entry))
            #expect(Self.roundTrip(entry) == viaJSON)
        }
        // Line counts are facts, added after extraction: neither format keeps them.
        var claim = try #require(entries.values.first { !$0.claims.isEmpty }?.claims.first)
        claim.lineCounts = LineCounts(physical: 3, nonBlank: 2)
        claim.lineCounts = nil
        #expect(Self.roundTrip(Entry(claims: [claim], findings: [])) == Entry(claims: [claim], findings: []))
    }

    @Test func textThatLooksLikeAMarkReadsBackAsText() {
        let source = Provenance.file("a\tb\\-.md", line: nil)
        let claim = Claim(kind: .status, text: "\\-", source: source, task: "", phase: "\\", subject: "\\t", claimedValue: "\n")
        let entry = Entry(claims: [claim], findings: [])
        #expect(Self.roundTrip(entry) == entry)
        #expect(Self.roundTrip(Entry(claims: [], findings: [])) == Entry(claims: [], findings: []))
    }

    /// The stored members of `value`, as the record must know them.
    static func members(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    /// When one of these fails, a type the record writes has gained (or lost) a member: write and
    /// read it in `DocumentClaimCache.Record`, add it to the generated entries of
    /// `DocumentClaimCacheFormatTests`, and change the list here.
    @Test func theRecordKnowsEveryMember() {
        let claim = Claim(kind: .loc, text: "", source: .commit(""))
        // The five figures are stored with a byte of presence bits; the evidence basis and line
        // counts in one box (`rare`).
        #expect(Self.members(of: claim) == [
            "kind", "verdict", "bound", "presentFigures", "text", "source", "task", "phase", "subject", "claimedValue",
            "verifiedValue", "note", "storedClaimed", "storedDenominator", "storedExpected", "storedVerified",
            "storedDiscrepancy", "rare",
        ])
        #expect(Self.members(of: Finding(rule: .other("x"), severity: .info, message: LocalizedText(en: "", ru: ""))) == [
            "rule", "severity", "_task", "_phase", "_file", "_line", "_commit", "message", "_remediation",
        ])
        #expect(Self.members(of: ClaimEvidenceBasis(.testFile)) == ["kind", "commit", "otherCases", "ofPart", "earlierChanges", "suite"])
        #expect(Self.members(of: LocalizedText(en: "", ru: "")) == ["en", "ru"])
        #expect(Self.members(of: Entry(claims: [], findings: [])) == ["claims", "findings"])
    }

    @Test func aFieldThatIsNotWhatItsPlaceHoldsIsNoEntry() throws {
        let claim = Claim(kind: .coverage, text: "92%", source: .file("a.md", line: 3), claimed: 92)
        let line = Record.line(key: "k", entry: Entry(claims: [claim], findings: []))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text == "k\t1\tcoverage\t92%\ta.md\t3\t\\-" + String(repeating: "\t\\-", count: 3) + "\t92.0"
            + String(repeating: "\t\\-", count: 16) + "\t0\n")
        for (found, put) in [
            ("\tcoverage\t", "\tcover\t"),  // no such kind
            ("\t92.0\t", "\t92,0\t"),  // no number
            ("\t3\t", "\t\\-3\t"),  // no escape
            ("\t92%\t", "\t\\-\t"),  // no text where text is required
            ("\t3\t\\-\t", "\t3\tabc\t"),  // a file and a commit
            ("\t1\t", "\t2\t"),  // a claim fewer than counted
        ] {
            let changed = Array(text.replacingOccurrences(of: found, with: put).utf8.dropLast())
            #expect(Record.entry(in: changed[1...]) == nil, "\(put)")
        }
    }
}
