import Foundation
import PhaseModel
import Testing
@testable import Scan

/// Files read the way `phasecert evidence FILE` and discovery read them: sniffed from their head, then
/// streamed from disk by the reader for their kind.
struct EvidenceFileReaderTests {
    func read(_ fixture: String) throws -> EvidenceFileResult {
        let url = Fixtures.root.appendingPathComponent(fixture)
        let head = try #require(EvidenceSniffer.head(of: url))
        let kind = try #require(EvidenceSniffer.kind(of: head), "\(fixture) not recognised")
        return EvidenceFileReader.read(url, path: fixture, kind: kind)
    }

    @Test func overlongTimesCountEveryCaseAndNameTheUnreadableLine() throws {
        let result = try read("hostile/junit-overlong-times.xml")
        #expect(result.kind == .junit)
        #expect(result.counts.passed == 3)
        #expect(result.counts.failed == 1)
        #expect(result.problems.map(\.line) == [5])
        #expect(result.problems.map(\.file) == ["hostile/junit-overlong-times.xml"])
        #expect(result.problems.first?.message.contains("1e999") == true)
        // A lost duration (the case still counts) is an `evidence.figure-unreadable` finding naming file and
        // line; it does not hold the gate as `evidence.malformed` does.
        let finding = EvidenceFindings.problem(try #require(result.problems.first), kind: result.kind.label)
        #expect(finding.rule == .evidenceFigureUnreadable)
        #expect(finding.message.en.contains("hostile/junit-overlong-times.xml:5"))
    }

    @Test(arguments: ["hostile/junit-utf16le-bom.xml", "hostile/junit-utf16be-bom.xml"])
    func utf16JUnitCountsItsFailure(fixture: String) throws {
        let result = try read(fixture)
        #expect(result.kind == .junit)
        #expect(result.counts.passed == 2)
        #expect(result.counts.failed == 1)
        #expect(result.problems.isEmpty)
        #expect(result.failures.map(\.result.name) == ["fails 😀"])
        #expect(result.groups.map(\.suite) == ["Café.Tests"])
    }

    @Test(arguments: ["hostile/gotest-json-spaced.jsonl", "hostile/gotest-json-stderr-mixed.jsonl"])
    func goTestJSONFromOtherWritersCountsItsFailure(fixture: String) throws {
        let result = try read(fixture)
        #expect(result.kind == .goTestJSON)
        #expect(result.counts.passed == 1)
        #expect(result.counts.failed == 1)
        #expect(result.problems.isEmpty)
        #expect(result.failures.map(\.result.name) == ["TestDiscount"])
    }
}
