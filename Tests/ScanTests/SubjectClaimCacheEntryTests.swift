import PhaseModel
import Testing
@testable import Scan

/// What a subject claims file must hold to be read: every claim line a claim of a commit.
struct SubjectClaimCacheEntryTests {
    private let claims = (0..<300).map { index in
        Claim(
            kind: .loc, text: "+\(index) lines", source: .commit(String(repeating: String(index % 10), count: 40)),
            subject: "src/x.py", claimed: Double(index))
    }

    private var entry: SubjectClaimCache.Entry {
        SubjectClaimCache.Entry(key: "k", head: String(repeating: "a", count: 40), commitCount: 300, claims: claims, findings: [])
    }

    @Test func anEntryIsReadBackAsWritten() {
        #expect(SubjectClaimCache.entry(in: SubjectClaimCache.contents(of: entry), key: "k") == entry)
    }

    @Test func aClaimLineThatDoesNotReadAsAClaimOfACommitLosesTheWholeEntry() throws {
        let written = SubjectClaimCache.contents(of: entry)
        let read: [ArraySlice<UInt8>] = try #require(ChecksummedLines.lines(in: written, header: SubjectClaimCache.header))
        let lines: [[UInt8]] = read.map { Array($0) + [0x0A] }
        // The checksum holds: only the line itself is wrong, once anywhere among the claims.
        for broken in [2, 150, lines.count - 1] {
            var changed = lines
            changed[broken] = Array("claim\tnot a claim\n".utf8)
            #expect(SubjectClaimCache.entry(in: ChecksummedLines.file(header: SubjectClaimCache.header, lines: changed), key: "k") == nil)
        }
        var fileClaim = lines
        fileClaim[3] = DocumentClaimCache.Record.claimLines([Claim(kind: .loc, text: "x", source: .file("a.md", line: 1))])[0]
        #expect(SubjectClaimCache.entry(in: ChecksummedLines.file(header: SubjectClaimCache.header, lines: fileClaim), key: "k") == nil)
    }
}
