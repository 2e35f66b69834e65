import Foundation
import PropertyBased
import Testing
@testable import Scan

struct CoverageLcovTests {
    /// Parses `Tests/Fixtures/coverage/<name>` through a file handle, as the scanner does.
    static func parseFixture(_ name: String) throws -> CoverageReport {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("coverage/\(name)"))
        defer { try? handle.close() }
        return LcovParser.parse(handle: handle, file: name)
    }

    static func parse(_ text: String) -> CoverageReport { LcovParser.parse(data: Data(text.utf8), file: "t.info") }

    static func counts(_ report: CoverageReport) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, [$0.linesFound, $0.linesHit]) })
    }

    // MARK: Real tool output

    @Test func coveragePyLcovMatchesCoverageReport() throws {
        // `coverage report`: calc/arith.py 9 statements 3 missed, calc/text.py 11 and 2, TOTAL 20 and 5.
        let report = try Self.parseFixture("coveragepy.lcov")
        #expect(report.format == .lcov)
        #expect(report.recognized)
        #expect(report.problems.isEmpty)
        #expect(report.files.map(\.path) == ["calc/__init__.py", "calc/arith.py", "calc/text.py"])
        #expect(Self.counts(report) == ["calc/__init__.py": [0, 0], "calc/arith.py": [9, 6], "calc/text.py": [11, 9]])
        #expect(report.files[0].percent == nil)
        #expect(totals(report) == [20, 15])
        #expect(report.percent == 75)
        #expect(report.statementsFound == nil)
    }

    @Test func coveragePyBranchLcovCountsLinesNotBranches() throws {
        let report = try Self.parseFixture("coveragepy-branch.lcov")
        #expect(report.problems.isEmpty)
        #expect(report.files.count == 5)
        #expect(Self.counts(report)["tests/test_calc.py"] == [20, 18])
        #expect(totals(report) == [40, 33])
    }

    @Test func lcovCaptureWithoutLFAndLHIsReadFromDALines() throws {
        // geninfo 1.16 with gcc 12 writes no LF/LH; `lcov --summary`: 13 of 17 lines.
        let report = try Self.parseFixture("lcov-capture.info")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == [
            "/tmp/ccov/src/main.c": [8, 7], "/tmp/ccov/src/mathx.c": [8, 5], "/tmp/ccov/src/mathx.h": [1, 1],
        ])
        #expect(totals(report) == [17, 13])
    }

    @Test func recordsOfTwoTestNamesAreMergedPerLineNotSummed() throws {
        // Two records per file (TN:first, TN:second); `lcov --summary`: 14 of 17 lines. Summing would give 34 found.
        let report = try Self.parseFixture("lcov-two-tests.info")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == [
            "/tmp/ccov/src/main.c": [8, 8], "/tmp/ccov/src/mathx.c": [8, 5], "/tmp/ccov/src/mathx.h": [1, 1],
        ])
        #expect(totals(report) == [17, 14])
    }

    @Test func gcovrLcovWithChecksumsAndVersionLinesMatchesItsTextReport() throws {
        // gcovr's text report: TOTAL 17 lines, 14 executed.
        let report = try Self.parseFixture("gcovr.info")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report)["/tmp/ccov/src/mathx.c"] == [8, 5])
        #expect(totals(report) == [17, 14])
    }

    // MARK: Broken input

    @Test func truncatedTracefileKeepsWhatWasReadAndSaysSo() throws {
        let report = try Self.parseFixture("lcov-truncated.info")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["src/a.c": [2, 1], "src/b.c": [3, 2]])
        #expect(report.problems.map(\.line) == [11, 12])
        #expect(report.problems[0].message == "DA: count \"\" for line 12 is not a number; skipped")
        #expect(report.problems[1].message
            == "truncated: the record for src/b.c at line 8 has no end_of_record; its lines so far are counted")
        #expect(report.problems.allSatisfy { $0.file == "lcov-truncated.info" })
    }

    @Test func lfAndLhThatDisagreeWithDALinesAreProblemsNamingFileAndLine() throws {
        let report = try Self.parseFixture("lcov-lf-lh-disagree.info")
        // DA:2 appears twice (hit once): one line, hit.
        #expect(Self.counts(report) == ["lib/ok.js": [1, 1], "lib/parse.js": [3, 2]])
        #expect(report.problems == [
            EvidenceProblem(
                file: "lcov-lf-lh-disagree.info", line: 7,
                message: "lib/parse.js: LF:4 at line 7, but the record has 3 distinct DA lines"),
            EvidenceProblem(
                file: "lcov-lf-lh-disagree.info", line: 8,
                message: "lib/parse.js: LH:3 at line 8, but 2 distinct DA lines have a count above 0"),
        ])
    }

    @Test func badCountsAndStrayLinesAreProblemsWithLines() throws {
        let report = try Self.parseFixture("lcov-bad-counts.info")
        #expect(report.recognized)
        // x.py: line 1 negative (found, not hit), 4 beyond Int (hit), 5 with a checksum (hit).
        #expect(Self.counts(report) == ["src/x.py": [3, 2], "src/y.py": [1, 0]])
        #expect(report.problems.map(\.line) == [1, 3, 4, 5, 6, 7, 10, 11, 15])
        let messages = report.problems.map(\.message)
        #expect(messages[0] == "DA: outside a record (no SF: line before it)")
        #expect(messages[1] == "the record for src/x.py at line 3 has no end_of_record before line 12")
        #expect(messages[2] == "DA: negative count -1 for line 1; counted as not hit")
        #expect(messages[3] == "DA: count \"many\" for line 2 is not a number; skipped")
        #expect(messages[4] == "DA: expected <line>,<count>, found \"3\"")
        #expect(messages[5] == "DA: expected <line>,<count>, found \"abc,1\"")
        #expect(messages[6] == "LF: \"seven\" is not a count")
        #expect(messages[7] == "not an lcov record line: \"this is not lcov\"")
        #expect(messages[8] == "end_of_record without a record (no SF: line before it)")
    }

    @Test func invalidUTF8IsReadWithReplacementAndReported() throws {
        let report = try Self.parseFixture("lcov-invalid-utf8.info")
        #expect(report.recognized)
        #expect(report.files.map(\.path) == ["src/café-\u{FFFD}.c"])
        #expect(totals(report) == [2, 1])
        #expect(report.problems == [
            EvidenceProblem(file: "lcov-invalid-utf8.info", line: 2, message: "invalid UTF-8; read with replacement characters")
        ])
    }

    @Test func emptyAndBinaryInputAreProblemsNotCoverage() throws {
        let empty = try Self.parseFixture("empty.txt")
        #expect(!empty.recognized)
        #expect(empty.format == nil)
        #expect(empty.problems == [EvidenceProblem(file: "empty.txt", line: nil, message: "empty: no lcov data")])
        let binary = try Self.parseFixture("binary.bin")
        #expect(!binary.recognized)
        // A PNG header: "\u{89}PNG" is not UTF-8, and the NUL bytes follow on line 3.
        #expect(binary.problems.map(\.message) == [
            "invalid UTF-8; read with replacement characters", "binary data (NUL bytes); such lines are ignored",
        ])
        #expect(binary.problems.map(\.line) == [1, 3])
        #expect(binary.files.isEmpty)
    }

    @Test func otherTextIsNotLcovAndNotAProblem() {
        let report = Self.parse("# Notes\n\nSome text: with a colon.\n")
        #expect(!report.recognized)
        #expect(report.problems.isEmpty)
        #expect(report.linesFound == 0)
        #expect(report.percent == nil)
    }

    @Test func crlfLineEndsAndSpacesAreAccepted() {
        let report = Self.parse("TN:\r\nSF:a.c\r\n DA:1,1 \r\nDA:2,0\r\nLF:2\r\nLH:1\r\nend_of_record\r\n")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["a.c": [2, 1]])
        #expect(report.percent == 50)
    }

    @Test func emptyPathRecordIsSkippedWithAProblem() {
        let report = Self.parse("SF:\nDA:1,1\nend_of_record\nSF:b.c\nDA:1,0\nend_of_record\n")
        #expect(Self.counts(report) == ["b.c": [1, 0]])
        #expect(report.problems.map(\.message) == ["SF: without a path; the record is skipped"])
    }

    @Test func largeTracefileStreamsWithExactTotals() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lcov-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("large.info")
        var text = ""
        for file in 0..<200 {
            text += "TN:t\nSF:src/f\(file).c\n"
            for line in 1...500 { text += "DA:\(line),\(line % 4 == 0 ? 0 : line)\n" }
            text += "LF:500\nLH:375\nend_of_record\n"
        }
        try Data(text.utf8).write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let report = LcovParser.parse(handle: handle, file: "large.info")
        #expect(report.problems.isEmpty)
        #expect(report.files.count == 200)
        #expect(totals(report) == [100_000, 75_000])
        #expect(report.percent == 75)
    }

    // MARK: Properties

    /// A record: file index, test name index, (line, count) pairs.
    static let record = zip(
        Gen<Int>.int(in: 0...3), Gen<Int>.int(in: 0...2),
        zip(Gen<Int>.int(in: 1...40), Gen<Int>.int(in: 0...3)).array(of: 0...12))

    @Test func randomTracefilesRoundTripTheirTotals() async {
        await propertyCheck(input: Self.record.array(of: 0...10)) { records in
            var text = ""
            var found: [String: Set<Int>] = [:]
            var hit: [String: Set<Int>] = [:]
            for (file, test, lines) in records {
                let path = "src/file\(file).c"
                text += "TN:test\(test)\nSF:\(path)\n"
                found[path, default: []].formUnion([])
                var recordFound = Set<Int>()
                var recordHit = Set<Int>()
                for (line, count) in lines {
                    text += "DA:\(line),\(count)\n"
                    recordFound.insert(line)
                    if count > 0 { recordHit.insert(line) }
                    if line % 3 == 0 { text += "FNDA:\(count),f\(line)\nBRDA:\(line),0,0,-\n" }
                }
                text += "LF:\(recordFound.count)\nLH:\(recordHit.count)\nend_of_record\n"
                found[path, default: []].formUnion(recordFound)
                hit[path, default: []].formUnion(recordHit)
            }
            let report = Self.parse(text)
            #expect(report.problems.map(\.message) == (records.isEmpty ? ["empty: no lcov data"] : []))
            #expect(report.recognized == !records.isEmpty)
            #expect(report.files.map(\.path) == found.keys.sorted())
            for file in report.files {
                #expect(file.linesFound == found[file.path]?.count)
                #expect(file.linesHit == hit[file.path]?.count)
            }
            #expect(report.linesFound == found.values.reduce(0) { $0 + $1.count })
            #expect(report.linesHit == hit.values.reduce(0) { $0 + $1.count })
        }
    }

    @Test func arbitraryBytesNeverCrashAndProblemsStayBounded() async {
        let fragments: [[UInt8]] = [
            Array("TN:x\n".utf8), Array("SF:a.c\n".utf8), Array("DA:1,1\n".utf8), Array("DA:-2,x\n".utf8),
            Array("LF:3\n".utf8), Array("end_of_record\n".utf8), [0xFF, 0xFE], [0], Array("\r\n".utf8), Array(",:".utf8),
        ]
        let fragment = Gen<[UInt8]?>.element(of: fragments).compactMap { $0 }
        await propertyCheck(count: 300, input: fragment.array(of: 0...60).map { $0.flatMap { $0 } }) { bytes in
            let report = LcovParser.parse(data: Data(bytes), file: "r.info")
            #expect(report.problems.count <= EvidenceProblemLog.limit * 2 + 2)
            #expect(report.linesHit <= report.linesFound)
            _ = LcovParser.sniff(Data(bytes))
        }
    }
}

/// Lines found and hit in total.
private func totals(_ report: CoverageReport) -> [Int] { [report.linesFound, report.linesHit] }
