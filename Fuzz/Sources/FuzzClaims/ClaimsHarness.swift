import Foundation
import FuzzSupport
import PhaseModel
import Scan

/// Reads claims from a Markdown document in a small workspace: one task in a phase, so claims can be
/// scoped to both.
let extractor: ClaimExtractor = {
    let phase = Phase(id: "1", name: "Foundations", source: .file("PLAN.md", line: 3), tasks: ["PC-001"])
    let task = TaskRecord(id: "PC-001", title: "Parser", phase: "1", directories: ["tasks/PC-001-parser"])
    // The default pattern compiles; a failure here is a broken harness, not a finding.
    return ClaimExtractor(ids: try! TaskIDPattern(), tasks: [task], phases: [phase])
}()

/// The claim lexers on any text: the number and ratio scanners, the phrase scanner, and claim
/// extraction from a whole Markdown document (cmark-gfm's tree, tables, lists, headings). Every
/// range a scanner returns must lie within the text and slice it without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClaims(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    for number in ClaimNumberScanner.numbers(in: text) {
        fuzzCheck(number.range.upperBound <= text.endIndex, "number '\(number.text)' beyond the end")
        _ = text[number.range]
        fuzzCheck(!number.value.isNaN, "number '\(number.text)' read as NaN")
    }
    for ratio in ClaimNumberScanner.ratios(in: text) {
        fuzzCheck(ratio.range.upperBound <= text.endIndex, "ratio '\(ratio.text)' beyond the end")
        _ = text[ratio.range]
    }
    _ = ClaimPhraseScanner.claims(in: text)
    // The length picks the document's place: inside the task's folder, or elsewhere.
    let file = count % 2 == 0 ? "tasks/PC-001-parser/REPORT.md" : "docs/PHASE_1_SUMMARY.md"
    for claim in extractor.claims(inMarkdown: text, file: file) {
        if let line = claim.source.line { fuzzCheck(line >= 1, "claim at line \(line)") }
    }
    return 0
}
