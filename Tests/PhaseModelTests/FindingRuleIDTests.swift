import Foundation
import PhaseModel
import Testing
import TestSupport

/// `Finding.rule` as a typed id: the JSON still holds the dotted id, and an id this version
/// does not raise (a snapshot from another version) still reads and writes back unchanged.
struct FindingRuleIDTests {
    @Test func theCatalogListsEveryRuleOnceInCaseOrder() {
        #expect(FindingRule.catalog.map(\.id) == FindingRuleID.allCases)
        #expect(Set(FindingRuleID.allCases.map(\.rawValue)).count == FindingRuleID.allCases.count)
    }

    @Test func everyCaseIsReadBackFromItsID() {
        for rule in FindingRuleID.allCases {
            #expect(FindingRuleID(rawValue: rule.rawValue) == rule)
            if case .other = FindingRuleID(rawValue: rule.rawValue) { Issue.record("\(rule) read as other") }
        }
        #expect(FindingRuleID.scanInvalidUTF8.rawValue == "scan.invalid-utf8")
        #expect(FindingRuleID.namingDuplicateID.rawValue == "naming.duplicate-id")
    }

    @Test func anUnknownIDIsKeptAsOther() {
        let rule = FindingRuleID(rawValue: "future.rule")
        #expect(rule == .other("future.rule"))
        #expect(rule.rawValue == "future.rule")
        #expect(!FindingRuleID.allCases.contains(rule))
        // An `other` spelling a known id is that rule, in comparisons and in sets.
        #expect(FindingRuleID.other("tests.failing") == .testsFailing)
        #expect(Set([FindingRuleID.other("tests.failing"), .testsFailing]).count == 1)
    }

    /// Findings were sorted by the rule string; the typed id keeps that order.
    @Test func idsOrderAsTheirStrings() {
        let rules = FindingRuleID.allCases + [.other("a.first"), .other("zz.last"), .other("scan.a")]
        #expect(rules.sorted().map(\.rawValue) == rules.map(\.rawValue).sorted())
    }

    @Test func aFindingIsWrittenWithTheDottedID() throws {
        let finding = Finding(rule: .namingNoncanonical, severity: .minor, message: LocalizedText(en: "m", ru: "м"))
        let json = try #require(String(data: CanonicalJSON.encode(finding, pretty: false), encoding: .utf8))
        #expect(json.contains(#""rule":"naming.noncanonical""#))
        // Through Foundation's encoder too, as any other Codable client would write it.
        let foundation = try #require(String(data: JSONEncoder().encode(finding), encoding: .utf8))
        #expect(foundation.contains(#""rule":"naming.noncanonical""#))
    }

    @Test func aSavedFindingOfAnUnknownRuleReadsAndWritesBackTheSame() throws {
        let saved = Data(#"{"commit":null,"file":"a.md","line":3,"message":{"en":"m","ru":"м"},"phase":null,"remediation":null,"rule":"retired.rule","severity":"minor","task":null}"#.utf8)
        let finding = try JSONDecoder().decode(Finding.self, from: saved)
        #expect(finding.rule == .other("retired.rule"))
        let written = try CanonicalJSON.encode(finding, pretty: false)
        #expect(String(decoding: written, as: UTF8.self).contains(#""rule":"retired.rule""#))
        #expect(try JSONDecoder().decode(Finding.self, from: written) == finding)
        let known = try JSONDecoder().decode(Finding.self, from: Data(String(decoding: saved, as: UTF8.self)
            .replacingOccurrences(of: "retired.rule", with: "docs.missing").utf8))
        #expect(known.rule == .docsMissing)
    }

    /// A whole phase model whose findings name rules this version does not raise (the sample's
    /// `helm.lint`, `claims.unverifiable`, …) reads as a snapshot and writes back byte for byte.
    @Test func aSnapshotWithUnknownRulesRoundTrips() throws {
        let bytes = try CanonicalJSON.encode(SampleWorkspace.populated)
        let read = try SnapshotDecoding.phaseModel(from: bytes).get()
        #expect(read.findings.map(\.rule.rawValue) == SampleWorkspace.populated.findings.map(\.rule.rawValue))
        #expect(read.findings.contains { $0.rule == .other("helm.lint") })
        #expect(try CanonicalJSON.encode(read) == bytes)
    }
}
