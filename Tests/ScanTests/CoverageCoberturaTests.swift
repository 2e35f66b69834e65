import Foundation
import PropertyBased
import Testing
@testable import Scan

struct CoverageCoberturaTests {
    /// Parses `Tests/Fixtures/coverage/<name>` through a file handle, as the scanner does.
    static func parseFixture(_ name: String) throws -> CoverageReport {
        let handle = try FileHandle(forReadingFrom: Fixtures.root.appendingPathComponent("coverage/\(name)"))
        defer { try? handle.close() }
        return CoberturaParser.parse(handle: handle, file: name)
    }

    static func parse(_ text: String) -> CoverageReport { CoberturaParser.parse(data: Data(text.utf8), file: "c.xml") }

    static func counts(_ report: CoverageReport) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, [$0.linesFound, $0.linesHit]) })
    }

    // MARK: Real tool output

    @Test func coveragePyXMLMatchesCoverageReport() throws {
        // `coverage report`: TOTAL 20 statements, 5 missed. The source is absolute, so names stay as written.
        let report = try Self.parseFixture("coveragepy.xml")
        #expect(report.format == .cobertura)
        #expect(report.recognized)
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["calc/__init__.py": [0, 0], "calc/arith.py": [9, 6], "calc/text.py": [11, 9]])
        #expect(totals(report) == [20, 15])
        #expect(report.percent == 75)
        #expect(report.statementsFound == nil)
    }

    @Test func coveragePyBranchXMLCountsLinesNotBranches() throws {
        let report = try Self.parseFixture("coveragepy-branch.xml")
        #expect(report.problems.isEmpty)
        #expect(report.files.count == 5)
        #expect(Self.counts(report)["tests/test_calc.py"] == [20, 18])
        #expect(totals(report) == [40, 33])
    }

    @Test func coveragePyRelativeFilesWritesAnEmptySourceThatIsIgnored() throws {
        let report = try Self.parseFixture("coveragepy-relative-files.xml")
        #expect(report.problems.isEmpty)
        #expect(report.files.map(\.path) == ["calc/__init__.py", "calc/arith.py", "calc/text.py"])
        #expect(totals(report) == [20, 15])
    }

    @Test func gcovrMethodLinesAreNotCountedTwice() throws {
        // gcovr repeats each function's lines under <methods>; its root says lines-valid=17 lines-covered=14.
        let report = try Self.parseFixture("gcovr.xml")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["src/main.c": [8, 8], "src/mathx.c": [8, 5], "src/mathx.h": [1, 1]])
        #expect(totals(report) == [17, 14])
    }

    // MARK: Merging and paths

    @Test func classesSplitOverOneFileAreMergedPerLine() throws {
        let report = try Self.parseFixture("cobertura-split-class-methods.xml")
        #expect(report.recognized)
        // Cart and Cart$Line share Cart.java; line 9 is missed in one and hit in the other.
        #expect(Self.counts(report) == ["com/example/cart/Cart.java": [7, 5], "com/example/cart/Empty.java": [0, 0]])
        #expect(report.problems == [
            EvidenceProblem(
                file: "cobertura-split-class-methods.xml", line: 4,
                message: "coverage at line 4 declares lines-valid=8 but the file lists 7 distinct lines")
        ])
    }

    @Test func oneRelativeSourceIsJoinedToFilenames() throws {
        let report = try Self.parseFixture("cobertura-relative-source.xml")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["src/app/main.py": [3, 2], "src/app/util.py": [2, 1]])
    }

    @Test func severalSourcesLeaveFilenamesAsWritten() throws {
        let report = try Self.parseFixture("cobertura-multiple-sources.xml")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["/abs/lib/b.py": [1, 1], "a.py": [2, 1]])
    }

    @Test func sourceResolutionIsConservative() {
        #expect(CoberturaParser.resolve("a/b.py", sources: ["src"]) == "src/a/b.py")
        #expect(CoberturaParser.resolve("./a/b.py", sources: ["./src/", ""]) == "src/a/b.py")
        #expect(CoberturaParser.resolve("a/b.py", sources: ["."]) == "a/b.py")
        #expect(CoberturaParser.resolve("a/b.py", sources: ["/home/ci/project"]) == "a/b.py")
        #expect(CoberturaParser.resolve("a\\b.cs", sources: ["C:\\build\\src"]) == "a\\b.cs")
        #expect(CoberturaParser.resolve("a/b.py", sources: ["src", "lib"]) == "a/b.py")
        #expect(CoberturaParser.resolve("/abs/b.py", sources: ["src"]) == "/abs/b.py")
        #expect(CoberturaParser.resolve("a/b.py", sources: []) == "a/b.py")
        #expect(CoberturaParser.resolve("../x/b.py", sources: ["src"]) == "src/../x/b.py")
    }

    @Test func sourcesAfterPackagesStillApply() {
        let report = Self.parse("""
            <coverage line-rate="1"><packages><package><classes><class filename="m.py"><lines>
            <line number="1" hits="1"/></lines></class></classes></package></packages>
            <sources><source>lib</source></sources></coverage>
            """)
        #expect(Self.counts(report) == ["lib/m.py": [1, 1]])
    }

    // MARK: Broken input

    @Test func wrongTotalsBadAttributesAndMissingFilenameAreProblems() throws {
        let report = try Self.parseFixture("cobertura-wrong-totals.xml")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["pkg/a.py": [2, 1]])
        #expect(report.problems.map(\.message) == [
            "pkg/a.py line 2: negative hits=\"-3\" at line 9; counted as not hit",
            "pkg/a.py line 3: hits=\"x\" at line 10 is not a count; skipped",
            "line element at line 11 has number=\"y\", not a line number; skipped",
            "class \"nameless\" at line 14 has no filename; its lines are skipped",
            "coverage at line 2 declares lines-valid=10 but the file lists 2 distinct lines",
            "coverage at line 2 declares lines-covered=\"many\", not a count; the file lists 1",
        ])
        #expect(report.problems.map(\.line) == [9, 10, 11, 14, 2, 2])
    }

    @Test func truncatedDocumentKeepsTheLinesBeforeTheCut() throws {
        let report = try Self.parseFixture("cobertura-truncated.xml")
        #expect(report.recognized)
        // The document ends inside `<line number="8" hits="1`; a tag that never closes must not count.
        #expect(Self.counts(report) == ["calc/__init__.py": [0, 0], "calc/arith.py": [5, 4]])
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.message.hasPrefix("malformed XML at line") == true)
    }

    @Test func malformedXMLIsAProblemWithItsLine() {
        let report = Self.parse("<coverage line-rate=\"1\">\n<packages>\n<class filename=\"a\"><lines><line number=\"1\" hits=\"1\"/></lines></klass>\n")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["a": [1, 1]])
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.line == 3)
        #expect(report.problems.first?.message.contains("malformed XML at line 3") == true)
    }

    @Test func emptyBinaryAndNonXMLInputAreProblems() throws {
        let empty = try Self.parseFixture("empty.txt")
        #expect(!empty.recognized)
        #expect(empty.problems.map(\.message) == ["empty: no XML"])
        let binary = try Self.parseFixture("binary.bin")
        #expect(!binary.recognized)
        // A PNG header: not markup, so the scan stops at its first byte, before any text is decoded.
        #expect(binary.problems.map(\.message) == ["malformed XML at line 1: no root element: the file does not start with an XML tag"])
        let text = Self.parse("just some text\n")
        #expect(!text.recognized)
        #expect(text.problems.count == 1)
    }

    @Test func invalidUTF8InAnAttributeValueIsReplacedAndReported() {
        var bytes = Array("<coverage line-rate=\"1\">\n<packages><class filename=\"a".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"><lines><line number=\"1\" hits=\"1\"/></lines></class></packages></coverage>".utf8)
        let report = CoberturaParser.parse(data: Data(bytes), file: "u.xml")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["a\u{FFFD}\u{FFFD}": [1, 1]])
        #expect(report.problems == [
            EvidenceProblem(file: "u.xml", line: 2, message: "invalid UTF-8 at line 2; read with replacement characters")
        ])
    }

    @Test func invalidUTF8InAnElementNameDoesNotCrash() {
        // Foundation's XMLParser on Linux trapped on such a name; the tag is simply not a `class`.
        var bytes = Array("<coverage line-rate=\"1\"><packages><cl".utf8)
        bytes += [0xFF]
        bytes += Array("ass filename=\"b\"/><class filename=\"c\"><line number=\"4\" hits=\"0\"/></class></packages></coverage>".utf8)
        let report = CoberturaParser.parse(data: Data(bytes), file: "n.xml")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["c": [1, 0]])
        #expect(report.problems.map(\.message) == ["invalid UTF-8 at line 1; read with replacement characters"])
    }

    @Test func invalidUTF8InAnAttributeNameOrEndTagDoesNotCrash() {
        // The attribute is not `number`, so the line is skipped; the byte in the end tag must match its start tag.
        var bytes = Array("<coverage line-rate=\"1\"><packages><class filename=\"a\"><line num".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("ber=\"3\" hits=\"1\"/><line number=\"4\" hits=\"1\"/>\n<x".utf8)
        bytes += [0xFF]
        bytes += Array(" y=\"1\"></x".utf8)
        bytes += [0xFF]
        bytes += Array("></class></packages></coverage>".utf8)
        let report = CoberturaParser.parse(data: Data(bytes), file: "n.xml")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["a": [1, 1]])
        #expect(report.problems.map(\.message) == [
            "invalid UTF-8 at line 1; read with replacement characters",
            "line element at line 1 has number=\"\", not a line number; skipped",
        ])
    }

    @Test func invalidUTF8InTheRootNameIsNotCobertura() {
        var bytes = Array("<cover".utf8)
        bytes += [0xFE]
        bytes += Array("age line-rate=\"1\"><packages/></cover".utf8)
        bytes += [0xFE]
        bytes += Array("age>".utf8)
        let report = CoberturaParser.parse(data: Data(bytes), file: "r.xml")
        #expect(!report.recognized)
        #expect(report.problems.map(\.line) == [1])
    }

    @Test func doctypeEntitiesAreNeverExpanded() {
        // A billion-laughs subset: expanding `&lol6;` would take 10^6 copies; it must stay as written.
        let entities = (1...6).map { level in
            "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }.joined(separator: "\n")
        let report = Self.parse("""
            <?xml version="1.0"?>
            <!DOCTYPE coverage [
            <!ENTITY lol0 "lol">
            \(entities)
            <!ENTITY src "expanded">
            <!ELEMENT coverage ANY>
            <!ATTLIST coverage note CDATA "]>">
            ]>
            <coverage lines-valid="2" lines-covered="1"><sources><source>&src;</source></sources><packages>
            <class filename="&lol6;.py"><lines><line number="1" hits="1"/><line number="2" hits="0"/></lines></class>
            </packages></coverage>
            """)
        #expect(report.recognized)
        #expect(report.problems.isEmpty)
        // An unknown entity is kept as written; the source is relative, so it is joined.
        #expect(Self.counts(report) == ["&src;/&lol6;.py": [2, 1]])
    }

    @Test func latin1DocumentsAreDecoded() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<coverage line-rate=\"1\"><packages><class filename=\"caf".utf8)
        bytes += [0xE9]
        bytes += Array(".py\"><lines><line number=\"1\" hits=\"2\"/></lines></class></packages></coverage>".utf8)
        let report = CoberturaParser.parse(data: Data(bytes), file: "l.xml")
        #expect(report.problems.isEmpty)
        #expect(Self.counts(report) == ["café.py": [1, 1]])
    }

    @Test func otherXMLIsNotCoberturaAndNotAProblem() {
        let junit = Self.parse("<testsuites><testsuite name=\"a\" tests=\"0\"/></testsuites>")
        #expect(!junit.recognized)
        #expect(junit.problems.isEmpty)
        // Clover's root is also `coverage`.
        let clover = Self.parse("<coverage generated=\"1\" clover=\"4.4.1\"><project timestamp=\"1\"><metrics statements=\"3\"/></project></coverage>")
        #expect(!clover.recognized)
        #expect(clover.problems.isEmpty)
        #expect(clover.format == nil)
    }

    @Test func rootWithoutRatesIsRecognizedByItsChildren() {
        let report = Self.parse("<coverage><sources/><packages><package><classes><class filename=\"x.c\"><lines><line number=\"3\" hits=\"0\"/></lines></class></classes></package></packages></coverage>")
        #expect(report.recognized)
        #expect(Self.counts(report) == ["x.c": [1, 0]])
        #expect(report.problems.isEmpty)
    }

    @Test func doctypeIsNotFetched() {
        let report = Self.parse("""
            <?xml version="1.0"?>
            <!DOCTYPE coverage SYSTEM "http://127.0.0.1:9/coverage-04.dtd">
            <coverage lines-valid="1" lines-covered="1"><packages/></coverage>
            """)
        #expect(report.recognized)
        #expect(report.problems.map(\.message) == [
            "coverage at line 3 declares lines-valid=1 but the file lists 0 distinct lines",
            "coverage at line 3 declares lines-covered=1 but the file lists 0 distinct lines with hits",
        ])
    }

    // MARK: Properties

    /// A class: file index, and (line, hits, repeated under a method) triples.
    static let classElement = zip(
        Gen<Int>.int(in: 0...2), zip(Gen<Int>.int(in: 1...30), Gen<Int>.int(in: 0...2), Gen.bool()).array(of: 0...10))

    @Test func randomDocumentsRoundTripTheirTotals() async {
        await propertyCheck(input: Self.classElement.array(of: 0...8)) { classes in
            var found: [String: Set<Int>] = [:]
            var hit: [String: Set<Int>] = [:]
            var body = ""
            for (file, lines) in classes {
                let path = "pkg/f\(file).py"
                found[path, default: []].formUnion([])
                let inMethods = lines.filter(\.2).map { "<line number=\"\($0.0)\" hits=\"\($0.1)\"/>" }.joined()
                let own = lines.map { "<line number=\"\($0.0)\" hits=\"\($0.1)\" branch=\"false\"/>" }.joined(separator: "\n")
                body += "<class name=\"c\" filename=\"\(path)\"><methods><method name=\"m\"><lines>\(inMethods)</lines></method></methods>\n<lines>\n\(own)\n</lines></class>\n"
                for (line, hits, _) in lines {
                    found[path, default: []].insert(line)
                    if hits > 0 { hit[path, default: []].insert(line) }
                }
            }
            let totalFound = found.values.reduce(0) { $0 + $1.count }
            let totalHit = hit.values.reduce(0) { $0 + $1.count }
            let document = """
                <?xml version="1.0" ?>
                <coverage lines-valid="\(totalFound)" lines-covered="\(totalHit)" line-rate="0">
                <sources><source>/work</source></sources><packages><package name="pkg"><classes>
                \(body)</classes></package></packages></coverage>
                """
            let report = Self.parse(document)
            #expect(report.problems.isEmpty)
            #expect(report.files.map(\.path) == found.keys.sorted())
            for file in report.files {
                #expect(file.linesFound == found[file.path]?.count)
                #expect(file.linesHit == (hit[file.path]?.count ?? 0))
            }
            #expect(totals(report) == [totalFound, totalHit])
        }
    }

    @Test func arbitraryBytesNeverCrash() async {
        let fragments: [[UInt8]] = [
            Array("<coverage line-rate=\"1\">".utf8), Array("<class filename=\"a\">".utf8), Array("<line number=\"2\" hits=\"1\"/>".utf8),
            Array("</class>".utf8), Array("<lines>".utf8), Array("</coverage>".utf8), [0xFF], [0], Array("\n".utf8), Array("<".utf8),
        ]
        let fragment = Gen<[UInt8]?>.element(of: fragments).compactMap { $0 }
        await propertyCheck(count: 200, input: fragment.array(of: 0...30).map { $0.flatMap { $0 } }) { bytes in
            let report = CoberturaParser.parse(data: Data(bytes), file: "r.xml")
            #expect(report.linesHit <= report.linesFound)
            _ = CoberturaParser.sniff(Data(bytes))
        }
    }
}

/// Lines found and hit in total.
private func totals(_ report: CoverageReport) -> [Int] { [report.linesFound, report.linesHit] }
