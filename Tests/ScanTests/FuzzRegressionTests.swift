import Foundation
import PhaseModel
import Testing
import Scan
import TextSupport

/// Inputs on which a fuzz harness of `Fuzz/` (run by `scripts/fuzz`) found a parser trapping or
/// miscounting, read again through the same parser, without any fuzzing.
///
/// Each fixture in `Tests/Fixtures/hostile/fuzz/` is named after its harness (`tap-…`, `lcov-…`):
/// the parameterised test reads every one of them as that harness does, so a fixture added later
/// is covered without a new test; the named tests say what the parser must make of each input.
struct FuzzRegressionTests {
    static let folder = Fixtures.root.appendingPathComponent("hostile/fuzz")

    /// Harness names, longest first so `go-test-json-counts-…` is not taken for `go-test-json-…`.
    static let harnesses = [
        "go-test-json-counts", "go-test-json", "go-test-text", "junit-counts", "tap-counts", "go-coverprofile",
        "test-inventory", "configuration", "history-cache", "cobertura", "claims", "junit", "lcov", "helm", "tap", "xml",
    ]

    static var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func everyFixtureIsNamedAfterAHarness() {
        for name in Self.fixtures {
            #expect(Self.harnesses.contains { name.hasPrefix($0 + "-") }, "\(name) names no harness")
        }
    }

    @Test(arguments: fixtures)
    func fixtureIsReadWithoutTrapping(name: String) throws {
        let data = try Self.data(name)
        let harness = try #require(Self.harnesses.first { name.hasPrefix($0 + "-") })
        var cases = 0
        switch harness {
        case "xml", "junit":
            let summary = JUnitParser.parse(data: data, file: name) { _ in cases += 1 }
            #expect(summary.total == cases)
        case "cobertura":
            let report = CoberturaParser.parse(data: data, file: name)
            #expect(report.linesHit <= report.linesFound)
        case "go-test-json", "go-test-text":
            let summary = GoTestParser.parse(data: data, file: name) { _ in cases += 1 }
            #expect(summary.total == cases)
        case "tap":
            let summary = TAPParser.parse(data: data, file: name) { _ in cases += 1 }
            #expect(summary.total == cases)
        case "lcov":
            let report = LcovParser.parse(data: data, file: name)
            #expect(report.linesHit <= report.linesFound)
        case "go-coverprofile":
            let report = GoCoverprofileParser.parse(data: data, file: name)
            #expect(report.linesHit <= report.linesFound)
        case "helm":
            _ = HelmOutputParser.parse(data: data, file: name)
        case "claims":
            let text = String(decoding: data, as: UTF8.self)
            _ = ClaimNumberScanner.numbers(in: text)
            _ = ClaimPhraseScanner.claims(in: text)
            for claim in try Self.extractor().claims(inMarkdown: text, file: "docs/\(name)") {
                #expect((claim.source.line ?? 1) >= 1, "\(claim.kind) '\(claim.text)' at \(claim.source)")
            }
        case "test-inventory":
            _ = TestInventory.scan(data: data, path: "pkg/calc/calc_test.go")
        case "configuration":
            _ = try? ConfigurationLoader.load(yaml: String(decoding: data, as: UTF8.self), file: "phasecert.yml")
        default:
            // The differential harnesses build their documents from the bytes; their fixtures are
            // the documents they wrote, read by the named tests below.
            break
        }
    }

    /// The claims harness's workspace: one task in one phase.
    static func extractor() throws -> ClaimExtractor {
        let phase = Phase(id: "1", name: "Foundations", source: .file("PLAN.md", line: 3), tasks: ["PC-001"])
        let task = TaskRecord(id: "PC-001", title: "Parser", phase: "1", directories: ["tasks/PC-001-parser"])
        return ClaimExtractor(ids: try TaskIDPattern(), tasks: [task], phases: [phase])
    }

    /// `claims` harness: a line of text right before a table's header row, with no blank line
    /// between. cmark-gfm splits it off into a paragraph of its own without a position, and the
    /// file count in it was reported at line 0.
    @Test func paragraphSplitOffByATableKeepsItsLine() throws {
        let text = String(decoding: try Self.data("claims-table-splits-paragraph.md"), as: UTF8.self)
        let root = MarkdownParser.parse(text)
        let paragraph = try #require(root.children.first { $0.kind == .paragraph })
        #expect(paragraph.plainText.hasPrefix("1 файл"))
        #expect(paragraph.startLine == 5)
        #expect(root.children.allSatisfy { $0.startLine >= 1 && $0.endLine >= $0.startLine })

        let claims = try Self.extractor().claims(inMarkdown: text, file: "tasks/PC-001-parser/REPORT.md")
        let count = try #require(claims.first { $0.kind == .fileCount })
        #expect(count.text == "1 файл")
        #expect(count.source == .file("tasks/PC-001-parser/REPORT.md", line: 5))
        #expect(claims.allSatisfy { ($0.source.line ?? 1) >= 1 })
    }
}
