import Foundation
import Testing
import TestSupport
@testable import Scan

/// Every fixture is recognised as what it is, and nothing else is taken for evidence.
struct EvidenceSnifferTests {
    func kind(_ fixture: String) throws -> EvidenceKind? {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent(fixture))
        return EvidenceSniffer.kind(of: data.prefix(EvidenceSniffer.headLength))
    }

    @Test(arguments: [
        ("junit/gotestsum.xml", EvidenceKind.junit), ("junit/pytest-real.xml", .junit), ("junit/surefire-flaky.xml", .junit),
        ("junit/swift-testing.xml", .junit), ("junit/jest-junit.xml", .junit), ("junit/nested-suites.xml", .junit),
        ("junit/truncated.xml", .junit),
        ("gotest/json-pass-fail-skip-subtest-panic.jsonl", .goTestJSON), ("gotest/json-build-fail-go124.jsonl", .goTestJSON),
        ("gotest/verbose-pass-fail-skip-subtest-panic.txt", .goTestText),
        ("tap/node20-pass-fail-skip-todo-subtests.tap", .tap), ("tap/perl-todo-subtest-plan-at-end.tap", .tap),
        ("tap/skip-all-plan.tap", .tap),
        ("coverage/go-set.out", .goCoverprofile), ("coverage/lcov-capture.info", .lcov), ("coverage/coveragepy.lcov", .lcov),
        ("coverage/coveragepy.xml", .cobertura), ("coverage/gcovr.xml", .cobertura),
        ("helm/lint-v3.17.1-single-runs.txt", .helm), ("helm/template-v4.1.4.txt", .helm),
        ("hostile/junit-overlong-times.xml", .junit), ("hostile/junit-utf16le-bom.xml", .junit),
        ("hostile/junit-utf16be-bom.xml", .junit), ("hostile/gotest-json-spaced.jsonl", .goTestJSON),
        ("hostile/gotest-json-stderr-mixed.jsonl", .goTestJSON),
    ])
    func fixturesAreRecognised(fixture: String, expected: EvidenceKind) throws {
        #expect(try kind(fixture) == expected)
    }

    @Test(arguments: [
        "junit/not-junit.xml", "junit/garbage.xml", "junit/empty.xml", "junit/binary.xml", "coverage/binary.bin",
        "coverage/empty.txt", "masterlist/production.md", "junit/README.md", "helm/README.md",
    ])
    func otherFilesAreNotEvidence(fixture: String) throws {
        #expect(try kind(fixture) == nil)
    }

    @Test func proseThatMentionsFormatsIsNotEvidence() {
        for text in [
            "We ran go test and it said ok.\nThen FAIL came up.\n", "1..3 is the plan we use\n", "ok then\nnot ok\n",
            "{\"name\": \"package\", \"version\": 1}\n", "helm lint passed on all charts\n", "mode: fast\n",
        ] {
            #expect(EvidenceSniffer.kind(of: Data(text.utf8)) == nil, "\(text)")
        }
    }

    @Test func goTestJSONIsFoundAfterManyLinesOfStandardError() {
        let noise = String(repeating: "go: downloading example.com/some/module v1.2.3\n", count: 100)
        let event = #"{"Time": "2026-01-05T10:00:00Z", "Action": "run", "Package": "p", "Test": "TestA"}"# + "\n"
        #expect(EvidenceSniffer.kind(of: Data((noise + event).utf8)) == .goTestJSON)
        // An `Action` that test2json never writes, or none at all, is not go test.
        #expect(EvidenceSniffer.kind(of: Data(#"{"Action": "deploy", "Package": "p"}"#.utf8)) == nil)
        #expect(EvidenceSniffer.kind(of: Data(#"{"Action": null, "Package": "p"}"#.utf8)) == nil)
    }

    @Test func headOfAUTF16FileIsItsTextAsUTF8() throws {
        let url = Fixtures.root.appendingPathComponent("hostile/junit-utf16le-bom.xml")
        let head = try #require(EvidenceSniffer.head(of: url))
        #expect(head.starts(with: Array("<?xml".utf8)))
        #expect(EvidenceSniffer.kind(of: head) == .junit)
        // A long UTF-16 file still gives a full head, cut at `headLength`.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sniff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = folder.appendingPathComponent("long.xml")
        let text = "<testsuite>\n" + String(repeating: "<testcase name=\"é\"/>\n", count: 2000) + "</testsuite>\n"
        try (Data([0xFE, 0xFF]) + (try #require(text.data(using: .utf16BigEndian)))).write(to: long)
        let longHead = try #require(EvidenceSniffer.head(of: long))
        #expect(longHead.count == EvidenceSniffer.headLength)
        #expect(longHead == Data(text.utf8).prefix(EvidenceSniffer.headLength))
    }

    @Test func utf16WithoutAByteOrderMarkStaysUnrecognised() throws {
        let data = try #require(#"{"Action":"run","Package":"p","Test":"TestA"}"#.data(using: .utf16LittleEndian))
        #expect(EvidenceSniffer.kind(of: data) == nil)
    }

    @Test func namesDecideBeforeContent() {
        #expect(!EvidenceSniffer.mayHoldEvidence(path: "docs/go-test-output.md"))
        #expect(!EvidenceSniffer.mayHoldEvidence(path: "cart/cart_test.go"))
        #expect(EvidenceSniffer.mayHoldEvidence(path: "build/test-results/TEST-cart.xml"))
        #expect(EvidenceSniffer.mayHoldEvidence(path: "coverage.out"))
        #expect(EvidenceSniffer.mayHoldEvidence(path: "results/lint"))
    }
}
