import Foundation
import PhaseModel
import Testing
@testable import Scan

/// The XML reader under the JUnit parser, observed through the cases and problems it produces.
struct XMLScannerTests {
    func parse(_ text: String) -> (summary: JUnitSummary, cases: [TestCaseResult]) {
        parse(Data(text.utf8))
    }

    func parse(_ data: Data) -> (summary: JUnitSummary, cases: [TestCaseResult]) {
        var cases: [TestCaseResult] = []
        let summary = JUnitParser.parse(data: data, file: "x.xml") { cases.append($0) }
        return (summary, cases)
    }

    @Test func declarationCommentsProcessingInstructionsAndDoctypeAreSkipped() {
        let run = parse("""
            \u{FEFF}<?xml version="1.0"?>
            <!-- produced by a tool -->
            <?xml-stylesheet href="x.xsl"?>
            <!DOCTYPE testsuite [ <!ENTITY boom "&boom;&boom;"> <!ELEMENT x ANY> ]>
            <testsuite name="S"><!-- a > b --><testcase name="a&amp;b &#x263A; &#65;"/></testsuite>
            <!-- after the root -->
            """)
        #expect(run.cases.map(\.name) == ["a&b ☺ A"])
        #expect(run.summary.problems.isEmpty)
    }

    @Test func entitiesAreNeverExpandedFromTheDoctype() {
        let run = parse("<!DOCTYPE t [<!ENTITY x \"boom\">]><testsuite><testcase name=\"&x;\"/></testsuite>")
        // Unknown entities are kept as written.
        #expect(run.cases.map(\.name) == ["&x;"])
    }

    @Test func attributeValuesNormaliseWhitespaceButKeepCharacterReferences() {
        let run = parse("<testsuite><testcase name=\"a\tb\r\nc&#10;d\" classname='q\"uote'/></testsuite>")
        #expect(run.cases.first?.name == "a b c\nd")
        #expect(run.cases.first?.suite == "q\"uote")
    }

    @Test func cdataAndTextMessagesSurviveChunkBoundaries() {
        // Place the CDATA and an entity right across the 1 MiB read boundary at several offsets.
        for shift in [-12, -5, -2, 0, 1, 3, 9] {
            let head = "<testsuite><testcase name=\"t\"><failure><![CDATA[x <y> é]]> &amp; tail</failure></testcase></testsuite>"
            let padding = XMLByteSource.chunkSize - 40 + shift
            let text = "<!--" + String(repeating: "p", count: padding) + "-->" + head
            let run = parse(text)
            #expect(run.cases.first?.message == "x <y> é & tail", "shift \(shift)")
            #expect(run.summary.problems.isEmpty, "shift \(shift)")
        }
    }

