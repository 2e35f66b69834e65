import Foundation
import PropertyBased
import Testing
@testable import Scan

struct CoverageGoCoverprofileTests {
    /// Parses `Tests/Fixtures/coverage/<name>` through a file handle, as the scanner does.
    static func parseFixture(_ name: String) throws -> CoverageReport {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("coverage/\(name)"))
        defer { try? handle.close() }
        return GoCoverprofileParser.parse(handle: handle, file: name)
    }

    static func parse(_ text: String) -> CoverageReport { GoCoverprofileParser.parse(data: Data(text.utf8), file: "cover.out") }

    /// Per file: lines found, lines hit, statements found, statements hit.
    static func counts(_ report: CoverageReport) -> [String: [Int?]] {
        Dictionary(uniqueKeysWithValues: report.files.map {
            ($0.path, [$0.linesFound, $0.linesHit, $0.statementsFound, $0.statementsHit])
        })
    }

    static let shapes = "example.com/gocov/shapes/shapes.go"
    static let textutil = "example.com/gocov/textutil/textutil.go"

    /// `go tool cover -func` prints the statement total with one decimal.
    static func oneDecimal(_ percent: Double?) -> String? { percent.map { String(format: "%.1f", $0) } }

    // MARK: Real go test output

    @Test(arguments: ["go-set.out", "go-count.out"])
    func profileStatementTotalMatchesGoToolCoverFunc(name: String) throws {
        // `go tool cover -func`: total (statements) 47.1% = 8 of 17.
        let report = try Self.parseFixture(name)
        #expect(report.format == .goCoverprofile)
        #expect(report.recognized)
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == [Self.shapes: [16, 7, 10, 4], Self.textutil: [11, 6, 7, 4]])
        #expect(totals(report) == [27, 13])
        #expect(report.statementsFound == 17)
        #expect(report.statementsHit == 8)
        #expect(Self.oneDecimal(report.statementPercent) == "47.1")
        #expect(report.files.first { $0.path == Self.shapes }.flatMap(\.statementPercent) == 40)
    }

    @Test func coverpkgProfileMergesTheBlocksEachTestBinaryRepeats() throws {
        // Each of the two test binaries lists all 15 blocks; `go tool cover -func`: total 58.8% = 10 of 17.
        let report = try Self.parseFixture("go-coverpkg-atomic.out")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == [Self.shapes: [16, 7, 10, 4], Self.textutil: [11, 9, 7, 6]])
        #expect(totals(report) == [27, 16])
        #expect(report.statementsFound == 17)
        #expect(report.statementsHit == 10)
        #expect(Self.oneDecimal(report.statementPercent) == "58.8")
    }

    @Test func concatenatedProfilesWithARepeatedModeLineAreAccepted() throws {
        // `go tool cover` itself rejects the second `mode: count` line; the blocks are the same as go-count.out.
        let report = try Self.parseFixture("go-concatenated.out")
        #expect(report.problems.isEmpty)
        #expect(report == (try Self.parseFixture("go-count.out")))
    }

    // MARK: Broken input

    @Test func badLinesAreProblemsWithLinesAndTheRestIsRead() throws {
        let report = try Self.parseFixture("go-bad-lines.out")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["example.com/m/a.go": [3, 3, 1, 1], "example.com/m/b.go": [3, 0, 3, 0]])
        #expect([report.linesFound, report.linesHit, report.statementsFound ?? -1, report.statementsHit ?? -1] as [Int] == [6, 3, 4, 1])
        #expect(report.problems.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        let expected = "expected <file>:<line>.<col>,<line>.<col> <statements> <count>, found"
        #expect(report.problems.map(\.message) == [
            "example.com/m/a.go: block at line 3 has 2 statements here but 1 earlier; the first is kept",
            "block ends at line 6 before it starts at line 7; skipped",
            "\(expected) \"example.com/m/a.go:9.1 1 1\"",
            "count \"-4\" is not a non-negative number; block skipped",
            "\(expected) \"example.com/m/a.go:12.1,13.2 one 1\"",
            "\(expected) \":14.1,15.2 1 1\"",
            "\(expected) \"garbage\"",
            "mode: count at line 10 differs from the first mode: set; profiles of different modes were joined",
        ])
    }

    @Test func unknownModeIsAProblemButBlocksAreRead() {
        let report = Self.parse("mode: sometimes\na.go:1.1,2.2 1 1\n")
        #expect(report.recognized)
        #expect(report.linesHit == 2)
        #expect(report.problems.map(\.message) == ["unknown mode \"sometimes\"; expected set, count or atomic"])
    }

    @Test func profileWithOnlyAModeLineIsEmptyCoverage() {
        let report = Self.parse("mode: set\n")
        #expect(report.recognized)
        #expect(report.files.isEmpty)
        #expect(report.problems.isEmpty)
        #expect(report.statementsFound == 0)
        #expect(report.percent == nil)
        #expect(report.statementPercent == nil)
    }

    @Test func emptyBinaryAndOtherTextAreNotProfiles() throws {
        let empty = try Self.parseFixture("empty.txt")
        #expect(!empty.recognized)
        #expect(empty.problems.map(\.message) == ["empty: no coverprofile data"])
        let binary = try Self.parseFixture("binary.bin")
        #expect(!binary.recognized)
        // A PNG header: "\u{89}PNG" is not UTF-8, and the NUL bytes follow on line 3.
        #expect(binary.problems.map(\.message) == [
            "invalid UTF-8; read with replacement characters", "binary data (NUL bytes); such lines are ignored",
        ])
        #expect(binary.problems.map(\.line) == [1, 3])
        let text = Self.parse("ok  \texample.com/x\t0.01s\tcoverage: 50.0% of statements\nmode: set\n")
        #expect(!text.recognized)
        #expect(text.problems.isEmpty)
    }

    @Test func fileNamesMayHoldColonsAndDots() {
        let report = Self.parse("mode: count\nC:/go/src/v1.2:x/a.go:4.5,6.7 2 9\n")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["C:/go/src/v1.2:x/a.go": [3, 3, 2, 2]])
    }

    @Test func hugeValuesAreRefusedNotOverflowed() {
        let report = Self.parse("mode: set\na.go:1.1,99999999999.1 1 1\na.go:1.1,2.1 99999999999 1\na.go:5.1,5.9 1 99999999999999999999\n")
        #expect(report.problems.count == 2)
        #expect(Self.counts(report) == ["a.go": [1, 1, 1, 1]])
    }

    @Test func lineUnionCountsOverlapsOnce() {
        #expect(GoCoverprofileParser.linesCovered(by: []) == 0)
        #expect(GoCoverprofileParser.linesCovered(by: [1...3, 3...5, 7...7, 8...9, 2...2]) == 8)
    }

    // MARK: Properties

    /// A block: file index, start line, extra lines, count. Statements derive from the position, so a
    /// repeated block always repeats its statement count, as real profiles do.
    static let block = zip(Gen<Int>.int(in: 0...2), Gen<Int>.int(in: 1...30), Gen<Int>.int(in: 0...3), Gen<Int>.int(in: 0...2))

    @Test func randomProfilesRoundTripTheirTotals() async {
        await propertyCheck(input: Self.block.array(of: 0...30), Gen.bool()) { blocks, repeatMode in
            var text = "mode: count\n"
            var found: [String: Set<Int>] = [:]
            var hit: [String: Set<Int>] = [:]
            var statements: [String: Int] = [:]  // key: file + position
            var ran: Set<String> = []
            for (index, (file, start, extra, count)) in blocks.enumerated() {
                let path = "example.com/m/f\(file).go"
                let end = start + extra
                let numStmt = (start + extra) % 3
                let key = "\(path):\(start).2,\(end).9"
                text += "\(key) \(numStmt) \(count)\n"
                if repeatMode && index == blocks.count / 2 { text += "mode: count\n" }
                statements[key] = numStmt
                if count > 0 { ran.insert(key) }
                if found[path] == nil { found[path] = [] }
                if numStmt > 0 {
                    found[path, default: []].formUnion(start...end)
                    if count > 0 { hit[path, default: []].formUnion(start...end) }
                }
            }
            let report = Self.parse(text)
            #expect(report.problems.isEmpty)
            #expect(report.files.map(\.path) == found.keys.sorted())
            for file in report.files {
                #expect(file.linesFound == found[file.path]?.count)
                #expect(file.linesHit == (hit[file.path]?.count ?? 0))
            }
            #expect(report.statementsFound == statements.values.reduce(0, +))
            #expect(report.statementsHit == ran.reduce(0) { $0 + (statements[$1] ?? 0) })
            #expect(report.linesFound == found.values.reduce(0) { $0 + $1.count })
        }
    }

    @Test func arbitraryBytesNeverCrash() async {
        let fragments: [[UInt8]] = [
            Array("mode: set\n".utf8), Array("a.go:".utf8), Array("1.2,3.4 1 1\n".utf8), Array("9".utf8), Array(".".utf8),
            Array(",".utf8), Array(" ".utf8), Array("-".utf8), [0xFF], [0], Array("\n".utf8),
        ]
        let fragment = Gen<[UInt8]?>.element(of: fragments).compactMap { $0 }
        await propertyCheck(count: 300, input: fragment.array(of: 0...40).map { $0.flatMap { $0 } }) { bytes in
            let report = GoCoverprofileParser.parse(data: Data(bytes), file: "r.out")
            #expect(report.linesHit <= report.linesFound)
            #expect((report.statementsHit ?? 0) <= (report.statementsFound ?? 0))
            _ = GoCoverprofileParser.sniff(Data(bytes))
        }
    }
}

/// Lines found and hit in total.
private func totals(_ report: CoverageReport) -> [Int] { [report.linesFound, report.linesHit] }
