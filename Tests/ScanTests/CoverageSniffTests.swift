import Foundation
import PropertyBased
import Testing
@testable import Scan

/// The three `sniff` functions, both ways: each accepts its own real files, cut anywhere past the
/// bytes that decide, and refuses every other fixture in the repository.
struct CoverageSniffTests {
    enum Format: String, CaseIterable {
        case lcov, cobertura, go

        func sniff(_ head: Data) -> Bool {
            switch self {
            case .lcov: LcovParser.sniff(head)
            case .cobertura: CoberturaParser.sniff(head)
            case .go: GoCoverprofileParser.sniff(head)
            }
        }
    }

    static let own: [Format: [String]] = [
        .lcov: [
            "coveragepy.lcov", "coveragepy-branch.lcov", "lcov-capture.info", "lcov-two-tests.info", "gcovr.info",
            "lcov-lf-lh-disagree.info", "lcov-truncated.info", "lcov-invalid-utf8.info",
        ],
        .cobertura: [
            "coveragepy.xml", "coveragepy-branch.xml", "coveragepy-relative-files.xml", "gcovr.xml",
            "cobertura-split-class-methods.xml", "cobertura-relative-source.xml", "cobertura-multiple-sources.xml",
            "cobertura-wrong-totals.xml", "cobertura-truncated.xml",
        ],
        .go: ["go-set.out", "go-count.out", "go-coverpkg-atomic.out", "go-concatenated.out", "go-bad-lines.out"],
    ]

    /// The first 8 KiB, as the caller hands them over.
    static func head(_ relative: String) throws -> Data {
        try Data(contentsOf: Fixtures.root.appendingPathComponent(relative)).prefix(8192)
    }

    /// Every fixture that is not coverage: test results, Markdown, READMEs.
    static func otherFixtures() throws -> [String] {
        var names: [String] = []
        for folder in ["junit", "gotest", "tap", "masterlist"] {
            let url = Fixtures.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                names.append("\(folder)/\(name)")
            }
        }
        return names + ["coverage/README.md", "coverage/empty.txt", "coverage/binary.bin"]
    }

    @Test(arguments: Format.allCases)
    func sniffAcceptsItsOwnFixturesAndNoOthers(format: Format) throws {
        for (owner, names) in Self.own {
            for name in names {
                let head = try Self.head("coverage/\(name)")
                #expect(format.sniff(head) == (owner == format), "\(format) on \(name)")
            }
        }
        for name in try Self.otherFixtures() {
            #expect(!format.sniff(try Self.head(name)), "\(format) on \(name)")
        }
    }

    @Test func ordinaryTextIsNoCoverage() {
        let texts = [
            "", "\n\n", "# Coverage\n\nSF: is a record key in lcov.\n", "TN: notes\nSome prose: here\n",
            "mode: setting things up\n", "Mode: set\n", "PASS\nok  \texample.com/x\t0.1s\n",
            "<?xml version=\"1.0\"?>\n<testsuites tests=\"1\"/>", "<coverage>\n<project/></coverage>",
            "<coverage clover=\"4\" generated=\"1\">", "<coverageX line-rate=\"1\">", "<!-- <coverage line-rate=\"1\"> -->",
        ]
        for text in texts {
            for format in Format.allCases {
                #expect(!format.sniff(Data(text.utf8)), "\(format) on \(text.debugDescription)")
            }
        }
    }

    @Test func minimalDocumentsAreRecognized() {
        #expect(LcovParser.sniff(Data("SF:a.c\nend_of_record\n".utf8)))
        #expect(LcovParser.sniff(Data("\u{FEFF}TN:\r\nSF:a.c\r\nDA:1,1\r\n".utf8)))
        #expect(GoCoverprofileParser.sniff(Data("\nmode: atomic\r\n".utf8)))
        #expect(GoCoverprofileParser.sniff(Data("mode: set".utf8)))
        #expect(CoberturaParser.sniff(Data("<coverage lines-valid=\"0\"/>".utf8)))
        #expect(CoberturaParser.sniff(Data("<?xml version='1.0'?><!-- x --><coverage>\n  <!-- y -->\n  <packages/>".utf8)))
        #expect(CoberturaParser.sniff(Data("<!DOCTYPE coverage SYSTEM 'http://cobertura.sourceforge.net/xml/coverage-04.dtd'>\n<coverage>".utf8)))
    }

    @Test func headsCutAnywherePastTheDecidingBytesAreStillRecognized() throws {
        // Cut points: after the first SF line (lcov), the mode line (Go), the `line-rate=` attribute (coverage.py).
        let cases: [(Format, String, Int)] = [
            (.lcov, "lcov-two-tests.info", 33), (.lcov, "coveragepy.lcov", 21),
            (.go, "go-coverpkg-atomic.out", 13), (.cobertura, "coveragepy.xml", 140), (.cobertura, "gcovr.xml", 209),
        ]
        for (format, name, from) in cases {
            let data = try Self.head("coverage/\(name)")
            for length in from...data.count {
                #expect(format.sniff(data.prefix(length)), "\(format) on \(name) cut at \(length)")
            }
        }
    }

    @Test func arbitraryBytesNeverCrashTheSniffers() async {
        await propertyCheck(count: 300, input: Gen<UInt8>.value(in: 0...255).array(of: 0...200)) { bytes in
            for format in Format.allCases { _ = format.sniff(Data(bytes)) }
        }
    }
}
