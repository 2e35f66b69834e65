import Foundation
import PhaseModel
import PhasecertKit
import Render
import Testing

/// `phase-close` reads its templates while it scans: the assessment is the scan's, the templates
/// those a renderer reads on its own, and a broken template is an error only when the templates
/// are asked for, after what the scan found (an unknown phase) was said.
struct TemplatesWhileScanningTests {
    @Test func theAssessmentAndTemplatesAreThoseReadOneAfterTheOther() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("templates/en/completion.md.mustache", "# Closed by the team's own template\n")
        let pipeline = fixture.pipeline()
        let (assessment, templates) = try pipeline.assessment(factsFor: ["1"], templates: [.en, .ru])
        let alone = pipeline.assess(try pipeline.scan(factsFor: ["1"]))
        #expect(assessment.workspace.phases.map(\.id) == alone.workspace.phases.map(\.id))
        #expect(assessment.workspace.claims.count == alone.workspace.claims.count)
        let read = try templates()
        #expect(read.map(\.locale) == [.en, .ru])
        let input = pipeline.reportInput(assessment, phases: ["1"])
        let renderer = try pipeline.renderer(for: input, locales: [.en, .ru], templates: read)
        let fresh = try pipeline.renderer(for: input, locales: [.en, .ru])
        let completion = try renderer.completion(phase: "1", locale: .en)
        #expect(completion.contains("# Closed by the team's own template"), "\(completion)")
        #expect(try renderer.completion(phase: "1", locale: .ru) == (try fresh.completion(phase: "1", locale: .ru)))
    }

    @Test func aBrokenTemplateIsAnErrorWhenTheTemplatesAreAskedFor() throws {
        let fixture = try PipelineFixture()
        try fixture.repository.write("templates/en/completion.md.mustache", "{{#open}}never closed\n")
        let pipeline = fixture.pipeline()
        let (assessment, templates) = try pipeline.assessment(factsFor: nil, templates: [.en])
        #expect(assessment.workspace.phases.count == 2)
        #expect(throws: TemplateError.self) { try templates() }
    }
}