    @Test func aLatin1DeclaredDocumentIsDecoded() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><testsuite><testcase name=\"caf".utf8)
        bytes += [0xE9]
        bytes += Array("\"/></testsuite>".utf8)
        let run = parse(Data(bytes))
        #expect(run.cases.first?.name == "café")
        #expect(run.summary.problems.isEmpty)
    }

    @Test(arguments: [
        ("<testsuite><testcase name=\"a\" name=\"b\"/></testsuite>", "attribute 'name' given twice"),
        ("<testsuite><testcase name=a/></testsuite>", "attribute value not quoted"),
        ("<testsuite><testcase name/></testsuite>", "attribute without a value"),
        ("<testsuite><testcase name=\"<\"/></testsuite>", "'<' inside an attribute value"),
        ("<testsuite></testsuite><testsuite/>", "a second root element"),
        ("<testsuite></testsuite> tail", "text after the root element"),
        ("<testsuite><a></b></testsuite>", "opening and ending tag mismatch: <a> closed by </b>"),
        ("<testsuite><!-- never closed", "the document ends inside a comment"),
        ("<testsuite><testcase><failure><![CDATA[never", "the document ends inside CDATA"),
        ("<testsuite><testcase name=\"x", "the document ends inside a tag"),
        ("<testsuite>< x/></testsuite>", "'<' not followed by a tag name"),
        ("<?xml version=\"1.0\" encoding=\"EBCDIC\"?><testsuite/>", "unsupported encoding 'ebcdic'"),
    ])
    func malformedDocumentsNameTheReason(text: String, reason: String) {
        let run = parse(text)
        #expect(run.summary.problems.count == 1)
        #expect(run.summary.problems.first?.message.contains(reason) == true, "\(run.summary.problems)")
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithAByteOrderMarkIsReadLikeUTF8(encoding: String.Encoding) throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<testsuite>\r\n<testcase name=\"é 😀\"/></testsuite>"
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let run = parse(Data(mark) + (try #require(text.data(using: encoding))))
        #expect(run.cases.map(\.name) == ["é 😀"])
        #expect(run.cases.first?.source == .file("x.xml", line: 3))
        #expect(run.summary.problems.isEmpty)
    }

    @Test func brokenUTF16IsReportedNotDropped() {
        // A lone high surrogate (D800) inside the name.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Array("<testsuite><testcase name=\"a".utf16) + [0xD800] + Array("b\"/></testsuite>".utf16) {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let run = parse(Data(bytes))
        #expect(run.cases.map(\.name) == ["a\u{FFFD}b"])
        #expect(run.summary.problems.map(\.line) == [1])
        #expect(run.summary.problems.first?.message.contains("invalid UTF-8") == true)
    }

    @Test func utf16WithoutAByteOrderMarkIsNotRead() throws {
        let run = parse(try #require("<testsuite><testcase name=\"a\"/></testsuite>".data(using: .utf16LittleEndian)))
        #expect(run.cases.isEmpty)
        #expect(!run.summary.problems.isEmpty)
    }

    @Test func aUTF8DocumentThatDeclaresUTF16IsStillRefused() {
        let run = parse("<?xml version=\"1.0\" encoding=\"UTF-16\"?><testsuite/>")
        #expect(run.summary.problems.first?.message.contains("unsupported encoding 'utf-16'") == true)
    }

    @Test func aTagWithoutEndIsBoundedNotBuffered() {
        let text = "<testsuite><testcase name=\"" + String(repeating: "a", count: 40 << 20)
        let run = parse(text)
        #expect(run.summary.problems.count == 1)
        #expect(run.summary.problems.first?.message.contains("longer than") == true)
    }

    @Test func linesCountEveryNewlineBeforeATag() {
        let run = parse("<testsuite>\n<!--\n\n-->\n<![CDATA[\n]]>\n<testcase\nname=\"a\"/></testsuite>")
        #expect(run.cases.first?.source == .file("x.xml", line: 7))
    }
}

extension XMLScannerTests {
    @Test(arguments: [
        (" 1,234.5 ", 1234.5), ("0.25", 0.25), ("1e3", 1000), ("-0", 0), ("0x10", nil), ("inf", nil), ("nan", nil),
        ("1 2", nil), ("", nil), ("  ", nil), ("12s", nil),
    ] as [(String, Double?)])
    func durationsAreDecimalNumbersOnly(text: String, expected: Double?) {
        #expect(DecimalText.parse(text) == expected)
        let run = parse("<testsuite><testcase name=\"t\" time=\"\(text)\"/></testsuite>")
        #expect(run.cases.first?.duration == expected)
    }
}

extension XMLScannerTests {
    @Test func attributeValuesSurviveChunkBoundaries() {
        // A quoted value (holding '>' too) cut by the 1 MiB read boundary at several places.
        for shift in [-30, -17, -9, -1, 0, 2, 11] {
            let tag = "<testsuite><testcase name=\"a > b, still the name\" classname='C'/></testsuite>"
            let padding = XMLByteSource.chunkSize - 30 + shift
            let run = parse("<!--" + String(repeating: "p", count: padding) + "-->" + tag)
            #expect(run.cases.map(\.name) == ["a > b, still the name"], "shift \(shift)")
            #expect(run.summary.problems.isEmpty, "shift \(shift)")
        }
    }

    @Test func anUnclosedQuoteAtTheEndIsAProblemNotAHang() {
        let run = parse("<!--" + String(repeating: "p", count: XMLByteSource.chunkSize) + "--><testsuite><testcase name=\"open")
        #expect(run.summary.problems.map(\.message).first?.contains("ends inside a tag") == true)
    }
}

extension XMLScannerTests {
    @Test func commentsInsideTheDoctypeSubsetMayHoldQuotes() {
        let run = parse("<!DOCTYPE t [ <!-- don't ] stop --> <!ENTITY e 'x'> ]><testsuite><testcase name=\"a\"/></testsuite>")
        #expect(run.cases.map(\.name) == ["a"])
        #expect(run.summary.problems.isEmpty)
    }
}

extension XMLScannerTests {
    @Test func textKeepsItsNewlinesWhenEntitiesAreDecoded() {
        let run = parse("<testsuite><testcase name=\"t\"><failure>expected &lt;1&gt;\n\tat Foo.java:3\r\n\tat Bar.java:9</failure></testcase></testsuite>")
        #expect(run.cases.first?.message == "expected <1>\n\tat Foo.java:3\n\tat Bar.java:9")
    }
}
