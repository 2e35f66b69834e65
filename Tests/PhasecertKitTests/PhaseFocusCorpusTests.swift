import Foundation
import PhaseModel
import PhasecertKit
import Scan
import Testing
import TestSupport

/// The development corpus (`../shared/corpus/`, beside the project) as proof that closing one
/// phase after a scan and assessment focused on it writes, on real repositories, what closing it
/// after whole ones writes: each bundle is cloned and its last phase closed
/// both ways (in English: the model behind every locale is the same). Skipped where the corpus is not there.
struct PhaseFocusCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var bundles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".bundle") }.sorted()
    }

    @Test(.enabled(if: !bundles.isEmpty, "no corpus beside the project"), arguments: bundles)
    func closingAFocusedPhaseWritesWhatAWholeAssessmentWrites(bundle: String) throws {
        let clone = try TemporaryFolder()
        let path = clone.path + "/repo"
        _ = try GitFixture.git(["clone", "-q", Self.corpus.appendingPathComponent(bundle).path, path], in: clone.path)
        let (configuration, file) = try Pipeline.configuration(file: nil, repository: path)
        let pipeline = Pipeline(source: ScanSource(repository: path), configuration: configuration, configurationFile: file)
        // Scanned as the command line scans, documents' claims kept between the two scans.
        func scan(_ phases: Set<String>?) throws -> WorkspaceScanner.Outcome {
            try WorkspaceScanner(
                repository: path, configuration: configuration, configurationFile: file, claimCacheSalt: "corpus", factsPhases: phases
            ).scanDetailed()
        }
        let whole = pipeline.assess(try scan(nil))
        let ids = whole.workspace.phases.map(\.id)
        #expect(!ids.isEmpty, "\(bundle): no phase")
        // The last phase: a whole repository's one scope, else the one with the least history behind it.
        for phase in ids.suffix(1) {
            let focused = pipeline.assess(try scan([phase]))
            let expected = try pipeline.close(whole, phases: [phase], all: false, locales: [.en])
            let result = try pipeline.close(focused, phases: [phase], all: false, locales: [.en])
            #expect(result.files.map(\.path) == expected.files.map(\.path), "\(bundle), phase \(phase)")
            let differing = zip(result.files, expected.files).filter { $0.contents != $1.contents }.map(\.0.path)
            #expect(differing.isEmpty, "\(bundle), phase \(phase): \(differing.prefix(5))")
            #expect(result.passed == expected.passed, "\(bundle), phase \(phase)")
        }
    }
}
