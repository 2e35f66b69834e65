import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Render

/// Appending to `$GITHUB_STEP_SUMMARY` without passing GitHub's size limit.
struct StepSummaryAppendTests {
    static let note = "CUT"

    static func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func aMissingFileIsCreatedWithTheWholeSummary() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/summary.md"
        let outcome = try StepSummary.append("# a\nb\n", toFileAt: path)
        #expect(outcome == StepSummary.Outcome(bytesWritten: 6, truncated: false))
        #expect(try Self.contents(path) == "# a\nb\n")
    }

    @Test func whatOtherStepsWroteStaysAndTheSummaryFollowsIt() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("summary.md", "earlier step\n")
        _ = try StepSummary.append("one\n", toFileAt: path)
        let outcome = try StepSummary.append("two\n", toFileAt: path)
        #expect(outcome.bytesWritten == 4 && !outcome.truncated)
        #expect(try Self.contents(path) == "earlier step\none\ntwo\n")
    }

    /// Appends `summary` with the tiny limit to a file holding `existing` (none when `nil`), and
    /// returns the outcome and what the file holds then.
    static func append(_ summary: String, limit: Int, to existing: String?) throws -> (StepSummary.Outcome, String) {
        let folder = try TemporaryFolder()
        let path = try existing.map { try folder.write("summary.md", $0) } ?? folder.path + "/summary.md"
        let outcome = try StepSummary.append(summary, toFileAt: path, note: note, limit: limit)
        return (outcome, try contents(path))
    }

    @Test func aSummaryThatFillsTheLimitExactlyIsNotCut() throws {
        let (outcome, contents) = try Self.append("abc\ndef\n", limit: 14, to: "12345\n")
        #expect(outcome == StepSummary.Outcome(bytesWritten: 8, truncated: false))
        #expect(contents == "12345\nabc\ndef\n")
    }

    @Test func aSummaryThatDoesNotFitIsCutAtTheLastWholeLineAndEndsWithTheNote() throws {
        // Room for 20 bytes: "\nCUT\n" takes 5, leaving 15 for whole lines: "line1\nline2\n" (12).
        let (outcome, contents) = try Self.append("line1\nline2\nline3\nline4\n", limit: 26, to: "12345\n")
        #expect(outcome == StepSummary.Outcome(bytesWritten: 17, truncated: true))
        #expect(contents == "12345\nline1\nline2\n\nCUT\n")
    }

    @Test func aCutNeverSplitsAUTF8Sequence() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/summary.md"
        // "Редис\n" is 11 bytes; a cut by bytes at 15 would land inside the second "Р".
        let summary = "Редис\nРедис\nРедис\n"
        for limit in 16...26 {
            try? FileManager.default.removeItem(atPath: path)
            let outcome = try StepSummary.append(summary, toFileAt: path, note: Self.note, limit: limit)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(outcome.truncated && outcome.bytesWritten == data.count && data.count <= limit)
            #expect(String(data: data, encoding: .utf8) == "Редис\n\nCUT\n", "limit \(limit)")
        }
    }

    @Test func aFirstLineLongerThanTheRoomLeavesOnlyTheNote() throws {
        let (outcome, contents) = try Self.append(String(repeating: "x", count: 40) + "\nshort\n", limit: 10, to: nil)
        #expect(outcome == StepSummary.Outcome(bytesWritten: 5, truncated: true))
        #expect(contents == "\nCUT\n")
    }

    @Test func whenNotEvenTheNoteFitsNothingIsAppended() throws {
        // 8 + 7 bytes pass the limit of 12, and the 4 bytes left cannot hold "\nCUT\n".
        let (outcome, contents) = try Self.append("abcdef\n", limit: 12, to: "1234567\n")
        #expect(outcome == StepSummary.Outcome(bytesWritten: 0, truncated: true))
        #expect(contents == "1234567\n")
        // A file already past the limit gets nothing either.
        let (past, unchanged) = try Self.append("a\n", limit: 12, to: String(repeating: "y", count: 30))
        #expect(past == StepSummary.Outcome(bytesWritten: 0, truncated: true) && unchanged.count == 30)
    }

    @Test func theRealLimitIsOneMebibyteAndTheNoteIsLocalised() throws {
        #expect(StepSummary.sizeLimit == 1_048_576)
        let folder = try TemporaryFolder()
        let path = try folder.write("summary.md", String(repeating: "z", count: StepSummary.sizeLimit - 10) + "\n")
        let outcome = try StepSummary.append(String(repeating: "a", count: 20) + "\n", toFileAt: path, locale: .ru)
        #expect(outcome == StepSummary.Outcome(bytesWritten: 0, truncated: true))
        #expect(try StepSummary.append("a\n", toFileAt: path, locale: .ru) == StepSummary.Outcome(bytesWritten: 2, truncated: false))
        let line = String(repeating: "s", count: 99) + "\n"
        let big = folder.path + "/big.md"
        let cut = try StepSummary.append(String(repeating: line, count: 11_000), toFileAt: big, locale: .ru)
        let text = try Self.contents(big)
        #expect(cut.truncated && cut.bytesWritten == text.utf8.count && text.utf8.count <= StepSummary.sizeLimit)
        #expect(text.hasSuffix("\n\nСводка phasecert обрезана здесь: целиком она превысила бы ограничение GitHub на размер сводки шага. Всё есть в отчётах.\n"))
        #expect(text.components(separatedBy: "\n").dropLast(3).allSatisfy { $0 == String(repeating: "s", count: 99) })
    }

    @Test func anUnwritablePathIsAUserFacingErrorWithExitCode3() throws {
        let folder = try TemporaryFolder()
        #expect {
            try StepSummary.append("a\n", toFileAt: folder.path + "/missing/summary.md")
        } throws: { error in
            guard let error = error as? StepSummaryError else { return false }
            return error.exitCode == 3 && error.description.hasPrefix(folder.path + "/missing/summary.md: ")
        }
    }
}
