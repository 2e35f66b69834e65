import Foundation
import Testing
import TestSupport
@testable import PhasecertCLI

/// Past the per-file limit of listed problems, the rest are counted by what they cost: a file
/// whose only problems are unreadable durations keeps every result, so the count of the rest is
/// a minor finding and does not hold the test gate as malformed evidence would.
struct EvidenceOverflowFindingTests {
    @Test func manyUnreadableDurationsNeverBecomeMalformedEvidence() throws {
        let cases = (1...25).map { #"<testcase classname="PC-001.suite" name="t\#($0)" time="1e999"/>"# }
        let junit = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="suite" tests="25" failures="0" errors="0">
            \(cases.joined(separator: "\n"))
            </testsuite>
            """
        let repository = try UnreadEvidenceTests.repository { repository in
            try repository.write("results/durations.xml", junit)
            try repository.commit("PC-001: results")
        }
        let (_, json) = try UnreadEvidenceTests.scan(repository)
        let findings = UnreadEvidenceTests.findings(json).filter { $0.file == "results/durations.xml" }
        #expect(!findings.contains { $0.rule == "evidence.malformed" })
        #expect(findings.filter { $0.rule == "evidence.figure-unreadable" }.count == 21)
        let condition = try #require(UnreadEvidenceTests.testPassRateCondition(json))
        #expect(condition["passed"] as? Bool == true)
    }
}
